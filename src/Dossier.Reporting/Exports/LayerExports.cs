using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dossier.Core.Model;
using Dossier.Reporting.Json;
using Parquet.Schema;
using Parquet.Serialization;

namespace Dossier.Reporting.Exports;

/// <summary>One exported table: a name (the file stem) and its rows, each shaped like the dossier.json element it comes from.</summary>
public sealed record ExportTable(string Name, IReadOnlyList<JsonObject> Rows);

/// <summary>
/// Per-layer exports for analysis tools: <c>NAME.jsonl</c> (rows as in dossier.json), <c>NAME.csv</c> and
/// <c>NAME.parquet</c> (the same rows flattened: <c>speaker.name</c> becomes <c>speaker_name</c>, arrays become JSON
/// text). Every row names its document (<c>document_id</c>) and that document's <c>source</c>.
/// Tokens are not exported (a row per word would dwarf every other table); they stay in dossier.db.
/// </summary>
public static class LayerExports
{
    private static readonly JsonSerializerOptions RowOptions = new(DossierJson.SerializerOptions) { WriteIndented = false };

    /// <summary>Writes every table in all three formats; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(Corpus corpus, string directory) =>
        // Parquet.Net only writes asynchronously; a CLI has no synchronisation context to deadlock on.
        WriteAllAsync(corpus, directory).GetAwaiter().GetResult();

    public static async Task<IReadOnlyList<string>> WriteAllAsync(Corpus corpus, string directory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var table in Tables(corpus))
        {
            var flat = FlatTable.From(table);
            var jsonl = Path.Combine(directory, table.Name + ".jsonl");
            await using (var writer = new StreamWriter(jsonl, false, new UTF8Encoding(false)))
            {
                foreach (var row in table.Rows) await writer.WriteLineAsync(row.ToJsonString(RowOptions).AsMemory(), cancellationToken);
            }
            var csv = Path.Combine(directory, table.Name + ".csv");
            await using (var writer = new StreamWriter(csv, false, new UTF8Encoding(false)))
                Csv.Write(flat, writer);
            var parquet = Path.Combine(directory, table.Name + ".parquet");
            await using (var stream = File.Create(parquet))
                await WriteParquetAsync(flat, stream, cancellationToken);
            written.AddRange([jsonl, csv, parquet]);
        }
        return written;
    }

    /// <summary>The exported tables: one per document layer (tokens aside), then the corpus results.</summary>
    public static IReadOnlyList<ExportTable> Tables(Corpus corpus)
    {
        var documents = corpus.Documents;
        var sources = documents.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().Source);
        string? SourceOf(string id) => sources.GetValueOrDefault(id);

        ExportTable Layer<T>(LayerKey<T> key, Func<T, Document, JsonObject> node) where T : class, ISpanned =>
            new(key.Name, [.. documents.SelectMany(d => d.Layer(key).Select(item => WithDocument(node(item, d), d.Id, d.Source)))]);

        static JsonObject Spanned(TextSpan span, Document d) => new()
        {
            ["start"] = span.Start,
            ["end"] = span.End,
            ["text"] = span.End <= d.Text.Length ? d.Text[span.Start..span.End] : null,
        };

        return
        [
            Layer(Layers.Paragraphs, (p, d) => Spanned(p.Span, d)),
            Layer(Layers.Sentences, (s, d) => Spanned(s.Span, d)),
            Layer(Layers.Entities, (e, _) => DossierJson.EntityMentionNode(e)),
            Layer(Layers.Numbers, (n, _) => DossierJson.NumberNode(n)),
            Layer(Layers.Times, (t, _) => DossierJson.TimeNode(t)),
            Layer(Layers.Quotes, (q, _) => DossierJson.QuoteNode(q)),
            Layer(Layers.Events, (e, d) => DossierJson.EventNode(e, d.Text)),
            Layer(Layers.Stances, (s, d) => DossierJson.StanceNode(s, d.Text)),
            new("documents", [.. documents.Select(d =>
            {
                var node = DossierJson.DocumentNode(d);
                // The metadata table: layers have their own files, and the text is kept (it is what offsets point into).
                foreach (var layer in new[] { "paragraphs", "sentences", "entities", "numbers", "quotes", "times", "events", "stances", "layers" })
                    node.Remove(layer);
                node.Remove("id");
                return WithDocument(node, d.Id, d.Source);
            })]),
            new("canonical_entities", [.. corpus.Entities.Select(e =>
            {
                // An entity spans documents: its source is the document that first named its role, when known.
                var first = e.Roles.IsDefaultOrEmpty ? null : e.Roles[0].DocumentId;
                return WithDocument(DossierJson.EntityNode(e), first, first is null ? null : SourceOf(first));
            })]),
            new("stories", [.. corpus.Stories.SelectMany(s => s.DocumentIds.Select(id =>
            {
                var node = DossierJson.StoryNode(s);
                node.Remove("documents");
                node["story"] = node["id"]!.DeepClone();
                node.Remove("id");
                return WithDocument(node, id, SourceOf(id));
            }))]),
            new("alignments", [.. corpus.Alignments.SelectMany((a, i) => a.Documents.Select(member =>
            {
                var node = DossierJson.AlignmentNode(a);
                node.Remove("documents");
                node["alignment"] = i;
                node["start"] = member.Start;
                node["end"] = member.End;
                return WithDocument(node, member.DocumentId, SourceOf(member.DocumentId));
            }))]),
            new("discrepancies", [.. corpus.Discrepancies.Select(d =>
            {
                var node = DossierJson.DiscrepancyNode(d);
                node.Remove("document");
                return WithDocument(node, d.Document, SourceOf(d.Document));
            })]),
            new("positions", [.. corpus.Positions.SelectMany((p, i) =>
                (p.Evidence.IsDefaultOrEmpty ? [null] : p.Evidence.Select(e => (Evidence?)e)).Select(e =>
                {
                    var node = DossierJson.PositionNode(p);
                    node.Remove("evidence");
                    node["position"] = i;
                    node["start"] = e?.Start;
                    node["end"] = e?.End;
                    node["outlet"] = e?.Outlet;
                    node["evidence_text"] = e?.Text;
                    return WithDocument(node, e?.Document, e is null ? null : SourceOf(e.Document));
                }))]),
        ];
    }

    /// <summary>The row with <c>document_id</c> and <c>source</c> as its first columns.</summary>
    private static JsonObject WithDocument(JsonObject node, string? documentId, string? source)
    {
        var row = new JsonObject { ["document_id"] = documentId, ["source"] = source };
        foreach (var (name, value) in node.ToList())
        {
            node.Remove(name);
            row[name] = value;
        }
        return row;
    }

    private static async Task WriteParquetAsync(FlatTable table, Stream output, CancellationToken cancellationToken)
    {
        var schema = new ParquetSchema(table.Columns.Select(c => new DataField(c.Name, c.Type, true, false, null)));
        var rows = table.Rows.Select(values =>
        {
            IDictionary<string, object?> row = new Dictionary<string, object?>();
            for (var i = 0; i < table.Columns.Count; i++) row[table.Columns[i].Name] = values[i];
            return row;
        }).ToList();
        await ParquetSerializer.SerializeUntypedAsync(rows, schema, output, cancellationToken: cancellationToken);
    }
}
