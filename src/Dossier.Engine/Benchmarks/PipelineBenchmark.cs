using System.Diagnostics;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Ingest;
using Dossier.Ingest.Extraction;
using NodaTime;

namespace Dossier.Benchmarks;

/// <summary>One measured figure: what, how many items per second, over how many items.</summary>
public sealed record Measurement(string Name, int Items, TimeSpan Elapsed, string Unit)
{
    public double PerSecond => Items / Math.Max(Elapsed.TotalSeconds, 1e-9);
    public override string ToString() => $"{Name,-28} {PerSecond,12:N0} {Unit}/s  ({Items:N0} {Unit} in {Elapsed.TotalSeconds:N2} s)";
}

/// <summary>
/// Times every stage separately on one core (documents in sequence), then the whole <c>analyze</c> run with the
/// default parallelism, and records peak memory. Benchmarks, not tests: figures go to docs/benchmarks.md.
/// </summary>
public static class PipelineBenchmark
{
    public static IReadOnlyList<Measurement> Stages(IReadOnlyList<string> paths, Pipeline pipeline)
    {
        var context = new StageContext(SystemClock.Instance, new DiagnosticBag());
        var results = new List<Measurement>();

        var watch = Stopwatch.StartNew();
        var raws = InputReader.Read(paths, null, context.Diagnostics).ToList();
        results.Add(new Measurement("read", raws.Count, watch.Elapsed, "docs"));

        watch.Restart();
        IReadOnlyList<Document> documents = Extractor.Extract(raws, context);
        results.Add(new Measurement("extract", documents.Count, watch.Elapsed, "docs"));

        foreach (var stage in pipeline.DocumentStages)
        {
            watch.Restart();
            documents = [.. documents.Select(d => stage.Process(d, context))];
            results.Add(new Measurement(stage.Name, documents.Count, watch.Elapsed, "docs"));
        }

        var corpus = new Core.Model.Corpus { Documents = [.. documents] };
        foreach (var stage in pipeline.CorpusStages)
        {
            watch.Restart();
            corpus = stage.Process(corpus, context);
            results.Add(new Measurement(stage.Name, corpus.Documents.Length, watch.Elapsed, "docs"));
        }
        return results;
    }

    /// <summary>The whole run as a user starts it, into a fresh database; returns the figure and peak working set.</summary>
    public static async Task<(Measurement Run, long PeakBytes)> AnalyzeAsync(IReadOnlyList<string> inputs, string databasePath)
    {
        if (File.Exists(databasePath)) File.Delete(databasePath);
        var watch = Stopwatch.StartNew();
        var result = await Analyzer.Default.AnalyzeAsync(inputs, new AnalysisOptions { DatabasePath = databasePath });
        var elapsed = watch.Elapsed;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (new Measurement("analyze (end to end)", result.Corpus.Documents.Length, elapsed, "docs"), process.PeakWorkingSet64);
    }
}
