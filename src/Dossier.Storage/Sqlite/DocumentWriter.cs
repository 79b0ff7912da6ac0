using System.Text;
using Dossier.Core.Model;
using Microsoft.Data.Sqlite;
using static Dossier.Storage.Sqlite.SqliteDossierStore;

namespace Dossier.Storage.Sqlite;

/// <summary>Upserts documents inside the caller's transaction, with commands prepared once per batch.</summary>
internal sealed class DocumentWriter(SqliteConnection connection, SqliteTransaction transaction)
{
    public void Write(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        using var fingerprint = Command("SELECT fingerprint FROM documents WHERE id = $id;", "$id");
        using var upsert = Command("""
            INSERT INTO documents (id, source, text, outlet, title, authors, published, published_inferred, language, url, fingerprint)
            VALUES ($id, $source, $text, $outlet, $title, $authors, $published, $inferred, $language, $url, $fingerprint)
            ON CONFLICT(id) DO UPDATE SET
                source = excluded.source, text = excluded.text, outlet = excluded.outlet, title = excluded.title,
                authors = excluded.authors, published = excluded.published, published_inferred = excluded.published_inferred,
                language = excluded.language, url = excluded.url, fingerprint = excluded.fingerprint;
            """, "$id", "$source", "$text", "$outlet", "$title", "$authors", "$published", "$inferred", "$language", "$url", "$fingerprint");
        // Deleting the layers cascades to their annotations.
        using var clear = Command("DELETE FROM removed_text WHERE document_id = $id; DELETE FROM layers WHERE document_id = $id;", "$id");
        using var removed = Command(
            "INSERT INTO removed_text (document_id, seq, text, reason) VALUES ($id, $seq, $text, $reason);",
            "$id", "$seq", "$text", "$reason");
        using var layer = Command(
            "INSERT INTO layers (document_id, layer, stage, stage_version, packed) VALUES ($id, $layer, $stage, $version, $packed);",
            "$id", "$layer", "$stage", "$version", "$packed");
        // A whole layer in one statement: SQLite unpacks the JSON array of [start, end, data] rows itself, which is
        // several times faster than one statement per annotation for layers of thousands of tokens.
        using var annotations = Command("""
            INSERT INTO annotations (document_id, layer, seq, start, "end", stage, stage_version, data)
            SELECT $id, $layer, row.key, row.value ->> 0, row.value ->> 1, $stage, $version, row.value -> 2
            FROM json_each($rows) AS row;
            """, "$id", "$layer", "$stage", "$version", "$rows");

        // The same id twice in one batch: the last version wins, as it would across two batches.
        foreach (var stored in documents.GroupBy(d => d.Document.Id).Select(g => g.Last()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = stored.Document;
            if (Run(fingerprint, document.Id) is string existing && existing == stored.Fingerprint) continue;

            var m = document.Metadata;
            Execute(upsert, document.Id, document.Source, document.Text, m.Outlet, m.Title, stored.Authors,
                FormatDate(m.Published), m.PublishedInferred ? 1 : 0, m.Language, m.Url, stored.Fingerprint);
            Execute(clear, document.Id);
            for (var i = 0; i < document.Removed.Length; i++)
                Execute(removed, document.Id, i, document.Removed[i].Text, document.Removed[i].Reason);
            foreach (var l in stored.Layers)
            {
                var packed = PackedLayers.Contains(l.Name);
                Execute(layer, document.Id, l.Name, l.Stage, l.StageVersion, packed ? Rows(l.Annotations) : null);
                if (!packed && l.Annotations.Count > 0) Execute(annotations, document.Id, l.Name, l.Stage, l.StageVersion, Rows(l.Annotations));
            }
        }
    }

    /// <summary>
    /// Layers stored packed in their <c>layers</c> row: a token has no provenance beyond its layer's and is never
    /// queried alone, and one row per token would make storage the slowest stage of a run.
    /// </summary>
    internal static readonly IReadOnlySet<string> PackedLayers = new HashSet<string> { Layers.Tokens.Name };

    /// <summary>A layer's items as a JSON array of [start, end, data] rows.</summary>
    private static string Rows(IReadOnlyList<StoredAnnotation> annotations)
    {
        var rows = new StringBuilder(annotations.Sum(a => a.Data.Length + 16) + 2).Append('[');
        foreach (var a in annotations)
            rows.Append(rows.Length > 1 ? ",[" : "[").Append(a.Start).Append(',').Append(a.End).Append(',').Append(a.Data).Append(']');
        return rows.Append(']').ToString();
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static void Bind(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    // SQLite runs in-process, so its "async" calls complete synchronously anyway; the sync calls skip a Task per row.
    private static void Execute(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        command.ExecuteNonQuery();
    }

    private static object? Run(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        return command.ExecuteScalar();
    }
}
