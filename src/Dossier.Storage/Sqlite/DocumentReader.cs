using System.Collections.Immutable;
using System.Text.Json;
using Dossier.Core.Model;
using Dossier.Storage.Serialization;
using Microsoft.Data.Sqlite;
using static Dossier.Storage.Sqlite.SqliteDossierStore;

namespace Dossier.Storage.Sqlite;

/// <summary>Reads documents back with every layer, rebuilding each layer's typed array from its rows.</summary>
internal static class DocumentReader
{
    /// <param name="ids">The documents to read, or null for all of them (in the order they were first stored).</param>
    public static async Task<IReadOnlyList<Document>> ReadAsync(SqliteConnection connection, IReadOnlyCollection<string>? ids, CancellationToken cancellationToken)
    {
        var filter = ids is null ? "" : "WHERE id IN (SELECT value FROM json_each($ids))";
        var childFilter = ids is null ? "" : "WHERE document_id IN (SELECT value FROM json_each($ids))";
        var documentId = ids is null ? null : JsonSerializer.Serialize(ids);

        var documents = new List<Document>();
        await foreach (var r in Query(connection, $"""
            SELECT id, source, text, outlet, title, authors, published, published_inferred, language, url
            FROM documents {filter} ORDER BY pk;
            """, documentId, cancellationToken))
        {
            documents.Add(new Document(r.GetString(0), r.GetString(1), r.GetString(2), new DocumentMetadata
            {
                Outlet = NullableString(r, 3),
                Title = NullableString(r, 4),
                Authors = RecordJson.Deserialize<ImmutableArray<string>>(r.GetString(5)),
                Published = ParseDate(NullableString(r, 6)),
                PublishedInferred = r.GetInt64(7) != 0,
                Language = NullableString(r, 8),
                Url = NullableString(r, 9),
            }));
        }
        if (documents.Count == 0) return documents;

        var removed = new Dictionary<string, List<RemovedText>>();
        await foreach (var r in Query(connection,
            $"SELECT document_id, text, reason FROM removed_text {childFilter} ORDER BY document_id, seq;", documentId, cancellationToken))
        {
            GetOrAdd(removed, r.GetString(0)).Add(new RemovedText(r.GetString(1), r.GetString(2)));
        }

        var layers = new Dictionary<(string Document, string Layer), (string Stage, string Version)>();
        var items = new Dictionary<(string Document, string Layer), List<ISpanned>>();
        await foreach (var r in Query(connection,
            $"SELECT document_id, layer, stage, stage_version, packed FROM layers {childFilter};", documentId, cancellationToken))
        {
            layers[(r.GetString(0), r.GetString(1))] = (r.GetString(2), r.GetString(3));
            if (!r.IsDBNull(4) && Layers.ByName(r.GetString(1)) is { } packedKey)
                items[(r.GetString(0), packedKey.Name)] = Unpack(packedKey, r.GetString(4));
        }

        await foreach (var r in Query(connection,
            $"""SELECT document_id, layer, start, "end", data FROM annotations {childFilter} ORDER BY document_id, layer, seq;""",
            documentId, cancellationToken))
        {
            // A layer this version does not know (written by a newer Dossier) is left out rather than misread.
            if (Layers.ByName(r.GetString(1)) is not { } key) continue;
            GetOrAdd(items, (r.GetString(0), key.Name))
                .Add(RecordJson.DeserializeAnnotation(key.ElementType, r.GetString(4), r.GetInt32(2), r.GetInt32(3)));
        }

        var layerSets = new Dictionary<string, ImmutableDictionary<string, Layer>.Builder>();
        foreach (var ((document, name), (stage, version)) in layers)
        {
            if (Layers.ByName(name) is not { } key) continue;
            var content = items.TryGetValue((document, name), out var list) ? list : [];
            if (!layerSets.TryGetValue(document, out var builder))
                layerSets[document] = builder = ImmutableDictionary.CreateBuilder<string, Layer>();
            builder[name] = new Layer(key, stage, version, RecordJson.ToLayerItems(key, content));
        }

        return documents.Select(d => d with
        {
            Removed = removed.TryGetValue(d.Id, out var r) ? [.. r] : [],
            LayerSet = layerSets.TryGetValue(d.Id, out var b) ? b.ToImmutable() : ImmutableDictionary<string, Layer>.Empty,
        }).ToList();
    }

    private static List<ISpanned> Unpack(LayerKey key, string packed)
    {
        using var rows = JsonDocument.Parse(packed);
        return rows.RootElement.EnumerateArray()
            .Select(row => RecordJson.DeserializeAnnotation(key.ElementType, row[2].GetRawText(), row[0].GetInt32(), row[1].GetInt32()))
            .ToList();
    }

    private static List<TValue> GetOrAdd<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        return list;
    }

    internal static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <param name="ids">A JSON array of ids bound as $ids, when the query filters by id.</param>
    internal static async IAsyncEnumerable<SqliteDataReader> Query(SqliteConnection connection, string sql, string? ids,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (ids is not null) command.Parameters.AddWithValue("$ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return reader;
    }
}
