using System.Diagnostics;
using System.Text;
using Dossier.Corpus.Evaluation;
using Dossier.Corpus.Stories;
using NodaTime;

namespace Dossier.Benchmarks;

/// <summary>What one story-clustering run at scale cost, and how well it recovered the generated stories.</summary>
public sealed record StoryBenchmarkResult(int Documents, int Stories, TimeSpan Generate, TimeSpan Cluster, TimeSpan ClusterCpu,
    long PeakBytes, StoryScores Scores)
{
    public override string ToString() =>
        $"{Documents:N0} documents -> {Stories:N0} stories: clustering {Cluster.TotalSeconds:N1} s wall, {ClusterCpu.TotalSeconds:N1} s CPU " +
        $"({Documents / Math.Max(Cluster.TotalSeconds, 1e-9):N0} docs/s); generating {Generate.TotalSeconds:N1} s; " +
        $"peak working set {PeakBytes / (1024.0 * 1024.0):N0} MB; cores {Environment.ProcessorCount}\n{Scores}";
}

/// <summary>
/// The story clusterer alone at scale: clustering inputs (text, title, date, entity ids) generated in memory, cheaply
/// enough that a million fit, about 8 reports per story written from templates with invented names. The mix includes
/// the bad input the clusterer must survive in near-linear time: one story of 10,000 copies (half of them rewritten),
/// empty texts, identical texts under different outlets and dates centuries in the past and future.
/// </summary>
public static class StoryBenchmark
{
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ra", "te", "vo", "shi", "an", "del", "mor", "pe", "zu", "ga", "rin", "tol", "be",
        "nu", "sa", "dor", "li", "ve", "ko", "mar", "ten", "is", "ul", "fa", "ro", "qui", "den"];
    private static readonly string[] Topics = ["ceasefire", "prisoner exchange", "sanctions relief", "border demarcation", "trade agreement",
        "peacekeeping mission", "grain corridor", "water treaty", "election monitoring", "debt restructuring"];
    private static readonly string[] Verbs = ["said", "told reporters", "said in a statement", "warned", "added", "wrote on social media"];

    public static StoryBenchmarkResult Run(int count, int seed = 20250224)
    {
        var watch = Stopwatch.StartNew();
        var (documents, gold) = Generate(count, seed);
        var generate = watch.Elapsed;

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        watch.Restart();
        var clusters = new StoryClusterer().Cluster(documents);
        var cluster = watch.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < clusters.Length; c++) foreach (var id in clusters[c].DocumentIds) predicted[id] = c;
        return new StoryBenchmarkResult(documents.Count, clusters.Length, generate, cluster, cpu, process.PeakWorkingSet64,
            StoryEvaluator.Compare(gold, predicted));
    }

    /// <summary>The generated clustering inputs and each one's gold story.</summary>
    public static (List<StoryDocument> Documents, Dictionary<string, string> Gold) Generate(int count, int seed = 20250224)
    {
        var documents = new List<StoryDocument>(count);
        var gold = new Dictionary<string, string>(count, StringComparer.Ordinal);
        void Add(StoryDocument d, string story) { documents.Add(d); gold[d.Id] = story; }

        // Bad input first (a fixed share of small runs, capped for large ones).
        var copies = Math.Min(10000, count / 10);
        var copyStory = Story(new Random(seed - 1), -1);
        for (var i = 0; i < copies; i++)
        {
            var text = i % 2 == 0 ? copyStory.Article(new Random(seed), 0) : copyStory.Article(new Random(seed), 0) + $" Station {i} carried the report.";
            Add(new StoryDocument($"copy-{i:D6}", text, copyStory.Title, copyStory.Date, copyStory.Entities), "copies");
        }
        var junk = Math.Min(100, count / 100);
        for (var i = 0; i < junk; i++)
        {
            Add(new StoryDocument($"empty-{i:D4}", ""), $"empty-{i}");
            var far = Story(new Random(seed + 7 * i), -2 - i);
            var date = i % 2 == 0 ? new LocalDate(1850, 1, 1).PlusDays(i) : new LocalDate(2999, 12, 1).PlusDays(i);
            Add(new StoryDocument($"far-{i:D4}", far.Article(new Random(i), 0), far.Title, date, far.Entities), $"far-{i}");
            // The same text under two outlets (two ids): one story.
            var twin = Story(new Random(seed + 13 * i), -1000 - i);
            var twinText = twin.Article(new Random(i), 1);
            Add(new StoryDocument($"twin-{i:D4}-a", twinText, twin.Title, twin.Date, twin.Entities), $"twin-{i}");
            Add(new StoryDocument($"twin-{i:D4}-b", twinText, twin.Title, twin.Date, twin.Entities), $"twin-{i}");
        }

        for (var s = 0; documents.Count < count; s++)
        {
            var story = Story(new Random(seed + s), s);
            var variation = new Random(seed ^ (s * 7919));
            var size = 4 + variation.Next(9);
            for (var k = 0; k < size && documents.Count < count; k++)
                Add(new StoryDocument($"doc-{s:D7}-{k:D2}", story.Article(variation, k), k % 3 == 0 ? story.Title : null,
                    k % 5 == 4 ? null : story.Date.PlusDays(variation.Next(3)), story.Entities), $"story-{s}");
        }
        return (documents, gold);
    }

    private sealed record GeneratedStory(string Title, LocalDate Date, string[] Entities, string A, string B, string PersonA, string PersonB,
        string City, string Topic, int Number)
    {
        /// <summary>One outlet's report: the story's facts in a varied order and wording.</summary>
        public string Article(Random r, int k)
        {
            var sentences = new List<string>
            {
                $"{PersonA} of {A} and {PersonB} of {B} met in {City} on the {Topic}, officials {Verbs[r.Next(Verbs.Length)]}.",
                $"\u201CWe made progress on the {Topic} in {City},\u201D {PersonA.Split(' ')[1]} {Verbs[r.Next(Verbs.Length)]}.",
                $"{PersonB} said {B} wanted {Number} observers along the line before any deal.",
                $"Talks between {A} and {B} will resume in {City} within {Number % 9 + 2} weeks.",
                $"Analysts in {A} called the {Topic} talks in {City} {(r.Next(2) == 0 ? "difficult" : "cautious")} but useful.",
            };
            var order = sentences.OrderBy(_ => r.Next()).Take(3 + r.Next(3));
            return string.Join(" ", order) + (k % 4 == 3 ? $" Reporting by {Name(r)}." : "");
        }
    }

    private static GeneratedStory Story(Random r, int index)
    {
        var (a, b) = (Place(r), Place(r));
        var (pa, pb) = (Name(r), Name(r));
        var city = Place(r);
        var topic = Topics[r.Next(Topics.Length)];
        var date = new LocalDate(2020, 1, 1).PlusDays(Math.Abs(index) % 2000);
        return new GeneratedStory($"{a} and {b} talk {topic} in {city}", date,
            [Slug(pa), Slug(pb), Slug(a), Slug(b), Slug(city)], a, b, pa, pb, city, topic, 2 + r.Next(90));
    }

    private static string Word(Random r, int syllables)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < syllables; i++) sb.Append(Syllables[r.Next(Syllables.Length)]);
        sb[0] = char.ToUpperInvariant(sb[0]);
        return sb.ToString();
    }

    private static string Name(Random r) => $"{Word(r, 2)} {Word(r, 3)}";
    private static string Place(Random r) => Word(r, 3);
    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');
}
