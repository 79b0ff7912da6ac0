using System.Collections.Immutable;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Text;

namespace Dossier.Ingest.Extraction;

/// <summary>
/// Turns raw inputs into documents: clean body text, metadata, the removed boilerplate (with reasons) and a
/// paragraphs layer. Boilerplate is found per document by pattern, then across the batch: a block that recurs in two
/// or more documents of the same outlet is that outlet's furniture, not news.
/// </summary>
public static class Extractor
{
    public const string StageName = "paragraphs";
    public const string StageVersion = "1";

    /// <summary>One page as extracted, with the metadata that the core document model has no field for.</summary>
    internal sealed record Draft(
        RawDocument Raw,
        string Id,
        List<string> Paragraphs,
        List<RemovedText> Removed,
        PageMetadata Metadata);

    public static IReadOnlyList<Document> Extract(IReadOnlyList<RawDocument> raws, StageContext context) =>
        ExtractWithDetails(raws, context).Select(r => r.Document).ToList();

    /// <summary>Like <see cref="Extract"/>, with the page metadata the document model does not hold (modified date,
    /// section, tags, image).</summary>
    public static IReadOnlyList<ExtractedDocument> ExtractWithDetails(IReadOnlyList<RawDocument> raws, StageContext context)
    {
        var drafts = new List<Draft>();
        var firstSource = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in raws)
        {
            var id = ContentHash.Of(raw.Content);
            if (firstSource.TryGetValue(id, out var first))
            {
                context.Diagnostics.Add(Codes.Duplicate, Severity.Info, raw.Source, $"same content as {first}; only that one is kept.");
                continue;
            }
            firstSource[id] = raw.Source;
            var draft = DraftOf(raw, id, context.Diagnostics);
            if (draft is not null) drafts.Add(draft);
        }
        RemoveOutletRepeats(drafts);

        var documents = new List<ExtractedDocument>();
        foreach (var draft in drafts)
        {
            if (draft.Paragraphs.Count == 0)
            {
                context.Diagnostics.Add(Codes.NoBody, Severity.Warning, draft.Raw.Source,
                    "no article text found (the page may be empty, a listing, or all boilerplate); skipped.");
                continue;
            }
            documents.Add(Build(draft));
        }
        return documents;
    }

    /// <summary>Extracts one page on its own (no cross-document repetition): what <c>dossier extract</c> shows per input.</summary>
    public static ExtractedDocument? ExtractOne(RawDocument raw, StageContext context) =>
        ExtractWithDetails([raw], context).FirstOrDefault();

    private static Draft? DraftOf(RawDocument raw, string id, DiagnosticBag diagnostics)
    {
        try
        {
            if (raw.Kind == ContentKind.Html)
            {
                var page = HtmlExtractor.Extract(raw.Content, raw.Hints);
                var cleaned = TextCleaner.Clean(page.Blocks, page.Metadata.Title, detectTitle: page.Metadata.Title is null);
                var metadata = page.Metadata with
                {
                    Title = page.Metadata.Title ?? cleaned.Title,
                    Authors = page.Metadata.Authors.Count > 0 ? page.Metadata.Authors : cleaned.Authors,
                    Outlet = page.Metadata.Outlet ?? cleaned.Outlet,
                };
                return new Draft(raw, id, [.. cleaned.Paragraphs], [.. page.Removed, .. cleaned.Removed], metadata);
            }
            var blocks = TextCleaner.SplitPlainText(raw.Content);
            var text = TextCleaner.Clean(blocks, raw.Hints.Title, detectTitle: true);
            return new Draft(raw, id, [.. text.Paragraphs], [.. text.Removed], new PageMetadata
            {
                Title = raw.Hints.Title ?? text.Title,
                Authors = text.Authors,
                Outlet = raw.Hints.Outlet ?? text.Outlet,
                Url = raw.Hints.Url,
                Published = raw.Hints.Published,
            });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Extraction must never stop a run; an exception here is a bug, reported with the input that caused it.
            diagnostics.Add(Codes.StageFailed, Severity.Error, raw.Source, $"extraction failed ({ex.GetType().Name}: {ex.Message}); skipped. Please report this as a bug.");
            return null;
        }
    }

    /// <summary>
    /// A block found in two or more documents of one outlet (a signature, a standing appeal, a disclaimer) is the
    /// outlet's boilerplate. Quoted speech is exempt: two reports of one outlet may carry the same quote.
    /// </summary>
    private static void RemoveOutletRepeats(List<Draft> drafts)
    {
        foreach (var group in drafts.Where(d => d.Metadata.Outlet is not null).GroupBy(d => OutletDetector.Key(d.Metadata.Outlet!)))
        {
            if (group.Count() < 2) continue;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var draft in group)
                foreach (var key in draft.Paragraphs.Select(TextCleaner.Key).Where(k => k.Length > 0).Distinct())
                    counts[key] = counts.GetValueOrDefault(key) + 1;
            foreach (var draft in group)
            {
                for (var i = draft.Paragraphs.Count - 1; i >= 0; i--)
                {
                    var paragraph = draft.Paragraphs[i];
                    if (counts.GetValueOrDefault(TextCleaner.Key(paragraph)) < 2 || BoilerplateRules.ContainsSpeech(paragraph)) continue;
                    draft.Removed.Add(new RemovedText(paragraph, RemovalReasons.OutletBoilerplate));
                    draft.Paragraphs.RemoveAt(i);
                }
            }
        }
    }

    private static ExtractedDocument Build(Draft draft)
    {
        var text = string.Join("\n\n", draft.Paragraphs);
        var spans = new List<Paragraph>(draft.Paragraphs.Count);
        var offset = 0;
        foreach (var paragraph in draft.Paragraphs)
        {
            spans.Add(new Paragraph(TextSpan.FromLength(offset, paragraph.Length)));
            offset += paragraph.Length + 2;
        }
        var m = draft.Metadata;
        var metadata = new DocumentMetadata
        {
            Outlet = m.Outlet,
            Title = m.Title,
            Authors = [.. m.Authors],
            Published = m.Published,
            Language = LanguageDetector.Detect(text) ?? DeclaredLanguage(m.DeclaredLanguage),
            Url = m.Url ?? draft.Raw.Hints.Url,
        };
        var document = new Document(draft.Id, draft.Raw.Source, text, metadata) { Removed = [.. draft.Removed] }
            .With(Layers.Paragraphs, spans, StageName, StageVersion);
        return new ExtractedDocument(document, m.Modified, m.Section, [.. m.Tags], m.Image);
    }

    /// <summary>"en-US", "de_DE" → "en", "de".</summary>
    private static string? DeclaredLanguage(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared)) return null;
        var code = declared.Trim().Split('-', '_')[0].ToLowerInvariant();
        return code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower) ? code : null;
    }
}

/// <summary>A document with the page metadata the core model has no field for.</summary>
public sealed record ExtractedDocument(
    Document Document,
    NodaTime.LocalDate? Modified,
    string? Section,
    ImmutableArray<string> Tags,
    string? Image);
