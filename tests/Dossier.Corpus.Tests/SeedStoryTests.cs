using Dossier.Corpus.Stories;
using Dossier.Testing;

namespace Dossier.Corpus.Tests;

/// <summary>The careful-reader answer on the seeds: the three reports of one day are one story, the two reports of
/// the later ceasefire talks another. The documents carry only text (read at run time from ../shared), plus
/// capitalised phrases as stand-in entities in the second test.</summary>
public sealed class SeedStoryTests
{
    private static List<(string Id, string Text)> Seeds() =>
        [.. Directory.GetFiles(SharedData.Seeds, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f)[..3], File.ReadAllText(f)))];

    private static string Grouping(IEnumerable<StoryCluster> clusters) =>
        string.Join(" | ", clusters.Select(c => string.Join(",", c.DocumentIds)).Order(StringComparer.Ordinal));

    [Fact]
    public void Seeds_form_two_stories_from_text_alone()
    {
        var clusters = new StoryClusterer().Cluster(Seeds().Select(s => new StoryDocument(s.Id, s.Text)));
        Assert.Equal("000,001,002 | 003,004", Grouping(clusters));
    }

    [Fact]
    public void Seeds_form_two_stories_with_entities_in_any_input_order()
    {
        var docs = Seeds().Select(s => new DocBuilder(s.Id, s.Text).CapitalisedPhrases().Build()).ToList();
        var forward = new StoryStage().Process(TestCorpus.Of([.. docs]), TestCorpus.Context());
        docs.Reverse();
        var backward = new StoryStage().Process(TestCorpus.Of([.. docs]), TestCorpus.Context());
        Assert.Equal("000,001,002 | 003,004", Grouping(forward.Stories.Select(s => new StoryCluster(s.DocumentIds, []))));
        Assert.Equal(forward.Stories, backward.Stories, new StoryComparer());
    }

    [Fact]
    public void The_mid_march_reports_continue_the_late_february_story()
    {
        // Publication dates as a manifest would give them (the mid-March reports state no date of their own).
        var docs = Seeds().Select(s =>
        {
            var builder = new DocBuilder(s.Id, s.Text).CapitalisedPhrases();
            return (string.CompareOrdinal(s.Id, "003") < 0 ? builder.Published(2025, 2, 24) : builder.Published(2025, 3, 17)).Build();
        }).ToArray();
        var corpus = new StoryStage().Process(TestCorpus.Of(docs), TestCorpus.Context());
        corpus = new StorylineStage().Process(corpus, TestCorpus.Context());
        var line = Assert.Single(corpus.Storylines);
        var link = Assert.Single(line.Links);
        Assert.True(link.Score >= new StorylineOptions().Threshold, $"{link.Score}: {string.Join(",", link.SharedActors)} / {string.Join(",", link.SharedTerms)}");
        Assert.Equal(corpus.Stories.Single(s => s.DocumentIds.Contains("000")).Id, line.StoryIds[0]);
    }

    private sealed class StoryComparer : IEqualityComparer<Core.Model.Story>
    {
        public bool Equals(Core.Model.Story? x, Core.Model.Story? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Title == y.Title && x.Summary == y.Summary && x.DocumentIds.SequenceEqual(y.DocumentIds);

        public int GetHashCode(Core.Model.Story obj) => obj.Id.GetHashCode();
    }
}
