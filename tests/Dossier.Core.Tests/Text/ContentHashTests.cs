using System.Security.Cryptography;
using System.Text;
using Dossier.Core.Text;

namespace Dossier.Core.Tests.Text;

public class ContentHashTests
{
    /// <summary>The definition: SHA-256 of the words joined by single spaces, first 8 bytes in lower-case hex.</summary>
    private static string Reference(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))))[..8]);

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("The council approved the budget.")]
    [InlineData("  The council\u00A0approved \r\n\r\n the budget.\u2003 ")]
    [InlineData("Zürich – 東京 \U0001F600 emoji")]
    [InlineData("lone \uD800 surrogate")]
    public void The_id_is_the_hash_of_the_words_joined_by_single_spaces(string text) =>
        Assert.Equal(Reference(text), ContentHash.Of(text));

    [Fact]
    public void A_long_text_with_surrogate_pairs_hashes_like_the_definition()
    {
        var random = new Random(7);
        var sb = new StringBuilder();
        while (sb.Length < 100_000)
        {
            switch (random.Next(5))
            {
                case 0: sb.Append(' ', random.Next(1, 4)); break;
                case 1: sb.Append("\U0001F4F0"); break; // a surrogate pair
                case 2: sb.Append('\n'); break;
                default: sb.Append("ferry"); break;
            }
        }
        var text = sb.ToString();
        Assert.Equal(Reference(text), ContentHash.Of(text));
        Assert.Equal(ContentHash.Of(text), ContentHash.Of("  " + text.Replace("\n", " \t ") + "\n"));
        // A pair at each position around a power-of-two length, where a chunked encoder would split it.
        for (var offset = (1 << 14) - 3; offset <= (1 << 14) + 3; offset++)
        {
            var straddling = new string('a', offset) + "\U0001F4F0 tail";
            Assert.Equal(Reference(straddling), ContentHash.Of(straddling));
        }
    }
}
