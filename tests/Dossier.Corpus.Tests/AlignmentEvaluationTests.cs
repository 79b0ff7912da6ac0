using Dossier.Core.Model;
using Dossier.Corpus.Evaluation;
using Dossier.Testing;

namespace Dossier.Corpus.Tests;

public sealed class AlignmentEvaluationTests
{
    private static IReadOnlyList<GoldEvent> Events => AlignmentEvaluator.Read(Path.Combine(SharedData.RepositoryRoot, "samples", "eval", "alignment", "dev"));

    /// <summary>A corpus whose results are exactly the gold annotations.</summary>
    private static Core.Model.Corpus FromGold(IReadOnlyList<GoldEvent> events)
    {
        var documents = AlignmentEvaluator.Documents(events);
        var text = documents.ToDictionary(d => d.Id, d => d.Text);
        DocSpan At(string doc, string passage) => new(doc, text[doc].IndexOf(passage, StringComparison.Ordinal), text[doc].IndexOf(passage, StringComparison.Ordinal) + passage.Length);
        return new Core.Model.Corpus
        {
            Documents = documents,
            Stories = [.. events.Select(e => new Story(e.Event, e.Event, null, [.. e.Articles.Select(a => a.Id)], ""))],
            Alignments = [.. events.SelectMany(e =>
                e.Claims.Select(c => new Core.Model.Alignment(e.Event, AlignmentKind.Claim, c.Id, [.. c.Members.Select(m => At(m.Key, m.Value))]))
                .Concat(e.Quotes.Select(q => new Core.Model.Alignment(e.Event, AlignmentKind.Quote, q.Id, [.. q.Members.Select(m => At(m.Key, m.Value))]))))],
            Discrepancies = [.. events.SelectMany(e => e.Discrepancies.Select(d =>
                    new Discrepancy(e.Event, d.Document, d.Kind, d.Text, At(d.Document, d.Text).Start, At(d.Document, d.Text).End, "")))
                .Concat(events.SelectMany(e => e.Omissions().Select(o =>
                    new Discrepancy(e.Event, o.Document, "omission", e.Claims.Concat(e.Quotes).Single(c => c.Id == o.Claim).Members.Values.First(), 0, 0, ""))))],
        };
    }

    [Fact]
    public void Gold_results_score_one_and_no_results_score_zero_recall()
    {
        var events = Events;
        Assert.True(events.Count >= 4 && events.All(e => e.Articles.Count is >= 3 and <= 5 && e.Discrepancies.Count > 0));
        var perfect = AlignmentEvaluator.Score(events, FromGold(events));
        Assert.Equal((1.0, 1.0), (perfect.Claims.Precision, perfect.Claims.Recall));
        Assert.Equal((1.0, 1.0), (perfect.Quotes.Precision, perfect.Quotes.Recall));
        Assert.Equal((1.0, 1.0), (perfect.Contradictions.Precision, perfect.Contradictions.Recall));
        Assert.Equal(1.0, perfect.Omissions.Recall);
        Assert.Equal(1.0, perfect.Stories.BCubedF1);

        var nothing = AlignmentEvaluator.Score(events, new Core.Model.Corpus { Documents = AlignmentEvaluator.Documents(events) });
        Assert.Equal(0, nothing.Claims.Recall);
        Assert.Equal(0, nothing.Contradictions.Recall);
        Assert.NotEmpty(nothing.Misses);
    }

    [Fact]
    public void A_discrepancy_on_the_wrong_passage_or_of_the_wrong_kind_does_not_count()
    {
        var events = Events;
        var gold = FromGold(events);
        var shifted = gold with
        {
            Discrepancies = [.. gold.Discrepancies.Select(d => d.Kind == "number" ? d with { Kind = "date" } : d.Kind == "role" ? d with { Start = d.End + 1, End = d.End + 2 } : d)],
        };
        var scores = AlignmentEvaluator.Score(events, shifted);
        Assert.Equal(0, scores.ByKind["number"].Recall);
        Assert.Equal(0, scores.ByKind["role"].Recall);
        Assert.True(scores.ByKind["date"].Precision < 1);
    }
}
