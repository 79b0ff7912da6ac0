using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using NodaTime;
using NodaTime.Text;

namespace Dossier.Reporting.Json;

/// <summary>
/// The dossier.json contract (issue 3): snake_case names, contract enum values in their documented case, offsets as
/// C# string indices into each document's <c>text</c>. Extra fields are added freely; contract names never change.
/// The node builders are public so the CLI (<c>dossier nlp</c>) and the web API emit exactly the same shapes.
/// </summary>
public static class DossierJson
{
    /// <summary>Indented UTF-8 with non-ASCII kept as is. Relaxed escaping is right for a .json file, never for HTML.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonSerializerOptions SerializerOptions { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Version { get; } =
        typeof(DossierJson).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(DossierJson).Assembly.GetName().Version?.ToString() ?? "0";

    /// <summary>Writes the whole dossier. Documents are written one at a time, so memory stays at one document's tree.</summary>
    /// <param name="generatedAt">When the dossier was made (from the run's clock); omitted when null so output stays reproducible.</param>
    public static void Write(Corpus corpus, IReadOnlyList<Diagnostic> diagnostics, Stream output, Instant? generatedAt = null)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("version", Version);
        if (generatedAt is { } at) writer.WriteString("generated_at", InstantPattern.ExtendedIso.Format(at));
        WriteArray(writer, "documents", corpus.Documents, DocumentNode);
        WriteArray(writer, "entities", corpus.Entities, EntityNode);
        WriteArray(writer, "stories", corpus.Stories, StoryNode);
        WriteArray(writer, "storylines", corpus.Storylines, StorylineNode);
        var view = new CorpusView(corpus);
        WriteArray(writer, "duplicates", corpus.Duplicates, g => DuplicateNode(g, view));
        WriteArray(writer, "alignments", corpus.Alignments, a => AlignmentNode(a, view));
        WriteArray(writer, "discrepancies", corpus.Discrepancies, DiscrepancyNode);
        WriteArray(writer, "positions", corpus.Positions, PositionNode);
        WriteArray(writer, "coverage", corpus.Stories, s => CoverageNode(StoryCoverage.Of(view, s)));
        WriteArray(writer, "diagnostics", diagnostics, DiagnosticNode);
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>The whole dossier as a string (for tests and small corpora).</summary>
    public static string ToJson(Corpus corpus, IReadOnlyList<Diagnostic>? diagnostics = null, Instant? generatedAt = null)
    {
        using var stream = new MemoryStream();
        Write(corpus, diagnostics ?? [], stream, generatedAt);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, string name, IEnumerable<T> items, Func<T, JsonNode> node)
    {
        writer.WriteStartArray(name);
        foreach (var item in items) node(item).WriteTo(writer);
        writer.WriteEndArray();
    }

    /// <summary>One element of <c>documents[]</c>: metadata, clean text, removed text and every language layer.</summary>
    public static JsonObject DocumentNode(Document document)
    {
        var m = document.Metadata;
        var node = new JsonObject
        {
            ["id"] = document.Id,
            ["source"] = document.Source,
            ["outlet"] = m.Outlet,
            ["title"] = m.Title,
            ["authors"] = new JsonArray([.. m.Authors.Select(a => (JsonNode?)a)]),
            ["published"] = m.Published is { } p ? LocalDatePattern.Iso.Format(p) : null,
            ["published_inferred"] = m.PublishedInferred,
            ["language"] = m.Language,
            ["url"] = m.Url,
            ["text"] = document.Text,
            ["removed"] = Array(document.Removed, r => new JsonObject { ["text"] = r.Text, ["reason"] = r.Reason }),
            ["paragraphs"] = Array(document.Layer(Layers.Paragraphs), p => SpanNode(p.Span)),
            ["sentences"] = Array(document.Layer(Layers.Sentences), s => SpanNode(s.Span)),
            ["sentence_count"] = document.Layer(Layers.Sentences).Length,
            ["token_count"] = document.Layer(Layers.Tokens).Length,
            ["entities"] = Array(document.Layer(Layers.Entities), EntityMentionNode),
            ["numbers"] = Array(document.Layer(Layers.Numbers), NumberNode),
            ["quotes"] = Array(document.Layer(Layers.Quotes), QuoteNode),
            ["times"] = Array(document.Layer(Layers.Times), TimeNode),
            ["events"] = Array(document.Layer(Layers.Events), e => EventNode(e, document.Text)),
            ["stances"] = Array(document.Layer(Layers.Stances), s => StanceNode(s, document.Text)),
            ["layers"] = new JsonObject(document.LayerSet.Values.OrderBy(l => l.Key.Name, StringComparer.Ordinal)
                .Select(l => KeyValuePair.Create(l.Key.Name, (JsonNode?)new JsonObject
                {
                    ["stage"] = l.Stage,
                    ["stage_version"] = l.StageVersion,
                    ["count"] = l.Items.Count,
                }))),
        };
        return node;
    }

