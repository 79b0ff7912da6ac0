using Dossier.Corpus.Evaluation;
using Dossier.Testing;

namespace Dossier.Corpus.Tests;

/// <summary>The annotated stance set (Data/stances.jsonl: 40 news sentences written and annotated for Dossier, not
/// from the seeds) guards against regressions; the figures are in the closing report.</summary>
public sealed class StanceEvaluationTests
{
    [Fact]
    public void Stance_stage_keeps_its_accuracy_and_evidence_precision_on_the_annotated_set()
    {
        var scores = StanceEvaluator.Evaluate(Path.Combine(SharedData.RepositoryRoot, "tests", "Dossier.Corpus.Tests", "Data", "stances.jsonl"));
        Assert.Equal(40, scores.Texts);
        Assert.True(scores.StanceAccuracy >= 0.90, scores.ToString());
        Assert.True(scores.EvidencePrecision >= 0.85, scores.ToString());
        Assert.True(scores.Recall >= 0.75, scores.ToString());
    }
}
