using System.Collections.Immutable;
using Dossier.Core.Model;
using Dossier.Fixtures;
using Dossier.Storage.Serialization;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests.Sqlite;

public sealed class SqliteDossierStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    public static TheoryData<string> LayerNames => [.. Layers.All.Select(k => k.Name)];

    [Theory]
    [MemberData(nameof(LayerNames))]
    public async Task Every_layer_round_trips_with_equal_records_and_provenance(string layerName)
    {
        var key = Layers.ByName(layerName)!;
        var original = SampleCorpus.Gazette();
        var expected = original.LayerSet[layerName];
        Assert.NotEmpty(expected.Items);

        await using (var store = await SqliteDossierStore.OpenAsync(_db.Path))
            await store.SaveDocumentsAsync([original]);
        await using var reopened = await SqliteDossierStore.OpenAsync(_db.Path);
        var loaded = Assert.Single(await reopened.LoadDocumentsAsync());

        var actual = loaded.LayerSet[layerName];
        Assert.Equal(expected.Stage, actual.Stage);
        Assert.Equal(expected.StageVersion, actual.StageVersion);
        Assert.Equal(key, actual.Key);
        Assert.Equal(expected.Items.Cast<object>(), actual.Items.Cast<object>());
        // The boxed array must have the key's element type, or doc.Layer(key) could not unbox it.
        Assert.IsType(typeof(ImmutableArray<>).MakeGenericType(key.ElementType), actual.Items);
    }

    [Fact]
    public async Task Text_metadata_removed_text_and_empty_layers_round_trip()
    {
        var wire = SampleCorpus.Wire();
        var gazette = SampleCorpus.Gazette();
        await using var store = await SqliteDossierStore.OpenAsync(_db.Path);
        await store.SaveDocumentsAsync([gazette, wire]);

        var loaded = await store.LoadDocumentsAsync();
        Assert.Equal([gazette.Id, wire.Id], loaded.Select(d => d.Id));
        foreach (var (expected, actual) in new[] { gazette, wire }.Zip(loaded))
        {
            Assert.Equal(expected.Text, actual.Text);
            Assert.Equal(expected.Source, actual.Source);
            Assert.Equal(expected.Metadata with { Authors = [] }, actual.Metadata with { Authors = [] });
            Assert.Equal(expected.Metadata.Authors.ToArray(), actual.Metadata.Authors.ToArray());
            Assert.Equal(expected.Removed.ToArray(), actual.Removed.ToArray());
            Assert.Equal(expected.LayerSet.Keys.Order(), actual.LayerSet.Keys.Order());
        }
        var reloadedWire = loaded[1];
        Assert.True(reloadedWire.Has(Layers.Events));
        Assert.Empty(reloadedWire.Layer(Layers.Events));
        Assert.False(reloadedWire.Has(Layers.Stances));
        Assert.True(reloadedWire.Metadata.PublishedInferred);
        Assert.Equal("Maria Jansen", reloadedWire.Layer(Layers.Quotes)[0].Speaker!.Name);
    }

    [Fact]
    public async Task Saving_again_is_idempotent_and_a_changed_layer_replaces_the_old_one()
    {
        var gazette = SampleCorpus.Gazette();
        await using var store = await SqliteDossierStore.OpenAsync(_db.Path);
        await store.SaveDocumentsAsync([gazette]);
        var before = await CountsAsync();
        await store.SaveDocumentsAsync([gazette]);
        await store.SaveDocumentsAsync([gazette, gazette]);
        Assert.Equal(before, await CountsAsync());

        var fewer = gazette.With(Layers.Entities, gazette.Layer(Layers.Entities).Take(2), "actors", "0.4");
        await store.SaveDocumentsAsync([fewer]);
        var loaded = Assert.Single(await store.LoadDocumentsAsync());
        Assert.Equal(2, loaded.Layer(Layers.Entities).Length);
        Assert.Equal("0.4", loaded.LayerSet["entities"].StageVersion);
        Assert.Equal(before.Annotations - 3, (await CountsAsync()).Annotations);
    }

    [Fact]
    public async Task Every_annotation_row_keeps_its_provenance()
    {
        var gazette = SampleCorpus.Gazette();
        await using var store = await SqliteDossierStore.OpenAsync(_db.Path);
        await store.SaveDocumentsAsync([gazette]);

        await using var connection = new SqliteConnection($"Data Source={_db.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT document_id, start, "end", stage, stage_version, data FROM annotations WHERE layer = 'quotes' ORDER BY seq LIMIT 1;""";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var quote = gazette.Layer(Layers.Quotes)[0];
        Assert.Equal(gazette.Id, reader.GetString(0));
        Assert.Equal(quote.Span.Start, reader.GetInt32(1));
        Assert.Equal(quote.Span.End, reader.GetInt32(2));
        Assert.Equal("quotes", reader.GetString(3));
        Assert.Equal("1.0", reader.GetString(4));
        Assert.Contains("\"speaker\":{\"name\":\"Maria Jansen\"", reader.GetString(5));
    }

    [Fact]
    public async Task Contains_tells_stored_ids_apart()
    {
        await using var store = await SqliteDossierStore.OpenAsync(_db.Path);
        await store.SaveDocumentsAsync([SampleCorpus.Wire()]);
        Assert.True(await store.ContainsAsync(SampleCorpus.Wire().Id));
        Assert.False(await store.ContainsAsync(SampleCorpus.Gazette().Id));
        Assert.Null(await store.LoadDocumentAsync("nope"));
        Assert.Equal(SampleCorpus.Wire().Text, (await store.LoadDocumentAsync(SampleCorpus.Wire().Id))!.Text);
    }

    [Fact]
    public async Task A_batch_that_fails_half_way_leaves_nothing_behind()
    {
        await using var store = await SqliteDossierStore.OpenAsync(_db.Path);
        var wire = SampleCorpus.Wire();
        var poisoned = SampleCorpus.Gazette() with { Id = "poisoned" };
        // A trigger that aborts on the second document of the batch, after the first was written.
        await using (var connection = new SqliteConnection($"Data Source={_db.Path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER poison BEFORE INSERT ON documents WHEN new.id = 'poisoned' BEGIN SELECT RAISE(ABORT, 'poisoned'); END;";
            await command.ExecuteNonQueryAsync();
        }
        await Assert.ThrowsAsync<SqliteException>(() => store.SaveDocumentsAsync([wire, poisoned]));
        Assert.False(await store.ContainsAsync(wire.Id));
        Assert.Equal((0L, 0L), await CountsAsync());
    }

    [Fact]
    public async Task Corpus_results_round_trip_and_are_replaced_on_save()
    {
        var corpus = SampleCorpus.Corpus();
        await using var store = await SqliteDossierStore.OpenAsync(_db.Path);
        await store.SaveCorpusAsync(corpus);
        await store.SaveCorpusAsync(corpus);
        var loaded = await store.LoadCorpusAsync();

        Assert.Equal(corpus.Documents.Select(d => d.Id), loaded.Documents.Select(d => d.Id));
        Assert.Equal(RecordJson.Serialize(corpus.Entities), RecordJson.Serialize(loaded.Entities));
        Assert.Equal(RecordJson.Serialize(corpus.Stories), RecordJson.Serialize(loaded.Stories));
        Assert.Equal(RecordJson.Serialize(corpus.Alignments), RecordJson.Serialize(loaded.Alignments));
        Assert.Equal(RecordJson.Serialize(corpus.Discrepancies), RecordJson.Serialize(loaded.Discrepancies));
        Assert.Equal(RecordJson.Serialize(corpus.Positions), RecordJson.Serialize(loaded.Positions));

        var smaller = corpus with { Stories = [], Positions = [corpus.Positions[0]] };
        await store.SaveCorpusAsync(smaller);
        var reloaded = await store.LoadCorpusAsync();
        Assert.Empty(reloaded.Stories);
        Assert.Single(reloaded.Positions);
        Assert.Equal(2, reloaded.Positions[0].Evidence.Length);
    }

    [Fact]
    public async Task Duplicates_storylines_and_coverage_are_stored_and_queryable()
    {
        var sample = SampleCorpus.Corpus();
        var (gazette, wire) = (sample.Documents[0].Id, sample.Documents[1].Id);
        var corpus = sample with
        {
            Duplicates = [new DuplicateGroup(gazette, [gazette, wire], [new DuplicateLink(wire, 0.62, 0.6, [new DocSpan(wire, 0, 12)])])],
            Storylines = [new Storyline("storyline-1", "Rotterdam port labour dispute", ["s-earlier", sample.Stories[0].Id],
                [new StorylineLink("s-earlier", sample.Stories[0].Id, ["maria-jansen", "NLD"], ["strike", "port"], 0.41)])],
        };
        await using var store = await SqliteDossierStore.OpenAsync(_db.Path);
        await store.SaveCorpusAsync(corpus);
        var loaded = await store.LoadCorpusAsync();
        Assert.Equal(RecordJson.Serialize(corpus.Duplicates), RecordJson.Serialize(loaded.Duplicates));
        Assert.Equal(RecordJson.Serialize(corpus.Storylines), RecordJson.Serialize(loaded.Storylines));

        await using var connection = new SqliteConnection($"Data Source={_db.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, outlet, state FROM coverage ORDER BY alignment_seq, state, outlet;";
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add($"{reader.GetString(0)}/{reader.GetString(1)}/{reader.GetString(2)}");
        // The quote is carried by both outlets, the claim by the Gazette alone; the omission names no alignment's text.
        Assert.Equal(["Quote/Harbour Gazette/reports", "Quote/Nordic Wire/reports", "Claim/Harbour Gazette/reports"], rows);
    }

    [Fact]
    public async Task A_new_database_gets_every_migration_and_WAL()
    {
        await using var store = await SqliteDossierStore.OpenAsync(_db.Path);
        Assert.Equal(Migrations.Latest, await store.SchemaVersionAsync());
        await using var connection = new SqliteConnection($"Data Source={_db.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Opening_an_older_database_upgrades_it_and_indexes_existing_documents()
    {
        await using (var old = await SqliteDossierStore.OpenAsync(_db.Path, targetVersion: 1, CancellationToken.None))
        {
            await old.SaveDocumentsAsync([SampleCorpus.Gazette()]);
            Assert.Equal(1, await old.SchemaVersionAsync());
        }
        await using var store = await SqliteDossierStore.OpenAsync(_db.Path);
        Assert.Equal(Migrations.Latest, await store.SchemaVersionAsync());
        Assert.Equal(SampleCorpus.Gazette().Id, Assert.Single(await store.SearchAsync("compromise", 10)).DocumentId);
        Assert.Single(await store.LoadDocumentsAsync());
        // Quotes and events stored before the by-actor table existed are found by actor.
        Assert.Equal("Maria Jansen", Assert.Single(await store.FindQuotesAsync(null, "maria-jansen", 10)).Quote.Speaker!.Name);
        Assert.Equal("CONSULT", Assert.Single(await store.FindEventsAsync("NLD", 10)).Event.Type);
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_with_a_clear_message()
    {
        await using (var connection = new SqliteConnection($"Data Source={_db.Path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {Migrations.Latest + 5};";
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteDossierStore.OpenAsync(_db.Path));
        Assert.Contains("newer", error.Message);
    }

    [Fact]
    public async Task Search_finds_words_in_text_and_title_with_highlighted_snippets()
    {
        await using var store = await SqliteDossierStore.OpenAsync(_db.Path);
        await store.SaveDocumentsAsync([SampleCorpus.Gazette(), SampleCorpus.Wire()]);

        var hit = Assert.Single(await store.SearchAsync("fair compromise", 10));
        Assert.Equal(SampleCorpus.Gazette().Id, hit.DocumentId);
        Assert.Equal("Harbour Gazette", hit.Outlet);
        Assert.Equal("2025-03-04", hit.Published);
        Assert.Contains(hit.SnippetParts(), p => p.Highlighted && p.Text == "compromise");
        Assert.DoesNotContain(SearchHit.MarkStart, hit.PlainSnippet);

        // Both mention the agreement; only the wire has "dockers" in its title, which weighs more.
        Assert.Equal(2, (await store.SearchAsync("Jansen", 10)).Count);
        Assert.Equal(SampleCorpus.Wire().Id, (await store.SearchAsync("dockers", 10))[0].DocumentId);
        Assert.Empty(await store.SearchAsync("volcano", 10));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("NEAR(")]
    [InlineData("'); DROP TABLE documents; --")]
    [InlineData("title:")]
    [InlineData("AND OR NOT")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\uD800 ^ - + ( ) { } :")]
    [InlineData("Jansen\" OR \"x")]
    public async Task Hostile_query_strings_never_break_the_search(string query)
    {
        await using var store = await SqliteDossierStore.OpenAsync(_db.Path);
        await store.SaveDocumentsAsync([SampleCorpus.Gazette(), SampleCorpus.Wire()]);

        var hits = await store.SearchAsync(query, 10);
        Assert.True(hits.Count <= 2);
        Assert.Equal(2, (await store.LoadDocumentsAsync()).Count);
        Assert.Equal(2, (await store.SearchAsync("Jansen", 10)).Count);
    }

    [Fact]
    public async Task Operators_in_user_input_are_plain_words()
    {
        await using var store = await SqliteDossierStore.OpenAsync(_db.Path);
        await store.SaveDocumentsAsync([SampleCorpus.Gazette(), SampleCorpus.Wire()]);
        // As FTS5 syntax "Jansen OR volcano" would match both documents; as words it matches neither.
        Assert.Empty(await store.SearchAsync("Jansen OR volcano", 10));
        Assert.Equal(2, (await store.SearchAsync("JANSEN*", 10)).Count);
    }

    [Fact]
    public async Task Junk_text_and_odd_values_are_stored_without_failing()
    {
        var junk = new Document("junk", "bin.dat", "\u0000\u0001\uFFFE binary \u00A0 junk", new DocumentMetadata())
            .With(Layers.Events, [new EventMention(new TextSpan(0, 1), "X", "y", new ActorRef("a", "A"), null, null, null, double.NaN)], "events", "1");
        var empty = new Document("empty", "empty.txt", "", new DocumentMetadata());
        var huge = new Document("huge", "huge.txt", new string('a', 2_000_000) + " needle", new DocumentMetadata());
        await using var store = await SqliteDossierStore.OpenAsync(_db.Path);
        await store.SaveDocumentsAsync([junk, empty, huge]);

        var loaded = await store.LoadDocumentsAsync();
        Assert.Equal(3, loaded.Count);
        Assert.Equal(junk.Text, loaded[0].Text);
        Assert.True(double.IsNaN(loaded[0].Layer(Layers.Events)[0].Confidence));
        Assert.Equal("", loaded[1].Text);
        Assert.Equal("huge", Assert.Single(await store.SearchAsync("needle", 5)).DocumentId);
    }

    private async Task<(long Documents, long Annotations)> CountsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_db.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM annotations);";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
