using Dossier.Core.Model;
using Dossier.Core.Text;
using Dossier.Fixtures;
using Dossier.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Dossier.Web.Tests;

/// <summary>
/// The app on an in-memory server over a database holding the sample corpus (hostile document included). Ingestion
/// is a stand-in for the engine: the content becomes the text, the content hash the id, and known ids are skipped.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dossier-web-").FullName;
    public WebApplication App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public string DbPath => Path.Combine(_directory, "dossier.db");

    public async Task InitializeAsync()
    {
        await using (var store = await SqliteDossierStore.OpenAsync(DbPath))
            await store.SaveCorpusAsync(SampleCorpus.Corpus(withHostile: true));
        App = Build(new WebOptions());
        await App.StartAsync();
        Client = App.GetTestClient();
    }

    public WebApplication Build(WebOptions options) => DossierWeb.Build(DbPath, options with
    {
        Ingest = options.Ingest ?? Ingest,
        ConfigureBuilder = builder => builder.WebHost.UseTestServer(),
    });

    private Task<IngestResult> Ingest(IReadOnlyList<RawDocument> inputs, IProgress<IngestProgress> progress, CancellationToken cancellationToken) =>
        IngestInto(DbPath, inputs, progress, cancellationToken);

    internal static async Task<IngestResult> IngestInto(string dbPath, IReadOnlyList<RawDocument> inputs, IProgress<IngestProgress> progress,
        CancellationToken cancellationToken)
    {
        await using var store = await SqliteDossierStore.OpenAsync(dbPath, cancellationToken);
        var ids = new List<string>();
        foreach (var input in inputs)
        {
            progress.Report(new IngestProgress("analyse", ids.Count, inputs.Count));
            var id = ContentHash.Of(input.Content);
            ids.Add(id);
            if (await store.ContainsAsync(id, cancellationToken)) continue;
            // Widen the window in which a second concurrent ingest of the same content could slip in.
            await Task.Delay(50, cancellationToken);
            await store.SaveDocumentsAsync([new Document(id, input.Source, input.Content, new DocumentMetadata
            {
                Title = input.Hints.Title, Outlet = input.Hints.Outlet, Published = input.Hints.Published, Url = input.Hints.Url,
            })], cancellationToken);
        }
        return new IngestResult(ids, []);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
