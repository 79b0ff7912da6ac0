using Dossier.Corpus.Evaluation;
using Dossier.Testing;

namespace Dossier.Corpus.Tests;

public sealed class StoryEvaluationTests
{
    [Fact]
    public void Perfect_clustering_scores_one_and_a_single_lump_scores_low()
    {
        var gold = new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "y", ["d"] = "y" };
        var perfect = StoryEvaluator.Compare(gold, new Dictionary<string, int> { ["a"] = 0, ["b"] = 0, ["c"] = 1, ["d"] = 1 });
        Assert.Equal((1.0, 1.0, 1.0, 1.0), (perfect.BCubedPrecision, perfect.BCubedRecall, perfect.BCubedF1, perfect.AdjustedRand));
        var lump = StoryEvaluator.Compare(gold, new Dictionary<string, int> { ["a"] = 0, ["b"] = 0, ["c"] = 0, ["d"] = 0 });
        Assert.Equal(0.5, lump.BCubedPrecision, 6);
        Assert.Equal(1.0, lump.BCubedRecall, 6);
        Assert.True(lump.AdjustedRand <= 0);
    }

    [Fact]
    public void Ecbplus_dev_reaches_the_target_with_the_settings_chosen_on_train()
    {
        var scores = StoryEvaluator.Evaluate(SharedData.Path("data", "clustering", "ecbplus"), "dev");
        Assert.Equal(197, scores.Documents);
        Assert.True(scores.BCubedF1 >= 0.90, scores.ToString());
    }

    [Fact]
    public void Missing_split_is_reported()
    {
        Assert.NotNull(StoryEvaluator.Read(Path.GetTempPath(), "nosuchsplit").Error);
    }
}
