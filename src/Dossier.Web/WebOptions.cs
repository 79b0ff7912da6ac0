using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using Dossier.Ingest.Web;

namespace Dossier.Web;

/// <summary>Analyses inputs and stores the results in the app's database (the engine, wired by the CLI), reporting progress.</summary>
public delegate Task<IngestResult> IngestHandler(IReadOnlyList<RawDocument> inputs, IProgress<IngestProgress> progress, CancellationToken cancellationToken);

/// <summary>What an ingest did: the ids of the documents now stored for the inputs, and any diagnostics.</summary>
public sealed record IngestResult(IReadOnlyList<string> DocumentIds, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>How far an analysis is: a step ("analysing", "storing"…) and a count within it.</summary>
public readonly record struct IngestProgress(string Step, int Done, int Total);

public sealed record WebOptions
{
    public int Port { get; init; } = 5000;

    /// <summary>Address to listen on: loopback by default; anything else requires <see cref="Token"/>.</summary>
    public string Bind { get; init; } = "127.0.0.1";

    /// <summary>A shared secret: when set, writes (and by default reads) need it as a Bearer token or the cookie set by <c>?token=</c>.</summary>
    public string? Token { get; init; }

    public bool RequireTokenForReads { get; init; } = true;

    /// <summary>Largest request body accepted (uploads, pasted text, API posts); larger ones get 413.</summary>
    public long MaxUploadBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>
    /// How URLs and feeds given to /ingest and POST /api/documents are fetched: through the ingestion project's
    /// <see cref="SafeFetcher"/>, which refuses private and loopback addresses unless <see cref="FetchOptions.AllowPrivate"/>
    /// (<c>dossier serve --allow-private</c>).
    /// </summary>
    public FetchOptions Fetch { get; init; } = new();

    /// <summary>
    /// The analysis behind /ingest and POST /api/documents (registered as the app's <see cref="IngestHandler"/> service,
    /// which a host may also register itself); without one those answer that ingestion is off.
    /// </summary>
    public IngestHandler? Ingest { get; init; }
}
