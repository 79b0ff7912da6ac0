using Dossier.Attribution.Evaluation;
using Dossier.Core.Model;
using Dossier.Testing;

namespace Dossier.Attribution.Tests.Evaluation;

public sealed class QuoteEvaluatorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dossier-polnear-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Writes one article in PolNeAR's layout with gold spans given as (role, substring) pairs.</summary>
    private void WriteArticle(string name, string text, params (string Content, string? Cue, string? Source)[] gold)
    {
        var textDir = Directory.CreateDirectory(Path.Combine(_dir, "data", "dev", "text")).FullName;
        var annDir = Directory.CreateDirectory(Path.Combine(_dir, "data", "dev", "attributions")).FullName;
        File.WriteAllText(Path.Combine(textDir, name + ".txt"), text);
        var lines = new List<string>();
        var t = 0;
        var e = 0;
        string Span(string label, string sub)
        {
            var start = text.IndexOf(sub, StringComparison.Ordinal);
            lines.Add($"T{++t}\t{label} {start} {start + sub.Length}\t{sub}");
            return "T" + t;
        }
        foreach (var (content, cue, source) in gold)
        {
            var c = Span("Content", content);
            var roles = $"Content:{c}";
            if (cue is not null) roles += $" Cue:{Span("Cue", cue)}";
            if (source is not null) roles += $" Source:{Span("Source", source)}";
            lines.Add($"E{++e}\tAttribution:T{t} {roles}");
        }
        File.WriteAllLines(Path.Combine(annDir, name + "_0a1b.ann"), lines);
        // A second annotator's file must be ignored (the first one alphabetically is read).
        File.WriteAllLines(Path.Combine(annDir, name + "_ffff.ann"), ["T1\tContent 0 1\tx", "E1\tAttribution:T1 Content:T1"]);
    }

    [Fact]
    public void Scores_direct_and_indirect_against_hand_made_gold()
    {
        WriteArticle("a1",
            "“The dam will hold,” Okafor said.\n\nLindqvist said that the river would fall by Friday.\n\nThe weather stayed dry.",
            ("“The dam will hold,”", "said", "Okafor"),
            ("that the river would fall by Friday", "said", "Lindqvist"));
        var scores = QuoteEvaluator.Evaluate(_dir, "dev");
        Assert.Equal(1, scores.Articles);
        Assert.Equal(1.0, scores.Direct.Exact.F1, 3);
        Assert.Equal(1.0, scores.Indirect.Exact.F1, 3);
        Assert.Equal(1.0, scores.All.SourceAccuracy, 3);
        Assert.Contains("direct", scores.Format());
    }

    [Fact]
    public void Another_mention_of_the_same_actor_is_the_right_source_but_not_another_name_in_the_phrase()
    {
        // The fallback language keys persons by last name, so both mentions of Okafor are one actor.
        WriteArticle("a3",
            "Mayor Amara Okafor toured the dam on Monday.\n\n“The dam will hold,” Okafor said.\n\n“The river is falling,” Erik Lindqvist said.",
            ("“The dam will hold,”", "said", "Mayor Amara Okafor"),
            ("“The river is falling,”", "said", "Erik Lindqvist"));
        var scores = QuoteEvaluator.Evaluate(_dir, "dev");
        Assert.Equal(2, scores.All.SourceEvaluated);
        // Okafor's quote: its speaker is the second mention of Okafor, the gold source the first.
        Assert.Equal(1, scores.All.SourceCorrect - scores.All.SourceSpanCorrect);
        Assert.Equal(0.5, scores.All.SourceSpanAccuracy, 3);
        Assert.Equal(1.0, scores.All.SourceAccuracy, 3);
        Assert.Contains("span-only", scores.Format());
    }

    [Fact]
    public void A_speaker_named_in_a_phrase_that_ends_in_someone_else_is_not_the_source()
    {
        WriteArticle("a4",
            "Amara Okafor toured the dam with Okafor aide Erik Lindqvist.\n\n“The dam will hold,” Okafor said.",
            ("“The dam will hold,”", "said", "Okafor aide Erik Lindqvist"));
        var scores = QuoteEvaluator.Evaluate(_dir, "dev");
        Assert.Equal(1, scores.All.SourceEvaluated);
        Assert.Equal(0, scores.All.SourceCorrect);
    }

    [Fact]
    public void A_missed_attribution_lowers_recall_not_precision()
    {
        WriteArticle("a2",
            "“The dam will hold,” Okafor said.\n\nThe river, in the view of many farmers, would fall by Friday.",
            ("“The dam will hold,”", "said", "Okafor"),
            ("would fall by Friday", null, "many farmers"));
        var scores = QuoteEvaluator.Evaluate(_dir, "dev");
        Assert.Equal(0.5, scores.All.Overlap.Recall, 3);
        Assert.Equal(1.0, scores.All.Overlap.Precision, 3);
    }

    [Fact]
    public void Missing_directory_gives_empty_scores()
    {
        var scores = QuoteEvaluator.Evaluate(Path.Combine(_dir, "nowhere"), "dev");
        Assert.Equal(0, scores.Articles);
        Assert.Equal(0, scores.All.Exact.Gold);
    }

    [Fact]
    public void Fallback_language_finds_sentences_and_names()
    {
        var doc = FallbackLanguage.Prepare(new Document("d", "d", "But Amara Okafor met the U.S. envoy. She left.", new DocumentMetadata()));
        Assert.Equal(2, doc.Layer(Layers.Sentences).Length);
        Assert.Contains(doc.Layer(Layers.Entities), e => e.Text == "Amara Okafor" && e.EntityId == "okafor");
    }

    [Fact]
    public void Real_dev_split_direct_quotes_are_found()
    {
        var dir = SharedData.Path("data", "quotes", "polnear");
        if (!Directory.Exists(dir)) return;
        var scores = QuoteEvaluator.Evaluate(dir, "dev", maxArticles: 12);
        Assert.True(scores.Direct.Overlap.F1 > 0.85, scores.Format());
    }
}
