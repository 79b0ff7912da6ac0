using Dossier.Corpus.Duplicates;

namespace Dossier.Corpus.Tests;

public sealed class DuplicateTests
{
    private const string Wire = "The regional parliament voted on Thursday to extend the fishing ban in the northern bay for another two years, " +
        "citing a sharp fall in cod stocks. Fishermen's associations said the decision would cost hundreds of jobs in coastal towns " +
        "and promised to challenge it in court. The environment minister welcomed the vote and said compensation payments would start in March. " +
        "Scientists at the marine institute estimate that cod numbers have dropped by more than half since 2015.";

    // A syndicated rewrite: new headline line, one sentence changed, a local paragraph added.
    private static readonly string Rewrite = "Fishing ban extended. " + Wire.Replace("promised to challenge it in court", "vowed to fight it in the courts") +
        " Local boat owners in Port Elm said they had not been consulted.";

    private const string Other = "A new tram line opened in the city centre on Saturday, linking the railway station with the university campus. " +
        "Officials expect 20,000 passengers a day once the second phase is completed next year.";

    [Fact]
    public void A_rewrite_of_a_wire_story_is_found_with_jaccard_and_shared_passages()
    {
        var groups = new NearDuplicateDetector().Find([("wire", Wire), ("rewrite", Rewrite), ("other", Other)]);
        var group = Assert.Single(groups);
        Assert.Equal(["rewrite", "wire"], group.DocumentIds.ToArray());
        Assert.Equal("rewrite", group.Representative);
        var link = Assert.Single(group.Links);
        Assert.Equal("wire", link.DocumentId);
        Assert.InRange(link.ExactJaccard, 0.6, 0.95);
        Assert.InRange(Math.Abs(link.EstimatedJaccard - link.ExactJaccard), 0, 0.15);
        var passages = link.Passages.Select(p => Wire[p.Start..p.End]).ToList();
        Assert.All(link.Passages, p => Assert.Equal("wire", p.DocumentId));
        Assert.Contains(passages, p => p.Contains("citing a sharp fall in cod stocks"));
        Assert.DoesNotContain(passages, p => p.Contains("challenge it in court"));
    }

    [Fact]
    public void Different_stories_are_not_duplicates()
    {
        var link = new NearDuplicateDetector().Compare(Wire, Other);
        Assert.Equal(0, link.ExactJaccard);
        Assert.Empty(link.Passages);
    }

    [Fact]
    public void Ten_thousand_copies_form_one_group()
    {
        var docs = Enumerable.Range(0, 10000).Select(i => ($"c{i:D5}", i % 2 == 0 ? Wire : Rewrite)).Append(("other", Other));
        var group = Assert.Single(new NearDuplicateDetector().Find(docs));
        Assert.Equal(10000, group.DocumentIds.Length);
    }

    [Fact]
    public void Empty_and_tiny_texts_are_never_duplicates()
    {
        Assert.Empty(new NearDuplicateDetector().Find([("a", ""), ("b", ""), ("c", "Hi."), ("d", "Hi.")]));
    }

    [Fact]
    public void Duplicate_stage_explains_each_copy_in_the_corpus()
    {
        var docs = new[] { new DocBuilder("wire", Wire).Build(), new DocBuilder("rewrite", Rewrite).Build(), new DocBuilder("other", Other).Build() };
        var corpus = new DuplicateStage().Process(TestCorpus.Of(docs), TestCorpus.Context());
        var group = Assert.Single(corpus.Duplicates);
        var link = Assert.Single(group.Links);
        Assert.True(link.EstimatedJaccard > 0.5);
        Assert.NotEmpty(link.Passages);
    }
}
