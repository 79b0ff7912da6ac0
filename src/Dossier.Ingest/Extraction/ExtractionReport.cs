using System.Text.Json.Serialization;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;

namespace Dossier.Ingest.Extraction;

/// <summary>A removed piece of text and why, as <c>dossier extract</c> prints it.</summary>
public sealed record RemovedItem(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>One input as <c>dossier extract</c> prints it (JSON field names are the contract's snake_case).</summary>
public sealed record ExtractionReport(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("authors")] IReadOnlyList<string> Authors,
    [property: JsonPropertyName("published")] string? Published,
    [property: JsonPropertyName("modified")] string? Modified,
    [property: JsonPropertyName("outlet")] string? Outlet,
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("paragraphs")] IReadOnlyList<string> Paragraphs,
    [property: JsonPropertyName("removed")] IReadOnlyList<RemovedItem> Removed,
    [property: JsonPropertyName("diagnostics")] IReadOnlyList<string> Diagnostics)
{
    /// <summary>The report of a document; <paramref name="diagnostics"/> are filtered to the ones about its source.</summary>
    public static ExtractionReport From(Document document, IReadOnlyList<Diagnostic> diagnostics) =>
        From(new ExtractedDocument(document, null, null, [], null), diagnostics);

    public static ExtractionReport From(ExtractedDocument extracted, IReadOnlyList<Diagnostic> diagnostics)
    {
        var document = extracted.Document;
        var m = document.Metadata;
        return new ExtractionReport(
            document.Source,
            m.Title,
            m.Authors,
            Dates.Format(m.Published),
            Dates.Format(extracted.Modified),
            m.Outlet,
            m.Language,
            m.Url,
            document.Text,
            document.Layer(Layers.Paragraphs).Select(p => document.TextOf(p.Span)).ToList(),
            document.Removed.Select(r => new RemovedItem(r.Text, r.Reason)).ToList(),
            diagnostics.Where(d => d.Where == document.Source || d.Where.StartsWith(document.Source + ":", StringComparison.Ordinal))
                .Select(d => d.ToString()).ToList());
    }
}
