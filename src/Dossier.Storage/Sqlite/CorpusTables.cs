using System.Collections.Immutable;
using Dossier.Core.Model;
using Dossier.Storage.Serialization;
using Microsoft.Data.Sqlite;
using static Dossier.Storage.Sqlite.DocumentReader;

namespace Dossier.Storage.Sqlite;

/// <summary>The derived results: replaced as a whole on every save (they are recomputed from all documents).</summary>
internal static class CorpusTables
{
    public static async Task ReplaceAsync(SqliteConnection connection, SqliteTransaction transaction, Corpus corpus, CancellationToken cancellationToken)
    {
        // Children go with their parents (ON DELETE CASCADE).
        await SqliteDossierStore.ExecuteAsync(connection,
            "DELETE FROM entities; DELETE FROM stories; DELETE FROM alignments; DELETE FROM discrepancies; DELETE FROM positions; " +
            "DELETE FROM duplicates; DELETE FROM storylines;",
            cancellationToken, transaction);

        foreach (var (e, seq) in corpus.Entities.Select((e, i) => (e, i)))
        {
            await Insert(connection, transaction, cancellationToken,
                "INSERT INTO entities (seq, id, name, type, country, wikidata, aliases, roles) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);",
                seq, e.Id, e.Name, e.Type, e.Country, e.Wikidata, RecordJson.Serialize(e.Aliases), RecordJson.Serialize(e.Roles));
        }
        foreach (var (s, seq) in corpus.Stories.Select((s, i) => (s, i)))
        {
            await Insert(connection, transaction, cancellationToken,
                "INSERT INTO stories (seq, id, title, date, summary, storyline) VALUES ($1, $2, $3, $4, $5, $6);",
                seq, s.Id, s.Title, s.Date, s.Summary, s.Storyline);
            for (var i = 0; i < s.DocumentIds.Length; i++)
                await Insert(connection, transaction, cancellationToken,
                    "INSERT INTO story_documents (story_seq, seq, document_id) VALUES ($1, $2, $3);", seq, i, s.DocumentIds[i]);
        }
        foreach (var (a, seq) in corpus.Alignments.Select((a, i) => (a, i)))
        {
            await Insert(connection, transaction, cancellationToken,
                "INSERT INTO alignments (seq, story, kind, text, speaker, channel, first_outlet) VALUES ($1, $2, $3, $4, $5, $6, $7);",
                seq, a.Story, a.Kind.ToString(), a.Text, a.Speaker, a.Channel, a.FirstOutlet);
            for (var i = 0; i < a.Documents.Length; i++)
                await Insert(connection, transaction, cancellationToken,
                    """INSERT INTO alignment_members (alignment_seq, seq, document_id, start, "end") VALUES ($1, $2, $3, $4, $5);""",
                    seq, i, a.Documents[i].DocumentId, a.Documents[i].Start, a.Documents[i].End);
        }
        foreach (var (d, seq) in corpus.Discrepancies.Select((d, i) => (d, i)))
        {
            await Insert(connection, transaction, cancellationToken,
                """INSERT INTO discrepancies (seq, story, document_id, kind, text, start, "end", explanation) VALUES ($1, $2, $3, $4, $5, $6, $7, $8);""",
                seq, d.Story, d.Document, d.Kind, d.Text, d.Start, d.End, d.Explanation);
        }
        foreach (var (g, seq) in corpus.Duplicates.Select((g, i) => (g, i)))
        {
            await Insert(connection, transaction, cancellationToken,
                "INSERT INTO duplicates (seq, representative, documents) VALUES ($1, $2, $3);", seq, g.Representative, RecordJson.Serialize(g.DocumentIds));
            for (var i = 0; i < g.Links.Length; i++)
                await Insert(connection, transaction, cancellationToken,
                    "INSERT INTO duplicate_links (duplicate_seq, seq, document_id, estimated_jaccard, exact_jaccard, passages) VALUES ($1, $2, $3, $4, $5, $6);",
                    seq, i, g.Links[i].DocumentId, g.Links[i].EstimatedJaccard, g.Links[i].ExactJaccard, RecordJson.Serialize(g.Links[i].Passages));
        }
        foreach (var (l, seq) in corpus.Storylines.Select((l, i) => (l, i)))
        {
            await Insert(connection, transaction, cancellationToken,
                "INSERT INTO storylines (seq, id, title, stories) VALUES ($1, $2, $3, $4);", seq, l.Id, l.Title, RecordJson.Serialize(l.StoryIds));
            for (var i = 0; i < l.Links.Length; i++)
                await Insert(connection, transaction, cancellationToken,
                    "INSERT INTO storyline_links (storyline_seq, seq, from_story, to_story, shared_actors, shared_terms, score) VALUES ($1, $2, $3, $4, $5, $6, $7);",
                    seq, i, l.Links[i].From, l.Links[i].To, RecordJson.Serialize(l.Links[i].SharedActors), RecordJson.Serialize(l.Links[i].SharedTerms), l.Links[i].Score);
        }
        foreach (var (p, seq) in corpus.Positions.Select((p, i) => (p, i)))
        {
            await Insert(connection, transaction, cancellationToken,
                "INSERT INTO positions (seq, issue, actor, stance, date, condition) VALUES ($1, $2, $3, $4, $5, $6);",
                seq, p.Issue, p.Actor, p.Stance.ToString(), p.Date, p.Condition);
            for (var i = 0; i < p.Evidence.Length; i++)
            {
                var e = p.Evidence[i];
                await Insert(connection, transaction, cancellationToken,
                    """INSERT INTO position_evidence (position_seq, seq, document_id, start, "end", outlet, text) VALUES ($1, $2, $3, $4, $5, $6, $7);""",
                    seq, i, e.Document, e.Start, e.End, e.Outlet, e.Text);
            }
        }
    }

