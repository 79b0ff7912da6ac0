using System.Collections.Immutable;
using System.Text.Json;
using Dossier.Corpus.Dates;
using Dossier.Corpus.Stories;

namespace Dossier.Corpus.Evaluation;

/// <summary>Story-clustering scores against gold clusters.</summary>
public sealed record StoryScores(
    int Documents,
    int GoldClusters,
    int PredictedClusters,
    double BCubedPrecision,
    double BCubedRecall,
    double BCubedF1,
    double AdjustedRand)
{
    public override string ToString() =>
        $"documents {Documents}, gold {GoldClusters}, predicted {PredictedClusters}: B3 P {BCubedPrecision:F3} R {BCubedRecall:F3} F1 {BCubedF1:F3}, ARI {AdjustedRand:F3}";
}

/// <summary>The outcome of reading a labelled split: the documents with their gold labels, or why it failed.</summary>
public sealed record LabelledSplit(ImmutableArray<(StoryDocument Document, string Gold)> Items, string? Error);

/// <summary>
/// Scores story clustering on ECB+ (../shared/data/clustering/ecbplus: docs.{train,dev}.jsonl, gold = "cluster"):
/// all topics of a split are mixed and clustered together, then BCubed precision/recall/F1 and the adjusted Rand
/// index are computed over documents. Documents get the latest full date their text states, as Dossier does for
/// undated reports; ECB documents mostly have none.
/// </summary>
public static class StoryEvaluator
{
    public static StoryScores Evaluate(string ecbplusDir, string split, StoryClusterOptions? options = null)
    {
        var data = Read(ecbplusDir, split);
        if (data.Error is not null) throw new InvalidDataException(data.Error);
        return Score(data, options);
    }

    public static StoryScores Score(LabelledSplit data, StoryClusterOptions? options = null)
    {
        var clusters = new StoryClusterer(options).Cluster(data.Items.Select(i => i.Document));
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < clusters.Length; c++) foreach (var id in clusters[c].DocumentIds) predicted[id] = c;
        var gold = data.Items.ToDictionary(i => i.Document.Id, i => i.Gold, StringComparer.Ordinal);
        return Compare(gold, predicted);
    }

    /// <summary>
    /// Grid search of the clusterer's main knobs on one split (use train): linkage threshold, fragment attachment and
    /// name weight. Returns every setting tried with its scores, best BCubed F1 first.
    /// </summary>
    public static IReadOnlyList<(StoryClusterOptions Options, StoryScores Scores)> Tune(string ecbplusDir, string split)
    {
        var data = Read(ecbplusDir, split);
        if (data.Error is not null) throw new InvalidDataException(data.Error);
        var results = new List<(StoryClusterOptions, StoryScores)>();
        foreach (var threshold in new[] { 0.24, 0.26, 0.28, 0.30, 0.32 })
            foreach (var attach in new[] { 0.05, 0.10, 0.15 })
                foreach (var fragment in new[] { 2, 4, 6 })
                    foreach (var names in new[] { 1.5, 2.0, 3.0 })
                    {
                        var options = StoryClusterOptions.Default with
                        {
                            Threshold = threshold, AttachThreshold = attach, FragmentSize = fragment, NameBoost = names,
                        };
                        results.Add((options, Score(data, options)));
                    }
        return [.. results.OrderByDescending(r => r.Item2.BCubedF1)];
    }

    /// <summary>
    /// The setting to ship from a tuning run: among settings within <paramref name="tolerance"/> of the best F1, the
    /// most conservative one (highest linkage threshold, then highest precision). Merging two stories misleads a
    /// reader more than showing one story in two parts, and F1 differences this small are noise on a few hundred
    /// documents.
    /// </summary>
    public static (StoryClusterOptions Options, StoryScores Scores) Choose(IReadOnlyList<(StoryClusterOptions Options, StoryScores Scores)> tuned,
        double tolerance = 0.01)
    {
        var best = tuned.Max(t => t.Scores.BCubedF1);
        return tuned.Where(t => t.Scores.BCubedF1 >= best - tolerance)
            .OrderByDescending(t => t.Options.Threshold).ThenByDescending(t => t.Scores.BCubedPrecision).First();
    }

    /// <summary>Reads docs.&lt;split&gt;.jsonl.</summary>
    public static LabelledSplit Read(string ecbplusDir, string split)
    {
        var path = Path.Combine(ecbplusDir, $"docs.{split}.jsonl");
        if (!File.Exists(path)) return new LabelledSplit([], $"{path} not found");
        var items = ImmutableArray.CreateBuilder<(StoryDocument, string)>();
        var today = NodaTime.LocalDate.FromDateTime(new DateTime(2100, 1, 1));
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var root = JsonDocument.Parse(line).RootElement;
                var text = root.GetProperty("text").GetString() ?? "";
                var dates = TextDates.Find(text).Where(d => d <= today).ToList();
                items.Add((new StoryDocument(root.GetProperty("doc_id").GetString()!, text, null, dates.Count > 0 ? dates.Max() : null),
                    root.GetProperty("cluster").GetString()!));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return new LabelledSplit([], $"{path}: malformed record ({ex.Message})");
            }
        }
        return new LabelledSplit(items.ToImmutable(), null);
    }

    /// <summary>BCubed and ARI of a predicted labelling against a gold one (same item ids).</summary>
    public static StoryScores Compare(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, int> predicted)
    {
        var ids = gold.Keys.Where(predicted.ContainsKey).ToList();
        var joint = ids.GroupBy(id => (gold[id], predicted[id])).ToDictionary(g => g.Key, g => g.Count());
        var goldSize = ids.GroupBy(id => gold[id]).ToDictionary(g => g.Key, g => g.Count());
        var predSize = ids.GroupBy(id => predicted[id]).ToDictionary(g => g.Key, g => g.Count());
        double p = 0, r = 0;
        foreach (var id in ids)
        {
            var both = joint[(gold[id], predicted[id])];
            p += both / (double)predSize[predicted[id]];
            r += both / (double)goldSize[gold[id]];
        }
        var n = ids.Count;
        p = n == 0 ? 0 : p / n;
        r = n == 0 ? 0 : r / n;
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);

        static double Pairs(double x) => x * (x - 1) / 2;
        var index = joint.Values.Sum(v => Pairs(v));
        var a = goldSize.Values.Sum(v => Pairs(v));
        var b = predSize.Values.Sum(v => Pairs(v));
        var expected = n < 2 ? 0 : a * b / Pairs(n);
        var max = (a + b) / 2;
        var ari = max - expected == 0 ? 1 : (index - expected) / (max - expected);
        return new StoryScores(n, goldSize.Count, predSize.Count, p, r, f, ari);
    }
}