    public static JsonObject EntityMentionNode(EntityMention e) => new()
    {
        ["start"] = e.Span.Start,
        ["end"] = e.Span.End,
        ["text"] = e.Text,
        ["label"] = e.Label.ToString(),
        ["type"] = e.Type,
        ["entity_id"] = e.EntityId,
    };

    public static JsonObject NumberNode(NumberMention n) => new()
    {
        ["start"] = n.Span.Start,
        ["end"] = n.Span.End,
        ["text"] = n.Text,
        ["kind"] = Names.Of(n.Kind),
        ["value"] = n.Value,
        ["unit"] = n.Unit,
    };

    public static JsonObject QuoteNode(Quote q) => new()
    {
        ["start"] = q.Span.Start,
        ["end"] = q.Span.End,
        ["text"] = q.Text,
        ["kind"] = Names.Of(q.Kind),
        ["speaker"] = q.Speaker is { } s
            ? new JsonObject { ["name"] = s.Name, ["entity_id"] = s.EntityId, ["start"] = s.Span.Start, ["end"] = s.Span.End }
            : null,
        ["cue"] = q.Cue,
        ["cue_start"] = q.CueSpan?.Start,
        ["cue_end"] = q.CueSpan?.End,
        ["channel"] = q.Channel,
        ["certainty"] = Names.Of(q.Certainty),
        ["addressee"] = q.Addressee,
        ["speech_date"] = q.SpeechDate,
    };

    public static JsonObject TimeNode(TimeExpression t) => new()
    {
        ["start"] = t.Span.Start,
        ["end"] = t.Span.End,
        ["text"] = t.Text,
        ["type"] = t.Type.ToString(),
        ["value"] = t.Value,
        ["anchor"] = t.Anchor,
    };

    /// <param name="text">The document's text, to show the sentence the event was found in.</param>
    public static JsonObject EventNode(EventMention e, string text) => new()
    {
        ["type"] = e.Type.ToUpperInvariant(),
        ["mode"] = e.Mode,
        ["source"] = ActorNode(e.Source),
        ["target"] = e.Target is { } target ? ActorNode(target) : null,
        ["date"] = e.Date,
        ["location"] = e.Location,
        ["start"] = e.Span.Start,
        ["end"] = e.Span.End,
        ["text"] = SafeText(text, e.Span),
        ["confidence"] = double.IsFinite(e.Confidence) ? e.Confidence : null,
        ["context"] = e.Context,
        ["trigger"] = e.Trigger,
    };

    public static JsonObject StanceNode(StanceMention s, string text) => new()
    {
        ["start"] = s.Span.Start,
        ["end"] = s.Span.End,
        ["text"] = SafeText(text, s.Span),
        ["issue"] = s.Issue,
        ["actor"] = ActorNode(s.Actor),
        ["stance"] = Names.Of(s.Stance),
        ["date"] = s.Date,
        ["condition"] = s.Condition,
    };

    public static JsonObject ActorNode(ActorRef a) => new() { ["entity_id"] = a.EntityId, ["name"] = a.Name, ["sector"] = a.Sector };

    public static JsonObject EntityNode(CanonicalEntity e) => new()
    {
        ["id"] = e.Id,
        ["name"] = e.Name,
        ["type"] = e.Type,
        ["aliases"] = new JsonArray([.. e.Aliases.Select(a => (JsonNode?)a)]),
        ["country"] = e.Country,
        ["wikidata"] = e.Wikidata,
        ["roles"] = Array(e.Roles, r => new JsonObject { ["title"] = r.Title, ["date"] = r.Date, ["document"] = r.DocumentId }),
    };

    public static JsonObject StoryNode(Story s) => new()
    {
        ["id"] = s.Id,
        ["title"] = s.Title,
        ["date"] = s.Date,
        ["documents"] = new JsonArray([.. s.DocumentIds.Select(d => (JsonNode?)d)]),
        ["summary"] = s.Summary,
        ["storyline"] = s.Storyline,
    };

    /// <summary>An alignment with its corroboration: how many distinct outlets carry it.</summary>
    public static JsonObject AlignmentNode(Alignment a, CorpusView view)
    {
        var node = AlignmentNode(a);
        node["corroboration"] = a.Documents.Select(d => view.Document(d.DocumentId) is { } doc ? doc.Metadata.Outlet ?? doc.Source : d.DocumentId)
            .Distinct().Count();
        return node;
    }