    public static async Task<Corpus> ReadAsync(SqliteConnection connection, ImmutableArray<Document> documents, CancellationToken cancellationToken)
    {
        var entities = new List<CanonicalEntity>();
        await foreach (var r in Query(connection,
            "SELECT id, name, type, country, wikidata, aliases, roles FROM entities ORDER BY seq;", null, cancellationToken))
        {
            entities.Add(new CanonicalEntity(r.GetString(0), r.GetString(1), r.GetString(2),
                RecordJson.Deserialize<ImmutableArray<string>>(r.GetString(5)), NullableString(r, 3), NullableString(r, 4),
                RecordJson.Deserialize<ImmutableArray<Role>>(r.GetString(6))));
        }

        var storyDocuments = await ChildrenAsync(connection,
            "SELECT story_seq, document_id FROM story_documents ORDER BY story_seq, seq;", r => r.GetString(1), cancellationToken);
        var stories = new List<Story>();
        await foreach (var r in Query(connection,
            "SELECT seq, id, title, date, summary, storyline FROM stories ORDER BY seq;", null, cancellationToken))
        {
            stories.Add(new Story(r.GetString(1), r.GetString(2), NullableString(r, 3), Children(storyDocuments, r.GetInt64(0)),
                r.GetString(4), NullableString(r, 5)));
        }

        var members = await ChildrenAsync(connection,
            """SELECT alignment_seq, document_id, start, "end" FROM alignment_members ORDER BY alignment_seq, seq;""",
            r => new DocSpan(r.GetString(1), r.GetInt32(2), r.GetInt32(3)), cancellationToken);
        var alignments = new List<Alignment>();
        await foreach (var r in Query(connection,
            "SELECT seq, story, kind, text, speaker, channel, first_outlet FROM alignments ORDER BY seq;", null, cancellationToken))
        {
            alignments.Add(new Alignment(r.GetString(1), Enum.Parse<AlignmentKind>(r.GetString(2)), r.GetString(3),
                Children(members, r.GetInt64(0)), NullableString(r, 4), NullableString(r, 5), NullableString(r, 6)));
        }

        var discrepancies = new List<Discrepancy>();
        await foreach (var r in Query(connection,
            """SELECT story, document_id, kind, text, start, "end", explanation FROM discrepancies ORDER BY seq;""", null, cancellationToken))
        {
            discrepancies.Add(new Discrepancy(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4),
                r.GetInt32(5), r.GetString(6)));
        }

