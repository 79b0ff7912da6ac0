using System.CommandLine;
using Dossier.Benchmarks;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier bench</c>: throughput of every stage and of a whole run, on a generated corpus.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count", "-n") { Description = "Articles in the generated corpus.", DefaultValueFactory = _ => 2000 };
        var directory = new Option<string>("--dir") { Description = "Where the generated corpus is written (reused if it has enough articles).", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "dossier-bench") };

        var stages = new Command("stages", CommandLine.Describe("Documents per second of each stage, one core, documents in sequence.", "dossier bench stages --count 2000")) { count, directory };
        stages.SetAction(parse =>
        {
            var paths = Corpus(parse.GetValue(directory)!, parse.GetValue(count));
            foreach (var measurement in PipelineBenchmark.Stages(paths, Analyzer.Default.Pipeline))
                System.Console.Out.WriteLine(measurement);
            return CommandLine.Ok;
        });

        var analyze = new Command("analyze", CommandLine.Describe("Documents per second and peak memory of a whole analyze run into a fresh database.", "dossier bench analyze --count 10000")) { count, directory };
        analyze.SetAction(async (parse, cancellationToken) =>
        {
            var dir = parse.GetValue(directory)!;
            var paths = Corpus(dir, parse.GetValue(count));
            var (run, peak) = await PipelineBenchmark.AnalyzeAsync(paths, Path.Combine(dir, "bench.db"));
            System.Console.Out.WriteLine(run);
            System.Console.Out.WriteLine($"peak working set: {peak / (1024.0 * 1024.0):N0} MB; cores: {Environment.ProcessorCount}");
            return CommandLine.Ok;
        });

        var generate = new Command("generate", CommandLine.Describe("Write the synthetic benchmark corpus.", "dossier bench generate --count 10000 --dir bench-corpus/")) { count, directory };
        generate.SetAction(parse =>
        {
            var paths = Corpus(parse.GetValue(directory)!, parse.GetValue(count));
            System.Console.Out.WriteLine($"{paths.Count} articles in {parse.GetValue(directory)}");
            return CommandLine.Ok;
        });

        var storyCount = new Option<int>("--count", "-n") { Description = "Generated clustering inputs.", DefaultValueFactory = _ => 100_000 };
        var storiesBench = new Command("stories", CommandLine.Describe("Story clustering alone at scale on generated inputs (with 10,000 copies, empty texts, twins, far dates): time, CPU, peak memory, BCubed.", "nice -n 10 dossier bench stories --count 100000")) { storyCount };
        storiesBench.SetAction(parse =>
        {
            System.Console.Out.WriteLine(StoryBenchmark.Run(parse.GetValue(storyCount)));
            return CommandLine.Ok;
        });

        return new Command("bench", CommandLine.Describe("Benchmarks (figures recorded in docs/benchmarks.md).", "dossier bench stages", "dossier bench analyze --count 10000"))
        {
            stages, analyze, generate, storiesBench, WebBenchCommand.Create(), BenchLanguageCommand.Create(),
        };
    }

    private static IReadOnlyList<string> Corpus(string directory, int count)
    {
        var corpus = Path.Combine(directory, "articles");
        var existing = Directory.Exists(corpus) ? Directory.GetFiles(corpus, "*.txt").Order(StringComparer.Ordinal).ToList() : [];
        return existing.Count >= count ? existing.Take(count).ToList() : new CorpusGenerator().Write(corpus, count);
    }
}
