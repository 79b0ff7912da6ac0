using System.Collections.Immutable;

namespace Dossier.Core.Model;

/// <summary>A role an entity was given, with the date of the report that stated it.</summary>
public sealed record Role(string Title, string? Date, string DocumentId);

/// <summary>A canonical actor that mentions across documents resolve to.</summary>
public sealed record CanonicalEntity(
    string Id,
    string Name,
    string Type,
    ImmutableArray<string> Aliases,
    string? Country,
    string? Wikidata,
    ImmutableArray<Role> Roles);

/// <summary>A span of one document: how corpus results point at evidence without copying text.</summary>
public sealed record DocSpan(string DocumentId, int Start, int End);

public sealed record Story(
    string Id,
    string Title,
    string? Date,
    ImmutableArray<string> DocumentIds,
    string Summary,
    string? Storyline = null);

public enum AlignmentKind { Quote, Claim }

public sealed record Alignment(
    string Story,
    AlignmentKind Kind,
    string Text,
    ImmutableArray<DocSpan> Documents,
    string? Speaker = null,
    string? Channel = null,
    string? FirstOutlet = null);

public sealed record Discrepancy(
    string Story,
    string Document,
    string Kind,
    string Text,
    int Start,
    int End,
    string Explanation);

/// <summary>Why a document is a near-duplicate of its group's representative: MinHash-estimated and exact Jaccard of
/// their word-shingle sets, and the passages of the document that the representative also contains.</summary>
public sealed record DuplicateLink(string DocumentId, double EstimatedJaccard, double ExactJaccard, ImmutableArray<DocSpan> Passages);

/// <summary>Copies or light rewrites of one article (wire copy, syndication, one article under two URLs).
/// <see cref="Representative"/> is the smallest id; every other member has a <see cref="DuplicateLink"/>.</summary>
public sealed record DuplicateGroup(string Representative, ImmutableArray<string> DocumentIds, ImmutableArray<DuplicateLink> Links);

/// <summary>Story <see cref="To"/> continues story <see cref="From"/> (it is later and shares actors and key terms).</summary>
public sealed record StorylineLink(string From, string To, ImmutableArray<string> SharedActors, ImmutableArray<string> SharedTerms, double Score);

/// <summary>Stories that continue one another, earliest first (the talks, then the ceasefire calls that follow them).</summary>
public sealed record Storyline(string Id, string Title, ImmutableArray<string> StoryIds, ImmutableArray<StorylineLink> Links);

public sealed record Evidence(string Document, int Start, int End, string? Outlet, string? Text = null);

/// <summary>One cell of the negotiation map at one date.</summary>
public sealed record Position(
    string Issue,
    string Actor,
    Stance Stance,
    string? Date,
    ImmutableArray<Evidence> Evidence,
    string? Condition = null);

/// <summary>Everything Dossier knows about a set of documents: the documents and what was derived across them.</summary>
public sealed record Corpus
{
    public ImmutableArray<Document> Documents { get; init; } = [];
    public ImmutableArray<CanonicalEntity> Entities { get; init; } = [];
    public ImmutableArray<Story> Stories { get; init; } = [];
    public ImmutableArray<Alignment> Alignments { get; init; } = [];
    public ImmutableArray<Discrepancy> Discrepancies { get; init; } = [];
    public ImmutableArray<Position> Positions { get; init; } = [];
    public ImmutableArray<DuplicateGroup> Duplicates { get; init; } = [];
    public ImmutableArray<Storyline> Storylines { get; init; } = [];

    public Document? Find(string documentId) => Documents.FirstOrDefault(d => d.Id == documentId);
}