        var evidence = await ChildrenAsync(connection,
            """SELECT position_seq, document_id, start, "end", outlet, text FROM position_evidence ORDER BY position_seq, seq;""",
            r => new Evidence(r.GetString(1), r.GetInt32(2), r.GetInt32(3), NullableString(r, 4), NullableString(r, 5)), cancellationToken);
        var positions = new List<Position>();
        await foreach (var r in Query(connection,
            "SELECT seq, issue, actor, stance, date, condition FROM positions ORDER BY seq;", null, cancellationToken))
        {
            positions.Add(new Position(r.GetString(1), r.GetString(2), Enum.Parse<Stance>(r.GetString(3)), NullableString(r, 4),
                Children(evidence, r.GetInt64(0)), NullableString(r, 5)));
        }

        var duplicateLinks = await ChildrenAsync(connection,
            "SELECT duplicate_seq, document_id, estimated_jaccard, exact_jaccard, passages FROM duplicate_links ORDER BY duplicate_seq, seq;",
            r => new DuplicateLink(r.GetString(1), r.GetDouble(2), r.GetDouble(3), RecordJson.Deserialize<ImmutableArray<DocSpan>>(r.GetString(4))),
            cancellationToken);
        var duplicates = new List<DuplicateGroup>();
        await foreach (var r in Query(connection, "SELECT seq, representative, documents FROM duplicates ORDER BY seq;", null, cancellationToken))
            duplicates.Add(new DuplicateGroup(r.GetString(1), RecordJson.Deserialize<ImmutableArray<string>>(r.GetString(2)), Children(duplicateLinks, r.GetInt64(0))));

        var storylineLinks = await ChildrenAsync(connection,
            "SELECT storyline_seq, from_story, to_story, shared_actors, shared_terms, score FROM storyline_links ORDER BY storyline_seq, seq;",
            r => new StorylineLink(r.GetString(1), r.GetString(2), RecordJson.Deserialize<ImmutableArray<string>>(r.GetString(3)),
                RecordJson.Deserialize<ImmutableArray<string>>(r.GetString(4)), r.GetDouble(5)), cancellationToken);
        var storylines = new List<Storyline>();
        await foreach (var r in Query(connection, "SELECT seq, id, title, stories FROM storylines ORDER BY seq;", null, cancellationToken))
            storylines.Add(new Storyline(r.GetString(1), r.GetString(2), RecordJson.Deserialize<ImmutableArray<string>>(r.GetString(3)),
                Children(storylineLinks, r.GetInt64(0))));

        return new Corpus
        {
            Duplicates = [.. duplicates],
            Storylines = [.. storylines],
            Documents = documents,
            Entities = [.. entities],
            Stories = [.. stories],
            Alignments = [.. alignments],
            Discrepancies = [.. discrepancies],
            Positions = [.. positions],
        };
    }

    private static async Task<Dictionary<long, List<T>>> ChildrenAsync<T>(SqliteConnection connection, string sql,
        Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        var map = new Dictionary<long, List<T>>();
        await foreach (var r in Query(connection, sql, null, cancellationToken))
        {
            var parent = r.GetInt64(0);
            if (!map.TryGetValue(parent, out var list)) map[parent] = list = [];
            list.Add(read(r));
        }
        return map;
    }

    private static ImmutableArray<T> Children<T>(Dictionary<long, List<T>> map, long parent) =>
        map.TryGetValue(parent, out var list) ? [.. list] : [];

    private static async Task Insert(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken,
        string sql, params object?[] values)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++) command.Parameters.AddWithValue($"${i + 1}", values[i] ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
