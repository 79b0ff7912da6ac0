using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Dossier.Core.Model;
using Dossier.Storage.Serialization;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Dossier.Storage.Sqlite;

/// <summary>
/// The default store: one SQLite file in WAL mode (readers never block the writer), foreign keys on, a busy timeout
/// so concurrent processes wait instead of failing, and the schema upgraded in place on open.
/// Each operation uses its own pooled connection, so the store is safe to share between threads.
/// </summary>
public sealed partial class SqliteDossierStore : IDossierStore, IDossierQueries
{
    private const int BusyTimeoutMilliseconds = 30_000;
    private readonly string _connectionString;

    private SqliteDossierStore(string connectionString) => _connectionString = connectionString;

    /// <summary>The path of the database file.</summary>
    public required string Path { get; init; }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and applies pending migrations.</summary>
    /// <exception cref="InvalidOperationException">The file was written by a newer Dossier (its schema version is unknown here).</exception>
    public static Task<SqliteDossierStore> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(path, Migrations.Latest, cancellationToken);

    /// <summary>Opens the database upgraded only up to <paramref name="targetVersion"/> (for migration tests).</summary>
    internal static async Task<SqliteDossierStore> OpenAsync(string path, int targetVersion, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
        var store = new SqliteDossierStore(connectionString) { Path = full };
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        // WAL is a property of the file: set once, it holds for every later connection.
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        await MigrateAsync(connection, targetVersion, cancellationToken);
        return store;
    }

    /// <summary>The schema version of the open database (the number of migration steps applied).</summary>
    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await UserVersionAsync(connection, cancellationToken);
    }

    private static async Task MigrateAsync(SqliteConnection connection, int targetVersion, CancellationToken cancellationToken)
    {
        var current = await UserVersionAsync(connection, cancellationToken);
        if (current > Migrations.Latest)
            throw new InvalidOperationException(
                $"The database schema is version {current}, newer than this Dossier knows ({Migrations.Latest}); upgrade Dossier to open it.");
        foreach (var migration in Migrations.All.Where(m => m.Version > current && m.Version <= targetVersion))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, migration.Sql, cancellationToken, transaction);
            // PRAGMA takes no parameters; the version is an integer from our own list.
            await ExecuteAsync(connection, $"PRAGMA user_version = {migration.Version};", cancellationToken, transaction);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task<int> UserVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;", cancellationToken);
        return connection;
    }

    public async Task<bool> ContainsAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM documents WHERE id = $id;";
        command.Parameters.AddWithValue("$id", documentId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task SaveDocumentsAsync(IReadOnlyList<Document> documents, CancellationToken cancellationToken = default)
    {
        if (documents.Count == 0) return;
        var prepared = documents.Select(StoredDocument.From).ToList();
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        new DocumentWriter(connection, transaction).Write(prepared, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Document>> LoadDocumentsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await DocumentReader.ReadAsync(connection, null, cancellationToken);
    }

    public async Task<Document?> LoadDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var found = await DocumentReader.ReadAsync(connection, [documentId], cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task SaveCorpusAsync(Corpus corpus, CancellationToken cancellationToken = default)
    {
        var prepared = corpus.Documents.Select(StoredDocument.From).ToList();
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        new DocumentWriter(connection, transaction).Write(prepared, cancellationToken);
        await CorpusTables.ReplaceAsync(connection, transaction, corpus, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Corpus> LoadCorpusAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var documents = await DocumentReader.ReadAsync(connection, null, cancellationToken);
        return await CorpusTables.ReadAsync(connection, documents.ToImmutableArray(), cancellationToken);
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default) =>
        SearchAsync(query, SearchFilter.None, limit, cancellationToken);

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken,
        SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static string? FormatDate(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : null;

    internal static LocalDate? ParseDate(string? text) =>
        text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } result ? result.Value : null;

    /// <summary>A document turned into rows once, with a fingerprint of all of them so an unchanged document is skipped.</summary>
    internal sealed record StoredDocument(Document Document, string Authors, string Fingerprint, IReadOnlyList<StoredLayer> Layers)
    {
        public static StoredDocument From(Document document)
        {
            var layers = document.LayerSet.Values
                .OrderBy(l => l.Key.Name, StringComparer.Ordinal)
                .Select(l => new StoredLayer(l.Key.Name, l.Stage, l.StageVersion,
                    l.Items.Select(i => new StoredAnnotation(i.Span.Start, i.Span.End, RecordJson.SerializeAnnotation(i))).ToList()))
                .ToList();
            var authors = RecordJson.Serialize(document.Metadata.Authors);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            void Add(string? value)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(value ?? "\u0000null"));
                hash.AppendData([0xFF]);
            }
            var m = document.Metadata;
            foreach (var field in new[] { document.Source, document.Text, m.Outlet, m.Title, authors, FormatDate(m.Published),
                         m.PublishedInferred ? "1" : "0", m.Language, m.Url, RecordJson.Serialize(document.Removed) })
                Add(field);
            foreach (var layer in layers)
            {
                Add(layer.Name); Add(layer.Stage); Add(layer.StageVersion);
                foreach (var a in layer.Annotations) Add($"{a.Start}:{a.End}:{a.Data}");
            }
            return new StoredDocument(document, authors, Convert.ToHexStringLower(hash.GetHashAndReset()), layers);
        }
    }

    internal sealed record StoredLayer(string Name, string Stage, string StageVersion, IReadOnlyList<StoredAnnotation> Annotations);

    internal sealed record StoredAnnotation(int Start, int End, string Data);
}
