using Microsoft.Data.Sqlite;
using static Dossier.Storage.Sqlite.SqliteDossierStore;

namespace Dossier.Storage.Sqlite;

/// <summary>Upserts documents inside the caller's transaction, with commands prepared once per batch.</summary>
internal sealed class DocumentWriter(SqliteConnection connection, SqliteTransaction transaction)
{
    public async Task WriteAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        await using var fingerprint = Command("SELECT fingerprint FROM documents WHERE id = $id;", "$id");
        await using var upsert = Command("""
            INSERT INTO documents (id, source, text, outlet, title, authors, published, published_inferred, language, url, fingerprint)
            VALUES ($id, $source, $text, $outlet, $title, $authors, $published, $inferred, $language, $url, $fingerprint)
            ON CONFLICT(id) DO UPDATE SET
                source = excluded.source, text = excluded.text, outlet = excluded.outlet, title = excluded.title,
                authors = excluded.authors, published = excluded.published, published_inferred = excluded.published_inferred,
                language = excluded.language, url = excluded.url, fingerprint = excluded.fingerprint;
            """, "$id", "$source", "$text", "$outlet", "$title", "$authors", "$published", "$inferred", "$language", "$url", "$fingerprint");
        // Deleting the layers cascades to their annotations.
        await using var clear = Command("DELETE FROM removed_text WHERE document_id = $id; DELETE FROM layers WHERE document_id = $id;", "$id");
        await using var removed = Command(
            "INSERT INTO removed_text (document_id, seq, text, reason) VALUES ($id, $seq, $text, $reason);",
            "$id", "$seq", "$text", "$reason");
        await using var layer = Command(
            "INSERT INTO layers (document_id, layer, stage, stage_version) VALUES ($id, $layer, $stage, $version);",
            "$id", "$layer", "$stage", "$version");
        await using var annotation = Command("""
            INSERT INTO annotations (document_id, layer, seq, start, "end", stage, stage_version, data)
            VALUES ($id, $layer, $seq, $start, $end, $stage, $version, $data);
            """, "$id", "$layer", "$seq", "$start", "$end", "$stage", "$version", "$data");

        // The same id twice in one batch: the last version wins, as it would across two batches.
        foreach (var stored in documents.GroupBy(d => d.Document.Id).Select(g => g.Last()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = stored.Document;
            if (await Run(fingerprint, cancellationToken, document.Id) is string existing && existing == stored.Fingerprint) continue;

            var m = document.Metadata;
            await Execute(upsert, cancellationToken, document.Id, document.Source, document.Text, m.Outlet, m.Title, stored.Authors,
                FormatDate(m.Published), m.PublishedInferred ? 1 : 0, m.Language, m.Url, stored.Fingerprint);
            await Execute(clear, cancellationToken, document.Id);
            for (var i = 0; i < document.Removed.Length; i++)
                await Execute(removed, cancellationToken, document.Id, i, document.Removed[i].Text, document.Removed[i].Reason);
            foreach (var l in stored.Layers)
            {
                await Execute(layer, cancellationToken, document.Id, l.Name, l.Stage, l.StageVersion);
                for (var i = 0; i < l.Annotations.Count; i++)
                {
                    var a = l.Annotations[i];
                    await Execute(annotation, cancellationToken, document.Id, l.Name, i, a.Start, a.End, l.Stage, l.StageVersion, a.Data);
                }
            }
        }
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

    private static async Task Execute(SqliteCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        Bind(command, values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> Run(SqliteCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        Bind(command, values);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