    public static JsonObject StorylineNode(Storyline s) => new()
    {
        ["id"] = s.Id,
        ["title"] = s.Title,
        ["stories"] = new JsonArray([.. s.StoryIds.Select(id => (JsonNode?)id)]),
        ["links"] = Array(s.Links, l => new JsonObject
        {
            ["from"] = l.From,
            ["to"] = l.To,
            ["shared_actors"] = new JsonArray([.. l.SharedActors.Select(a => (JsonNode?)a)]),
            ["shared_terms"] = new JsonArray([.. l.SharedTerms.Select(t => (JsonNode?)t)]),
            ["score"] = l.Score,
        }),
    };

    /// <summary>A near-duplicate group: each member's estimated and exact Jaccard with the representative and the passages they share.</summary>
    public static JsonObject DuplicateNode(DuplicateGroup g, CorpusView view) => new()
    {
        ["representative"] = g.Representative,
        ["documents"] = new JsonArray([.. g.DocumentIds.Select(d => (JsonNode?)d)]),
        ["links"] = Array(g.Links, l => new JsonObject
        {
            ["document"] = l.DocumentId,
            ["estimated_jaccard"] = Math.Round(l.EstimatedJaccard, 3),
            ["exact_jaccard"] = Math.Round(l.ExactJaccard, 3),
            ["passages"] = Array(l.Passages, p => new JsonObject
            {
                ["start"] = p.Start,
                ["end"] = p.End,
                ["text"] = view.TextOf(p.DocumentId, p.Start, p.End),
            }),
        }),
    };

    /// <summary>A story's coverage table: outlets × claims, each cell reports|differs|omits|absent, and per-outlet totals.</summary>
    public static JsonObject CoverageNode(StoryCoverage c) => new()
    {
        ["story"] = c.Story,
        ["outlets"] = new JsonArray([.. c.Outlets.Select(o => (JsonNode?)o)]),
        ["claims"] = Array(c.Rows, r => new JsonObject
        {
            ["kind"] = r.Kind,
            ["text"] = r.Text,
            ["alignment"] = r.Alignment,
            ["corroboration"] = r.Corroboration,
            ["first_outlet"] = r.FirstOutlet,
            ["cells"] = new JsonObject(c.Outlets.Select((o, i) => KeyValuePair.Create(o, (JsonNode?)Names.Of(r.Cells[i])))),
        }),
        ["per_outlet"] = Array(c.PerOutlet, o => new JsonObject
        {
            ["outlet"] = o.Outlet,
            ["reports"] = o.Reports,
            ["exclusives"] = o.Exclusives,
            ["omissions"] = o.Omissions,
            ["differences"] = o.Differences,
        }),
    };

    public static JsonObject AlignmentNode(Alignment a) => new()
    {
        ["story"] = a.Story,
        ["kind"] = Names.Of(a.Kind),
        ["text"] = a.Text,
        ["documents"] = Array(a.Documents, d => new JsonObject { ["id"] = d.DocumentId, ["start"] = d.Start, ["end"] = d.End }),
        ["speaker"] = a.Speaker,
        ["channel"] = a.Channel,
        ["first_outlet"] = a.FirstOutlet,
    };

    public static JsonObject DiscrepancyNode(Discrepancy d) => new()
    {
        ["story"] = d.Story,
        ["document"] = d.Document,
        ["kind"] = d.Kind,
        ["text"] = d.Text,
        ["start"] = d.Start,
        ["end"] = d.End,
        ["explanation"] = d.Explanation,
    };

    public static JsonObject PositionNode(Position p) => new()
    {
        ["issue"] = p.Issue,
        ["actor"] = p.Actor,
        ["stance"] = Names.Of(p.Stance),
        ["date"] = p.Date,
        ["condition"] = p.Condition,
        ["evidence"] = Array(p.Evidence, e => new JsonObject
        {
            ["document"] = e.Document,
            ["start"] = e.Start,
            ["end"] = e.End,
            ["outlet"] = e.Outlet,
            ["text"] = e.Text,
        }),
    };

    public static JsonObject DiagnosticNode(Diagnostic d) => new()
    {
        ["code"] = d.Code,
        ["severity"] = d.Severity.ToString().ToLowerInvariant(),
        ["where"] = d.Where,
        ["message"] = d.Message,
    };

    private static JsonObject SpanNode(TextSpan span) => new() { ["start"] = span.Start, ["end"] = span.End };

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode> node) => new([.. items.Select(i => (JsonNode?)node(i))]);

    /// <summary>The spanned text, or null when a (buggy or stale) span does not fit the text.</summary>
    private static string? SafeText(string text, TextSpan span) =>
        span.Start >= 0 && span.End <= text.Length && span.Start <= span.End ? text[span.Start..span.End] : null;
}
