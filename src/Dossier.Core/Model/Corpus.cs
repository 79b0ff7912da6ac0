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

    public Document? Find(string documentId) => Documents.FirstOrDefault(d => d.Id == documentId);
}
