using System.Collections.Concurrent;
using System.Security.Cryptography;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using Dossier.Ingest.Feeds;
using Dossier.Ingest.Web;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dossier.Web.Ingest;

/// <summary>What to ingest: texts and files already read, pages to fetch, and at most one feed (or OPML list) to read.</summary>
internal sealed record IngestRequest(IReadOnlyList<RawDocument> Documents, IReadOnlyList<string> Urls, string? Feed)
{
    public const int MaxUrls = 50;

    public bool IsEmpty => Documents.Count == 0 && Urls.Count == 0 && Feed is null;

    /// <summary>Null when every address is an absolute http(s) URL, else what is wrong (a feed could otherwise name a local file).</summary>
    public string? Problem()
    {
        if (Urls.Count > MaxUrls) return $"give at most {MaxUrls} URLs at a time.";
        foreach (var url in Feed is null ? Urls : [.. Urls, Feed])
            if (!IsHttpUrl(url)) return $"“{url}” is not an http or https URL.";
        return null;
    }

    public static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

internal enum JobState { Queued, Fetching, Analysing, Done, Failed }

/// <summary>A job's state at one moment (immutable: a page renders one consistent snapshot).</summary>
internal sealed record JobStatus(JobState State, string Step, int Done, int Total, IReadOnlyList<string> DocumentIds, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Finished => State is JobState.Done or JobState.Failed;
}

internal sealed class IngestJob(string id, DateTimeOffset started)
{
    private volatile JobStatus _status = new(JobState.Queued, "waiting to start", 0, 0, [], []);
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id => id;
    public DateTimeOffset Started => started;
    public JobStatus Status => _status;

    /// <summary>Completes when the job is done or failed.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Moves the job on; a finished job stays as it finished (a late progress report cannot reopen it).</summary>
    public void Set(JobStatus status)
    {
        lock (_completion)
        {
            if (_status.Finished) return;
            _status = status;
        }
        if (status.Finished) _completion.TrySetResult();
    }
}

/// <summary>
/// Ingests in the background so a browser can watch: fetching pages and feeds (through <see cref="SafeFetcher"/>), then
/// the analysis. The last <see cref="Kept"/> jobs stay readable at /ingest/jobs/{id}; ids are random, not guessable.
/// </summary>
internal sealed class IngestJobs(DossierData data, SafeFetcher fetcher, IHostApplicationLifetime lifetime, TimeProvider time,
    ILogger<IngestJobs> logger, IngestHandler? handler = null)
{
    private const int Kept = 200;
    private readonly ConcurrentDictionary<string, IngestJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public IngestJob? Find(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>Whether an analysis is wired (<see cref="WebOptions.Ingest"/> or a registered <see cref="IngestHandler"/>).</summary>
    public bool Enabled => handler is not null;

    /// <exception cref="InvalidOperationException">Ingestion is not enabled (no handler).</exception>
    public IngestJob Start(IngestRequest request)
    {
        var analyse = handler ?? throw new InvalidOperationException("Ingestion is not enabled on this server.");
        var job = new IngestJob(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), time.GetUtcNow());
        _jobs[job.Id] = job;
        _order.Enqueue(job.Id);
        while (_order.Count > Kept && _order.TryDequeue(out var old)) _jobs.TryRemove(old, out _);
        _ = Task.Run(() => RunAsync(job, request, analyse, lifetime.ApplicationStopping));
        return job;
    }

    private async Task RunAsync(IngestJob job, IngestRequest request, IngestHandler analyse, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        try
        {
            var inputs = new List<RawDocument>(request.Documents);
            var toFetch = request.Urls.Count + (request.Feed is null ? 0 : 1);
            for (var i = 0; i < request.Urls.Count; i++)
            {
                job.Set(new JobStatus(JobState.Fetching, $"fetching {request.Urls[i]}", i, toFetch, [], diagnostics.Items));
                if (await fetcher.FetchDocumentAsync(request.Urls[i], diagnostics, cancellationToken) is { } page) inputs.Add(page);
            }
            if (request.Feed is { } feed)
            {
                job.Set(new JobStatus(JobState.Fetching, $"reading the feed {feed} and the pages it links to", request.Urls.Count, toFetch, [], diagnostics.Items));
                inputs.AddRange(await FeedIngestor.ReadAsync(feed, fetcher, diagnostics, followLinks: true, maxFeeds: 20, cancellationToken));
            }
            if (inputs.Count == 0)
            {
                job.Set(new JobStatus(JobState.Done, "nothing could be read", toFetch, toFetch, [], diagnostics.Items));
                return;
            }
            job.Set(new JobStatus(JobState.Analysing, "waiting for the analysis (one ingest at a time)", 0, inputs.Count, [], diagnostics.Items));
            var progress = new Progress(job, diagnostics);
            var result = await data.IngestAsync(analyse, inputs, progress, cancellationToken);
            job.Set(new JobStatus(JobState.Done, "done", inputs.Count, inputs.Count, result.DocumentIds, [.. diagnostics.Items, .. result.Diagnostics]));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            job.Set(new JobStatus(JobState.Failed, "the server stopped before the ingest finished", 0, 0, [], diagnostics.Items));
        }
        catch (Exception ex)
        {
            // The handler is the whole engine: whatever it throws must end this job, not the server.
            logger.LogError(ex, "Ingest job {Job} failed", job.Id);
            job.Set(new JobStatus(JobState.Failed, $"the analysis failed: {ex.Message}", 0, 0, [], diagnostics.Items));
        }
    }

    /// <summary>Reports the engine's progress into the job, synchronously (no captured context to post to).</summary>
    private sealed class Progress(IngestJob job, DiagnosticBag diagnostics) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) =>
            job.Set(new JobStatus(JobState.Analysing, value.Step, value.Done, value.Total, [], diagnostics.Items));
    }
}
