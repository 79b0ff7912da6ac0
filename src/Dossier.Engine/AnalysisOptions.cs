using Dossier.Core.Pipeline;

namespace Dossier;

/// <summary>How one analysis run reads, stores and reports.</summary>
public sealed record AnalysisOptions
{
    /// <summary>CSV or JSONL with per-file metadata (path, url, outlet, published).</summary>
    public string? ManifestPath { get; init; }

    /// <summary>SQLite database that keeps documents across runs; null analyses in memory only.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Documents processed in parallel; defaults to the number of cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Documents saved per transaction: a killed run loses at most one batch and resumes without duplicates.</summary>
    public int BatchSize { get; init; } = 200;

    public IProgress<AnalysisProgress>? Progress { get; init; }

    public StageContext? Context { get; init; }
}

/// <summary>Where a run is: a step name and how far it got.</summary>
public readonly record struct AnalysisProgress(string Step, int Done, int Total);
