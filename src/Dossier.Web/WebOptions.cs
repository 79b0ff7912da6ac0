using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using Microsoft.AspNetCore.Builder;

namespace Dossier.Web;

/// <summary>Analyses inputs and stores the results in the app's database (the engine, wired by the CLI).</summary>
public delegate Task<IngestResult> IngestHandler(IReadOnlyList<RawDocument> inputs, CancellationToken cancellationToken);

/// <summary>What an ingest did: the ids of the documents now stored for the inputs, and any diagnostics.</summary>
public sealed record IngestResult(IReadOnlyList<string> DocumentIds, IReadOnlyList<Diagnostic> Diagnostics);

public sealed record WebOptions
{
    public int Port { get; init; } = 5000;

    /// <summary>Address to listen on: loopback by default; anything else requires <see cref="Token"/>.</summary>
    public string Bind { get; init; } = "127.0.0.1";

    /// <summary>A shared secret: when set, writes (and by default reads) need it as a Bearer token or the cookie set by <c>?token=</c>.</summary>
    public string? Token { get; init; }

    public bool RequireTokenForReads { get; init; } = true;

    /// <summary>Largest request body accepted (uploads, pasted text, API posts).</summary>
    public long MaxUploadBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>The analysis behind /ingest and POST /api/documents; without it those answer that ingestion is off.</summary>
    public IngestHandler? Ingest { get; init; }

    /// <summary>A last say on the builder (tests use it to run on an in-memory server).</summary>
    public Action<WebApplicationBuilder>? ConfigureBuilder { get; init; }
}
