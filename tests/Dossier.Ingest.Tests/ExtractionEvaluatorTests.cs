using Dossier.Ingest.Evaluation;
using Dossier.Testing;

namespace Dossier.Ingest.Tests;

public class ExtractionEvaluatorTests
{
    [Fact]
    public void Shingle_score_follows_the_newspaper_protocol()
    {
        const string gold = "the mayor opened the new bridge on friday morning";
        Assert.Equal((1.0, 1.0, 1.0), ExtractionEvaluator.ShingleScore(gold, gold));
        var (p, r, _) = ExtractionEvaluator.ShingleScore("", gold);
        Assert.Equal(0, p);
        Assert.Equal(0, r);
        // Half the gold: every predicted shingle is right (precision 1), recall below 1.
        var half = ExtractionEvaluator.ShingleScore("the mayor opened the new bridge", gold);
        Assert.Equal(1, half.P);
        Assert.True(half.R is > 0 and < 1);
        // Fewer than four tokens on both sides: no shingles, counted as a perfect match.
        Assert.Equal((1.0, 1.0, 1.0), ExtractionEvaluator.ShingleScore("a b", "c d"));
    }

    [Fact]
    public void Word_score_follows_the_wcxb_protocol()
    {
        Assert.Equal((1.0, 1.0, 1.0), ExtractionEvaluator.WordScore("", ""));
        Assert.Equal((0.0, 0.0, 0.0), ExtractionEvaluator.WordScore("extra", ""));
        var (p, r, f) = ExtractionEvaluator.WordScore("Rain rain sun", "rain sun wind snow");
        Assert.Equal(2.0 / 3, p, 6);
        Assert.Equal(0.5, r, 6);
        Assert.Equal(2 * p * r / (p + r), f, 6);
    }

    [Fact]
    public void Evaluates_a_few_pages_of_each_development_set()
    {
        var evaluations = ExtractionEvaluator.Evaluate(SharedData.Path("data", "extraction"), limit: 5);
        Assert.Equal(["naeb", "trafilatura-eval", "wcxb-dev"], evaluations.Select(e => e.Name));
        Assert.All(evaluations, e => Assert.Equal(5, e.Pages));
        Assert.NotNull(evaluations[0].Shingles);
        Assert.NotNull(evaluations[1].Snippets);
        Assert.NotNull(evaluations[2].Words);
        var report = ExtractionEvaluator.Format(evaluations);
        Assert.Contains("naeb: 5 pages", report);
        Assert.Contains("snippets with/without", report);
    }
}
