using System.Collections.Frozen;
using Dossier.Core.Model;
using Dossier.Reporting;
using Dossier.Storage;
using Dossier.Storage.Sqlite;

namespace Dossier.Web;

/// <summary>The derived results (small: stories, entities, positions) held in memory, plus the per-story summaries.</summary>
internal sealed record Derived(Corpus Corpus, IReadOnlyList<StorySummary> Stories, IReadOnlyList<CoveragePoint> Coverage)
{
    public FrozenDictionary<string, StorySummary> StoriesById { get; } =
        Stories.GroupBy(s => s.Story.Id).ToFrozenDictionary(g => g.Key, g => g.First());

    public CorpusView View { get; } = new(Corpus);
}

/// <summary>
/// The app's access to the dossier: the store for documents and searches, and a cached copy of the derived results,
/// reloaded after every ingest.
/// </summary>
internal sealed class DossierData(SqliteDossierStore store)
{
    private readonly SemaphoreSlim _ingestGate = new(1, 1);
    private Task<Derived>? _derived;

    public SqliteDossierStore Store => store;

    public Task<Derived> DerivedAsync()
    {
        var current = _derived;
        // A failed load (the database was busy, say) is retried on the next request rather than cached.
        if (current is null || current.IsFaulted || current.IsCanceled) _derived = current = LoadAsync();
        return current;
    }

    private async Task<Derived> LoadAsync()
    {
        var corpus = await store.LoadDerivedAsync();
        var stories = await store.ListStoriesAsync();
        var coverage = await store.CoverageAsync();
        return new Derived(corpus, stories, coverage);
    }

    /// <summary>
    /// Runs one ingest at a time: two uploads of the same file then meet the engine's content-hash check one after the
    /// other, so neither can store a duplicate.
    /// </summary>
    public async Task<IngestResult> IngestAsync(IngestHandler handler, IReadOnlyList<RawDocument> inputs, CancellationToken cancellationToken)
    {
        await _ingestGate.WaitAsync(cancellationToken);
        try
        {
            var result = await handler(inputs, cancellationToken);
            _derived = null;
            return result;
        }
        finally
        {
            _ingestGate.Release();
        }
    }
}
