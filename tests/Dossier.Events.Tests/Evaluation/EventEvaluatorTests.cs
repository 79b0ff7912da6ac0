using System.Reflection;
using Dossier.Events.Evaluation;
using Dossier.Events.Plover;
using Dossier.Testing;

namespace Dossier.Events.Tests.Evaluation;

public sealed class EventEvaluatorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dossier-cameo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Scores_quad_classes_and_actors_on_a_hand_made_set()
    {
        var classDir = Directory.CreateDirectory(Path.Combine(_dir, "conflibert-cameo", "cameo_class")).FullName;
        var nerDir = Directory.CreateDirectory(Path.Combine(_dir, "conflibert-cameo", "cameo_ner")).FullName;
        // Every sentence is in "all"; labels: 4 material conflict, 1 verbal cooperation, 0 statement.
        File.WriteAllLines(Path.Combine(classDir, "train.tsv"),
        [
            "Rebels attacked an army convoy near the northern border.\t4",
            "The two ministers praised the new trade agreement.\t1",
            "The weather office published its annual report.\t0",
        ]);
        File.WriteAllText(Path.Combine(nerDir, "train.txt"),
            "Rebels B-S\nattacked O\nan O\narmy B-T\nconvoy I-T\n. O\n\n");
        var scores = EventEvaluator.Evaluate(_dir, "all");
        Assert.Equal(3, scores.Sentences);
        Assert.Equal(1.0, scores.QuadAccuracy, 3);
        Assert.Equal(1, scores.ActorSentences);
        Assert.Equal(1.0, scores.SourceAccuracy, 3);
        Assert.Contains("macro-F1", scores.Format());
    }

    [Fact]
    public void Missing_data_gives_empty_scores()
    {
        var scores = EventEvaluator.Evaluate(Path.Combine(_dir, "nowhere"));
        Assert.Equal(0, scores.Sentences);
    }

    [Fact]
    public void Cameo_resource_is_current()
    {
        var verbs = SharedData.Path("data", "events", "cameo-dictionaries", "petrarch2", "CAMEO.2.0.txt");
        var table = SharedData.Path("data", "events", "plover", "CAMEO2PLOVER-2021.txt");
        if (!File.Exists(verbs) || !File.Exists(table)) return;
        var generated = CameoLexiconGenerator.Generate(verbs, table);
        var assembly = typeof(PloverLexicon).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("cameo-verbs.tsv", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        Assert.Equal(generated, reader.ReadToEnd());
    }

    [Fact]
    public void Cameo_codes_map_to_plover_by_longest_prefix()
    {
        var table = CameoLexiconGenerator.ReadPloverTable(["19: ASSAULT", "190: ASSAULT, , military # x", "0871: RETREAT, ceasefire, military # y", "08: CONCEDE"]);
        Assert.Equal(("ASSAULT", "", "military"), CameoLexiconGenerator.Map(table, "1905"));
        Assert.Equal("ceasefire", CameoLexiconGenerator.Map(table, "0871").Mode);
        Assert.Equal(CameoLexiconGenerator.NotPlover, CameoLexiconGenerator.Map(table, "010").Type);
        Assert.Equal(CameoLexiconGenerator.NoEvent, CameoLexiconGenerator.Map(table, "---").Type);
    }
}
