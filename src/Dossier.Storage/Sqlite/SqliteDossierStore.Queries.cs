using System.Text.Json;
using Dossier.Core.Model;
using Dossier.Storage.Serialization;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

public sealed partial class SqliteDossierStore
{
    private const string SummaryColumns = "d.id, d.source, d.outlet, d.title, d.published, d.published_inferred, d.url, d.language";

    /// <summary>Result lists are bounded whatever a caller asks for.</summary>
    private const int MaxLimit = 1000;

    private static DocumentSummary ReadSummary(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), DocumentReader.NullableString(r, 2), DocumentReader.NullableString(r, 3),
        DocumentReader.NullableString(r, 4), r.GetInt64(5) != 0, DocumentReader.NullableString(r, 6), DocumentReader.NullableString(r, 7));

    public async Task<int> CountDocumentsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM documents;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(IReadOnlyCollection<string>? ids, int offset, int limit,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Optional filters are spliced in as fixed SQL (never user text): "$p IS NULL OR …" would stop SQLite using an index.
        command.CommandText = $"""
            SELECT {SummaryColumns} FROM documents d
            {(ids is null ? "" : "WHERE d.id IN (SELECT value FROM json_each($ids))")}
            ORDER BY d.published DESC NULLS LAST, d.pk DESC
            LIMIT $limit OFFSET $offset;
            """;
        command.Parameters.AddWithValue("$ids", ids is null ? DBNull.Value : JsonSerializer.Serialize(ids));
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 0, MaxLimit));
        command.Parameters.AddWithValue("$offset", Math.Max(offset, 0));
        return await ReadAllAsync(command, ReadSummary, cancellationToken);
    }

    public async Task<IReadOnlyList<Document>> LoadDocumentsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0) return [];
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await DocumentReader.ReadAsync(connection, ids, cancellationToken);
    }

    public async Task<Corpus> LoadDerivedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await CorpusTables.ReadAsync(connection, [], cancellationToken);
    }

    public async Task<IReadOnlyList<StorySummary>> ListStoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var stories = (await CorpusTables.ReadAsync(connection, [], cancellationToken)).Stories;
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.seq, json_group_array(DISTINCT d.outlet) FILTER (WHERE d.outlet IS NOT NULL), count(d.id), min(d.published), max(d.published)
            FROM stories s
            LEFT JOIN story_documents sd ON sd.story_seq = s.seq
            LEFT JOIN documents d ON d.id = sd.document_id
            GROUP BY s.seq ORDER BY s.seq;
            """;
        var rows = await ReadAllAsync(command, r => (Seq: r.GetInt32(0), Outlets: JsonSerializer.Deserialize<string[]>(r.GetString(1)) ?? [],
            Count: r.GetInt32(2), First: DocumentReader.NullableString(r, 3), Last: DocumentReader.NullableString(r, 4)), cancellationToken);
        return rows.Where(r => r.Seq < stories.Length)
            .Select(r => new StorySummary(stories[r.Seq], r.Outlets, r.Count, r.First, r.Last)).ToList();
    }

    public async Task<IReadOnlyList<QuoteHit>> FindQuotesAsync(string? text, string? speakerEntityId, int limit,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // instr() rather than LIKE: user text with % or _ must match literally.
        // For one speaker, actor_annotations hands out their quotes newest first, so a page reads only what it shows
        // however many quotes they gave; without one, the walk over documents by date stops as early.
        command.CommandText = speakerEntityId is null
            ? $"""
              SELECT {SummaryColumns}, a.start, a."end", a.data
              FROM documents d INDEXED BY documents_by_date
              JOIN annotations a ON a.document_id = d.id AND a.layer = 'quotes'
              WHERE $text IS NULL OR instr(lower(a.data ->> 'text'), lower($text)) > 0
              ORDER BY d.published DESC NULLS LAST, d.pk DESC, a.seq
              LIMIT $limit;
              """
            : $"""
              SELECT {SummaryColumns}, a.start, a."end", a.data
              FROM actor_annotations x
              JOIN annotations a ON a.document_id = x.document_id AND a.layer = x.layer AND a.seq = x.seq
              JOIN documents d ON d.pk = x.document_pk
              WHERE x.entity_id = $speaker AND x.layer = 'quotes'
                AND ($text IS NULL OR instr(lower(a.data ->> 'text'), lower($text)) > 0)
              ORDER BY x.published DESC NULLS LAST, x.document_pk DESC, x.seq
              LIMIT $limit;
              """;
        command.Parameters.AddWithValue("$speaker", (object?)speakerEntityId ?? DBNull.Value);
        command.Parameters.AddWithValue("$text", string.IsNullOrWhiteSpace(text) ? DBNull.Value : text.Trim());
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 0, MaxLimit));
        return await ReadAllAsync(command, r => new QuoteHit(ReadSummary(r),
            (Quote)RecordJson.DeserializeAnnotation(typeof(Quote), r.GetString(10), r.GetInt32(8), r.GetInt32(9))), cancellationToken);
    }

    public async Task<IReadOnlyList<EventHit>> FindEventsAsync(string? entityId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // As for quotes: for one entity, actor_annotations lists the events naming it (as source or target) newest first;
        // without one, the walk over documents by date stops after the page.
        command.CommandText = entityId is null
            ? $"""
              SELECT {SummaryColumns}, a.start, a."end", a.data, d.text
              FROM documents d INDEXED BY documents_by_date
              JOIN annotations a ON a.document_id = d.id AND a.layer = 'events'
              ORDER BY d.published DESC NULLS LAST, d.pk DESC, a.seq
              LIMIT $limit;
              """
            : $"""
              SELECT {SummaryColumns}, a.start, a."end", a.data, d.text
              FROM actor_annotations x
              JOIN annotations a ON a.document_id = x.document_id AND a.layer = x.layer AND a.seq = x.seq
              JOIN documents d ON d.pk = x.document_pk
              WHERE x.entity_id = $entity AND x.layer = 'events'
              ORDER BY x.published DESC NULLS LAST, x.document_pk DESC, x.seq
              LIMIT $limit;
              """;
        command.Parameters.AddWithValue("$entity", (object?)entityId ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 0, MaxLimit));
        return await ReadAllAsync(command, r =>
        {
            // Offsets are UTF-16 indices; SQLite's substr counts code points, so the sentence is cut here.
            var (start, end, text) = (r.GetInt32(8), r.GetInt32(9), r.GetString(11));
            var sentence = start >= 0 && end <= text.Length && start <= end ? text[start..end] : null;
            return new EventHit(ReadSummary(r),
                (EventMention)RecordJson.DeserializeAnnotation(typeof(EventMention), r.GetString(10), start, end), sentence);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, SearchFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        var match = FtsQuery.Sanitize(query);
        if (match is null || limit <= 0) return [];
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var joinDocuments = filter.Outlet is not null || filter.From is not null || filter.To is not null || filter.EntityId is not null;
        string Matching(string query) => $"""
            FROM documents_fts f {(joinDocuments ? "JOIN documents d ON d.pk = f.rowid" : "")}
            WHERE documents_fts MATCH {query}
              {(filter.Outlet is null ? "" : "AND d.outlet = $outlet")}
              {(filter.From is null ? "" : "AND d.published >= $from")}
              {(filter.To is null ? "" : "AND d.published <= $to")}
              {(filter.EntityId is null ? "" : "AND d.id IN (SELECT a.document_id FROM annotations a INDEXED BY annotations_entity WHERE a.layer = 'entities' AND a.data ->> 'entity_id' = $entity)")}
            """;
        // Two steps: pick the best matches, then cut snippets for those alone (in one SELECT, SQLite would cut a
        // snippet, reading the whole text, for every match before sorting). CROSS JOIN keeps that order: left to
        // itself, SQLite may walk every match of the terms again to meet the few best ones.
        // By relevance, bm25 scores every match, title matches weighing more than body matches (a word in the headline
        // says what the article is about); it first counts, for each term, every document holding it, so its cost
        // grows with the matches. Headlines-then-recent walks the title matches and then all matches by rowid, newest
        // first, and stops after the page: its cost is the page's, however common the words.
        var best = filter.Order == SearchOrder.Relevance
            ? $"""
              scored AS MATERIALIZED (SELECT f.rowid AS pk, bm25(documents_fts, 5.0, 1.0) AS score {Matching("$match")}),
              best AS MATERIALIZED (SELECT pk, score FROM scored ORDER BY score LIMIT $limit)
              """
            : $"""
              headline AS MATERIALIZED (SELECT f.rowid AS pk, -1 AS score {Matching("$headline")} ORDER BY f.rowid DESC LIMIT $limit),
              -- Twice the page: when fewer than a page of headlines match, these include all of them and a page more.
              anywhere AS MATERIALIZED (SELECT f.rowid AS pk, 0 AS score {Matching("$match")} ORDER BY f.rowid DESC LIMIT 2 * $limit),
              best AS MATERIALIZED (
                  SELECT pk, min(score) AS score FROM (SELECT pk, score FROM headline UNION ALL SELECT pk, score FROM anywhere)
                  GROUP BY pk ORDER BY score, pk DESC LIMIT $limit)
              """;
        command.CommandText = $"""
            WITH {best}
            SELECT d.id, d.title, d.outlet, d.published,
                   snippet(documents_fts, -1, char(2), char(3), '…', 16),
                   best.score
            FROM best
            CROSS JOIN documents_fts ON documents_fts.rowid = best.pk AND documents_fts MATCH $match
            CROSS JOIN documents d ON d.pk = best.pk
            ORDER BY best.score, best.pk DESC;
            """;
        command.Parameters.AddWithValue("$headline", $"{{title}} : ({match})");
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$outlet", (object?)filter.Outlet ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", (object?)filter.From ?? DBNull.Value);
        command.Parameters.AddWithValue("$to", (object?)filter.To ?? DBNull.Value);
        command.Parameters.AddWithValue("$entity", (object?)filter.EntityId ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", Math.Min(limit, MaxLimit));
        return await ReadAllAsync(command, r => new SearchHit(
            r.GetString(0),
            DocumentReader.NullableString(r, 1),
            DocumentReader.NullableString(r, 2),
            DocumentReader.NullableString(r, 3),
            DocumentReader.NullableString(r, 4) ?? "",
            // Lower is better in both orders (bm25; headline before body); a rank reads more naturally as higher-is-better.
            -r.GetDouble(5)), cancellationToken);
    }

    public async Task<IReadOnlyList<CoveragePoint>> CoverageAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT coalesce(outlet, 'unknown outlet'), published, count(*) FROM documents
            WHERE published IS NOT NULL GROUP BY 1, 2 ORDER BY 2, 1;
            """;
        return await ReadAllAsync(command, r => new CoveragePoint(r.GetString(0), r.GetString(1), r.GetInt32(2)), cancellationToken);
    }

    public async Task<ILookup<string, CoveragePoint>> StoryCoverageAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.id, coalesce(d.outlet, 'unknown outlet'), d.published, count(*)
            FROM stories s
            JOIN story_documents sd ON sd.story_seq = s.seq
            JOIN documents d ON d.id = sd.document_id
            WHERE d.published IS NOT NULL
            GROUP BY s.seq, 2, 3 ORDER BY s.seq, 3, 2;
            """;
        var rows = await ReadAllAsync(command, r => (Story: r.GetString(0), Point: new CoveragePoint(r.GetString(1), r.GetString(2), r.GetInt32(3))),
            cancellationToken);
        return rows.ToLookup(r => r.Story, r => r.Point);
    }

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        var results = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) results.Add(read(reader));
        return results;
    }
}
