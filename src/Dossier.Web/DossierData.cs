using System.Collections.Frozen;
using Dossier.Core.Model;
using Dossier.Reporting;
using Dossier.Storage;
using Dossier.Storage.Sqlite;

namespace Dossier.Web;

/// <summary>
/// The derived results (small next to the documents: stories, entities, alignments, positions) held in memory with
/// the look-ups the pages need, so no request scans them.
/// </summary>
internal sealed record Derived(Corpus Corpus, IReadOnlyList<StorySummary> Stories, IReadOnlyList<CoveragePoint> Coverage,
    ILookup<string, CoveragePoint> StoryCoverage)
{
    public FrozenDictionary<string, StorySummary> StoriesById { get; } =
        Stories.GroupBy(s => s.Story.Id).ToFrozenDictionary(g => g.Key, g => g.First());

    /// <summary>Newest first: by the story's date, else its latest report.</summary>
    public IReadOnlyList<StorySummary> NewestFirst { get; } =
        [.. Stories.OrderByDescending(s => s.Story.Date ?? s.LastPublished ?? "", StringComparer.Ordinal)];

    public ILookup<string, Alignment> AlignmentsByStory { get; } = Corpus.Alignments.ToLookup(a => a.Story);

    public ILookup<string, Discrepancy> DiscrepanciesByStory { get; } = Corpus.Discrepancies.ToLookup(d => d.Story);

    public ILookup<string, Position> PositionsByActor { get; } = Corpus.Positions.ToLookup(p => p.Actor);

    public ILookup<string, Position> PositionsByDocument { get; } =
        Corpus.Positions.SelectMany(p => p.Evidence.Select(e => (e.Document, Position: p))).Distinct().ToLookup(x => x.Document, x => x.Position);

    public ILookup<string, StorySummary> StoriesByDocument { get; } =
        Stories.SelectMany(s => s.Story.DocumentIds.Distinct().Select(id => (Id: id, Story: s))).ToLookup(x => x.Id, x => x.Story);

    public IReadOnlyList<string> Outlets { get; } = [.. Coverage.Select(c => c.Outlet).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The whole map and every entity (built once: the negotiation map page and entity look-ups).</summary>
    public CorpusView View { get; } = new(Corpus);

    /// <summary>
    /// A view for a page about a few documents: those documents, the given results about them, and only the entities
    /// they name — indexing every entity of a large dossier on each request would cost more than the page.
    /// </summary>
    public CorpusView ViewOf(IEnumerable<Document> documents, IReadOnlyList<Alignment> alignments, IReadOnlyList<Discrepancy> discrepancies,
        IReadOnlyList<Position> positions)
    {
        var included = documents.ToList();
        var named = included.SelectMany(d => d.Layer(Layers.Entities)).Select(m => m.EntityId)
            .Concat(included.SelectMany(d => d.Layer(Layers.Quotes)).Select(q => q.Speaker?.EntityId))
            .Concat(alignments.Select(a => a.Speaker))
            .Concat(positions.Select(p => p.Actor))
            .OfType<string>().Distinct();
        return new CorpusView(Corpus with
        {
            Documents = [.. included],
            Entities = [.. named.Select(View.Entity).OfType<CanonicalEntity>()],
            Alignments = [.. alignments],
            Discrepancies = [.. discrepancies],
            Positions = [.. positions],
        });
    }
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
        var storyCoverage = await store.StoryCoverageAsync();
        return new Derived(corpus, stories, coverage, storyCoverage);
    }

    /// <summary>
    /// Runs one ingest at a time: two uploads of the same file then meet the engine's content-hash check one after the
    /// other, so neither can store a duplicate.
    /// </summary>
    public async Task<IngestResult> IngestAsync(IngestHandler handler, IReadOnlyList<RawDocument> inputs, IProgress<IngestProgress> progress,
        CancellationToken cancellationToken)
    {
        await _ingestGate.WaitAsync(cancellationToken);
        try
        {
            var result = await handler(inputs, progress, cancellationToken);
            _derived = null;
            return result;
        }
        finally
        {
            _ingestGate.Release();
        }
    }
}
