using System.Collections.Frozen;
using Dossier.Core.Model;

namespace Dossier.Reporting;

/// <summary>
/// Look-ups every report needs (a document by id, an entity's name, a story's outlets), built once per corpus so
/// the Markdown and HTML reports answer them the same way.
/// </summary>
public sealed class CorpusView
{
    private readonly FrozenDictionary<string, Document> _documents;
    private readonly FrozenDictionary<string, CanonicalEntity> _entities;

    public CorpusView(Corpus corpus)
    {
        Corpus = corpus;
        _documents = corpus.Documents.GroupBy(d => d.Id).ToFrozenDictionary(g => g.Key, g => g.First());
        _entities = corpus.Entities.GroupBy(e => e.Id).ToFrozenDictionary(g => g.Key, g => g.First());
        _alignmentsByStory = new(() => Enumerable.Range(0, corpus.Alignments.Length).ToLookup(i => corpus.Alignments[i].Story));
        _discrepanciesByStory = new(() => corpus.Discrepancies.ToLookup(d => d.Story));
    }

    private readonly Lazy<ILookup<string, int>> _alignmentsByStory;
    private readonly Lazy<ILookup<string, Discrepancy>> _discrepanciesByStory;

    public Corpus Corpus { get; }

    public Document? Document(string id) => _documents.GetValueOrDefault(id);

    public CanonicalEntity? Entity(string id) => _entities.GetValueOrDefault(id);

    /// <summary>An actor's readable name: the canonical name when the id is known, else the id itself.</summary>
    public string ActorName(string id) => Entity(id)?.Name ?? id;

    public string OutletOf(string documentId) => Document(documentId)?.Metadata.Outlet ?? "unknown outlet";

    /// <summary>The story's documents that are present, in the story's order.</summary>
    public IReadOnlyList<Document> DocumentsOf(Story story) =>
        story.DocumentIds.Select(Document).OfType<Document>().ToList();

    public IReadOnlyList<string> OutletsOf(Story story) =>
        DocumentsOf(story).Select(d => d.Metadata.Outlet).OfType<string>().Distinct().ToList();

    public IReadOnlyList<Alignment> AlignmentsOf(Story story) => AlignmentIndicesOf(story).Select(i => Corpus.Alignments[i]).ToList();

    /// <summary>Positions of the story's alignments in <see cref="Corpus.Alignments"/> (indexed once: reports ask per story).</summary>
    public IReadOnlyList<int> AlignmentIndicesOf(Story story) => [.. _alignmentsByStory.Value[story.Id]];

    public IReadOnlyList<Discrepancy> DiscrepanciesOf(Story story) => [.. _discrepanciesByStory.Value[story.Id]];

    public Story? Story(string id) => Corpus.Stories.FirstOrDefault(s => s.Id == id);

    /// <summary>How a story sits in its storyline ("step 2 of 3, continues “…”"), or null when it is in none.</summary>
    public string? StorylineText(Story story)
    {
        var line = Corpus.Storylines.FirstOrDefault(l => l.Id == story.Storyline);
        if (line is null) return null;
        var step = line.StoryIds.IndexOf(story.Id) + 1;
        var from = line.Links.FirstOrDefault(l => l.To == story.Id) is { } link && Story(link.From) is { } previous
            ? $"; continues “{previous.Title}” (shared: {string.Join(", ", link.SharedActors.Select(ActorName))})"
            : "";
        return $"{line.Title}: step {step} of {line.StoryIds.Length}{from}";
    }

    /// <summary>Documents that belong to no story (so a report still shows them).</summary>
    public IReadOnlyList<Document> Unstoried()
    {
        var inStories = Corpus.Stories.SelectMany(s => s.DocumentIds).ToHashSet();
        return Corpus.Documents.Where(d => !inStories.Contains(d.Id)).ToList();
    }

    /// <summary>
    /// The text a span of a document covers, or null when the document is unknown or the span does not fit its text
    /// (a derived result may be stale or point at an omission, which has no span).
    /// </summary>
    public string? TextOf(string documentId, int start, int end)
    {
        var document = Document(documentId);
        if (document is null || start < 0 || end > document.Text.Length || end <= start) return null;
        return document.Text[start..end];
    }

    /// <summary>The negotiation map: issues (rows) and actors (columns) in first-seen order, with every dated position per cell.</summary>
    public NegotiationMap Map()
    {
        var issues = Corpus.Positions.Select(p => p.Issue).Distinct().ToList();
        var actors = Corpus.Positions.Select(p => p.Actor).Distinct().ToList();
        var cells = Corpus.Positions
            .GroupBy(p => (p.Issue, p.Actor))
            // Undated positions first, then by date, so the last is the latest known stance.
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Position>)g.OrderBy(p => p.Date ?? "", StringComparer.Ordinal).ToList());
        return new NegotiationMap(issues, actors, cells);
    }
}

public sealed record NegotiationMap(
    IReadOnlyList<string> Issues,
    IReadOnlyList<string> Actors,
    IReadOnlyDictionary<(string Issue, string Actor), IReadOnlyList<Position>> Cells)
{
    public IReadOnlyList<Position> Cell(string issue, string actor) => Cells.GetValueOrDefault((issue, actor)) ?? [];
}

/// <summary>The lowercase names the dossier.json contract uses for enum values.</summary>
public static class Names
{
    public static string Of(QuoteKind kind) => kind.ToString().ToLowerInvariant();
    public static string Of(Stance stance) => stance.ToString().ToLowerInvariant();
    public static string Of(AlignmentKind kind) => kind.ToString().ToLowerInvariant();
    public static string Of(AttributionCertainty certainty) => certainty.ToString().ToLowerInvariant();
    public static string Of(NumberKind kind) => kind.ToString().ToLowerInvariant();
    public static string Of(CoverageState state) => state.ToString().ToLowerInvariant();
}
