using Dossier.Core.Model;

namespace Dossier.Core.Tests.Model;

public class TextSpanTests
{
    [Theory]
    [InlineData(0, 10, 5, 15, 5)]   // partly shared
    [InlineData(2, 4, 0, 10, 2)]    // one inside the other
    [InlineData(0, 5, 5, 9, 0)]     // touching: half-open spans share nothing
    [InlineData(0, 3, 7, 9, 0)]     // apart
    public void Overlap_length_counts_the_shared_positions(int aStart, int aEnd, int bStart, int bEnd, int expected)
    {
        var a = new TextSpan(aStart, aEnd);
        var b = new TextSpan(bStart, bEnd);
        Assert.Equal(expected, a.OverlapLength(b));
        Assert.Equal(expected, b.OverlapLength(a));
        Assert.Equal(expected > 0, a.Overlaps(b));
    }
}
