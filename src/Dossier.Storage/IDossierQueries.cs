using Dossier.Core.Model;

namespace Dossier.Storage;

/// <summary>What a document list shows: everything but the text and layers.</summary>
public sealed record DocumentSummary(
    string Id, string Source, string? Outlet, string? Title, string? Published, bool PublishedInferred, string? Url, string? Language);

/// <summary>One quote found across documents, with the document it is in.</summary>
public sealed record QuoteHit(DocumentSummary Document, Quote Quote);

/// <summary>One event found across documents, with the document it is in and the sentence text.</summary>
public sealed record EventHit(DocumentSummary Document, EventMention Event, string? Text);

/// <summary>How search hits are ordered.</summary>
public enum SearchOrder
{
    /// <summary>By bm25, title matches weighing more: the best match first, at a cost that grows with the number of matches.</summary>
    Relevance,

    /// <summary>
    /// Documents whose title holds every term first, then the others, each newest (most recently added) first: what a
    /// news reader usually wants, at the cost of one page however common the words (a large dossier's default).
    /// </summary>
    HeadlinesThenRecent,
}

/// <summary>Narrowing a full-text search: all given filters must hold.</summary>
public sealed record SearchFilter
{
    public string? Outlet { get; init; }
    /// <summary>Inclusive ISO dates (YYYY-MM-DD) on the publication date.</summary>
    public string? From { get; init; }
    public string? To { get; init; }
    /// <summary>Only documents mentioning this canonical entity id.</summary>
    public string? EntityId { get; init; }

    public SearchOrder Order { get; init; } = SearchOrder.Relevance;

    public static SearchFilter None { get; } = new();
}

/// <summary>A story with what a list of stories shows about its documents.</summary>
public sealed record StorySummary(Story Story, IReadOnlyList<string> Outlets, int Documents, string? FirstPublished, string? LastPublished);

/// <summary>How many documents an outlet published on a day (for coverage charts).</summary>
public sealed record CoveragePoint(string Outlet, string Date, int Documents);

/// <summary>
/// Read queries a browser or an API needs on a large store without loading every document: lists, look-ups by id and
/// by entity, quote and event search. A companion to <see cref="IDossierStore"/>, implemented by the same stores.
/// </summary>
public interface IDossierQueries
{
    Task<int> CountDocumentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Documents newest first; only <paramref name="ids"/> when given.</summary>
    Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(IReadOnlyCollection<string>? ids, int offset, int limit,
        CancellationToken cancellationToken = default);

    /// <summary>The documents with these ids that exist, with every layer, in the order they were first stored.</summary>
    Task<IReadOnlyList<Document>> LoadDocumentsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>The derived results (entities, stories, alignments, discrepancies, positions) without the documents.</summary>
    Task<Corpus> LoadDerivedAsync(CancellationToken cancellationToken = default);

    /// <summary>Every story with its outlets, document count and publication range, in stored order.</summary>
    Task<IReadOnlyList<StorySummary>> ListStoriesAsync(CancellationToken cancellationToken = default);

    /// <summary>Quotes whose text contains <paramref name="text"/> (case-insensitive) and/or whose speaker is the entity, newest first.</summary>
    Task<IReadOnlyList<QuoteHit>> FindQuotesAsync(string? text, string? speakerEntityId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Events with the entity as source or target (all events when null), newest first.</summary>
    Task<IReadOnlyList<EventHit>> FindEventsAsync(string? entityId, int limit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, SearchFilter filter, int limit, CancellationToken cancellationToken = default);

    /// <summary>Documents per outlet and publication day.</summary>
    Task<IReadOnlyList<CoveragePoint>> CoverageAsync(CancellationToken cancellationToken = default);

    /// <summary>Each story's documents per outlet and publication day, by story id (timelines, however many reports a story has).</summary>
    Task<ILookup<string, CoveragePoint>> StoryCoverageAsync(CancellationToken cancellationToken = default);
}
