using Dossier.Testing;

namespace Dossier.Engine.Tests;

public sealed class IncrementalRunTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dossier-engine-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Samples => Path.Combine(SharedData.RepositoryRoot, "samples", "reports");

    [Fact]
    public async Task Running_again_on_the_same_database_adds_nothing_and_gives_the_same_stories()
    {
        var options = new AnalysisOptions { DatabasePath = Path.Combine(_directory, "dossier.db") };
        var first = await Analyzer.Default.AnalyzeAsync([Samples], options);
        var second = await Analyzer.Default.AnalyzeAsync([Samples], options);

        Assert.True(first.NewDocuments > 0);
        Assert.Equal(0, second.NewDocuments);
        Assert.Equal(first.Corpus.Documents.Length, second.Corpus.Documents.Length);
        Assert.Equal(Stories(first), Stories(second));
    }

    [Fact]
    public async Task Adding_documents_later_gives_the_same_result_as_adding_them_at_once()
    {
        var files = Directory.GetFiles(Samples).Order(StringComparer.Ordinal).ToArray();
        var together = await Analyzer.Default.AnalyzeAsync(files);

        var options = new AnalysisOptions { DatabasePath = Path.Combine(_directory, "split.db") };
        await Analyzer.Default.AnalyzeAsync(files.Reverse().Take(2).ToArray(), options);
        var split = await Analyzer.Default.AnalyzeAsync(files.Reverse().ToArray(), options);

        Assert.Equal(Stories(together), Stories(split));
    }

    [Fact]
    public async Task Bad_inputs_get_diagnostics_and_the_rest_is_analysed()
    {
        var bad = Directory.CreateDirectory(Path.Combine(_directory, "bad")).FullName;
        await File.WriteAllTextAsync(Path.Combine(bad, "empty.txt"), "");
        await File.WriteAllBytesAsync(Path.Combine(bad, "binary.txt"), [0, 1, 2, 0, 255, 0, 7, 0, 0, 3]);
        await File.WriteAllBytesAsync(Path.Combine(bad, "latin1.txt"), [.. "Caf"u8.ToArray(), 0xE9, .. " talks resumed in Geneva on Monday, officials said."u8.ToArray()]);

        var result = await Analyzer.Default.AnalyzeAsync([bad, Samples]);

        Assert.Contains(result.Diagnostics, d => d.Where.EndsWith("empty.txt", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Where.EndsWith("binary.txt", StringComparison.Ordinal));
        Assert.Contains(result.Corpus.Documents, d => d.Source.EndsWith("latin1.txt", StringComparison.Ordinal));
        Assert.True(result.Corpus.Documents.Length >= 6);
    }

    private static string[] Stories(AnalysisResult result) =>
        [.. result.Corpus.Stories.Select(s => string.Join(",", s.DocumentIds.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
}
