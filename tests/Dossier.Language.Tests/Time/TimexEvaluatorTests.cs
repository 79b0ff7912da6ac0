using Dossier.Language.Time;
using Dossier.Testing;

namespace Dossier.Language.Tests.Time;

public class TimexEvaluatorTests
{
    [Fact]
    public void Scores_a_small_TimeML_file_written_here()
    {
        var dir = Directory.CreateTempSubdirectory("timex");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.tml"), """
                <?xml version="1.0" ?>
                <TimeML>
                <DOCID>a</DOCID>
                <DCT><TIMEX3 tid="t0" type="DATE" value="2025-02-24" temporalFunction="false" functionInDocument="CREATION_TIME">2025-02-24</TIMEX3></DCT>
                <TEXT>Talks resumed <TIMEX3 tid="t1" type="DATE" value="2025-02-23">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3> of war, and the envoy left on <TIMEX3 tid="t3" type="DATE" value="2025-02-20">Thursday night</TIMEX3> for <TIMEX3 tid="t4" type="DATE" value="XXXX">a long time</TIMEX3>.</TEXT>
                </TimeML>
                """);
            File.WriteAllText(Path.Combine(dir.FullName, "broken.tml"), "<TimeML><TEXT>unclosed");
            var scores = TimexEvaluator.Evaluate(dir.FullName);
            Assert.Equal(1, scores.Files);
            Assert.Equal(4, scores.Strict.Gold);
            // yesterday, three years, Thursday night found with the exact span; Thursday resolves to the past Thursday
            Assert.Equal(3, scores.Strict.Correct);
            Assert.Equal(3, scores.Value.Correct);
            Assert.Contains(scores.Mistakes, m => m.Kind == "missed" && m.Text == "a long time");
            Assert.Contains("strict extraction", scores.Format());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_directory_scores_nothing()
    {
        var scores = TimexEvaluator.Evaluate(Path.Combine(Path.GetTempPath(), "no-such-timeml-dir-" + Guid.NewGuid()));
        Assert.Equal(0, scores.Files);
        Assert.Equal(0, scores.Value.F1);
    }

    [Fact]
    public void TempEval3_training_value_F1_stays_at_its_measured_level()
    {
        var scores = TimexEvaluator.Evaluate(SharedData.Path("data", "tempeval3", "train"));
        Assert.Equal(256, scores.Files);
        Assert.True(scores.Relaxed.F1 >= 0.90, scores.Format());
        Assert.True(scores.Value.F1 >= 0.76, scores.Format());
    }
}
