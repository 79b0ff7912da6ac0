using Dossier.Core.Model;
using Dossier.Core.Text;
using Dossier.Fixtures;
using Dossier.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dossier.Web.Tests;

/// <summary>
/// The stand-alone host (src/Dossier.Web.Host, the same DossierWeb.Build as <c>dossier serve</c>) on a test server,
/// configured as an operator would, through its "Dossier:*" settings, over a database holding the sample corpus
/// (hostile document included). Ingestion is a stand-in for the engine, which the host does not wire: the content
/// becomes the text, the content hash the id, and known ids are skipped.
/// </summary>
public sealed class DossierWebFactory : WebApplicationFactory<Program>
{
    private readonly string? _directory;
    private bool _disposed;

    public DossierWebFactory()
    {
        _directory = Directory.CreateTempSubdirectory("dossier-web-").FullName;
        DbPath = Path.Combine(_directory, "dossier.db");
        // xunit builds a class fixture in its constructor, so the sample database is written synchronously.
        SaveSampleCorpus(DbPath).GetAwaiter().GetResult();
        Client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    /// <summary>The app over a database the caller made (and deletes).</summary>
    internal DossierWebFactory(string dbPath)
    {
        DbPath = dbPath;
        Client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    private static async Task SaveSampleCorpus(string dbPath)
    {
        await using var store = await SqliteDossierStore.OpenAsync(dbPath);
        await store.SaveCorpusAsync(SampleCorpus.Corpus(withHostile: true));
    }

    public string DbPath { get; }

    /// <summary>A plain client: no cookies, redirects answered as they are.</summary>
    public HttpClient Client { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings reach the host's command line (WebApplicationFactory passes host settings as arguments), so the
        // host reads them before it builds, as it reads --Dossier:Db from a real command line.
        builder.UseSetting("Dossier:Db", DbPath);
        // What ships, not the developer exception page.
        builder.UseEnvironment(Environments.Production);
        builder.ConfigureTestServices(services => services.AddSingleton<IngestHandler>(Ingest));
    }

    /// <summary>A second app over the same database with some settings changed ("MaxUploadBytes", "Token", "Fetch:AllowPrivate"…).</summary>
    public WebApplicationFactory<Program> With(params (string Key, string Value)[] settings) => With(null, settings);

    /// <summary>As <see cref="With(ValueTuple{string, string}[])"/>, with another analysis behind ingestion.</summary>
    public WebApplicationFactory<Program> With(IngestHandler? ingest, params (string Key, string Value)[] settings) =>
        WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings) builder.UseSetting($"Dossier:{key}", value);
            if (ingest is not null) builder.ConfigureTestServices(services => services.AddSingleton(ingest));
        });

    /// <summary>A client that keeps cookies and follows redirects, as a browser would (the anti-forgery cookie goes back with the form).</summary>
    public static HttpClient Browser(WebApplicationFactory<Program> factory) => factory.CreateClient();

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

    public override async ValueTask DisposeAsync()
    {
        // xunit disposes a fixture synchronously, which comes back here through Dispose(); once is enough.
        if (_disposed) return;
        _disposed = true;
        Client.Dispose();
        await base.DisposeAsync();
        if (_directory is null) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
