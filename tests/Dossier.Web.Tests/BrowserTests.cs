using Dossier.Fixtures;
using Dossier.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dossier.Web.Tests;

/// <summary>A fact that needs Debian's chromium; skipped, saying how to install it, where it is missing.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium)) Skip = $"{Chromium} not found: apt-get install chromium";
    }
}

/// <summary>The app on a real loopback port (a browser cannot reach an in-memory server) and one headless chromium.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dossier-browser-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.Chromium)) return;
        var db = Path.Combine(_directory, "dossier.db");
        await using (var store = await SqliteDossierStore.OpenAsync(db))
            await store.SaveCorpusAsync(SampleCorpus.Corpus(withHostile: true));
        _app = DossierWeb.Build(db, new WebOptions { Port = 0, Ingest = (inputs, progress, ct) => DossierWebFactory.IngestInto(db, inputs, progress, ct) });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserFactAttribute.Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
        if (_app is not null) await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> NewPage()
    {
        var page = await fixture.Browser.NewPageAsync(new() { BaseURL = fixture.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(15_000);
        return page;
    }

    [BrowserFact]
    public async Task A_reader_goes_from_stories_to_a_story_an_entity_and_the_map()
    {
        var page = await NewPage();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Rotterdam dock strike ends" }).ClickAsync();
        Assert.EndsWith("/stories/s-2025-03-04-dock-strike", page.Url);
        Assert.Equal(2, await page.Locator(".sources .source").CountAsync());

        await page.Locator("ol.alignments").GetByRole(AriaRole.Link, new() { Name = "Maria Jansen" }).ClickAsync();
        Assert.EndsWith("/entities/maria-jansen", page.Url);
        Assert.Contains("watch every clause", await page.Locator("main").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Negotiation map" }).First.ClickAsync();
        Assert.EndsWith("/positions", page.Url);
        var cell = page.Locator("table.matrix td.stance-support a");
        var target = (await cell.GetAttributeAsync("href"))!;
        await cell.ClickAsync();
        Assert.EndsWith(target, page.Url);
        Assert.Contains("reached a deal", await page.Locator(target).InnerTextAsync());
    }

    [BrowserFact]
    public async Task A_document_ingested_through_the_form_appears()
    {
        var page = await NewPage();
        await page.GotoAsync("/ingest");
        await page.GetByLabel("Title").FillAsync("Harbour pilots end overtime ban");
        await page.GetByLabel("Outlet").FillAsync("Estuary Times");
        await page.GetByLabel("Article text (plain text or HTML)").FillAsync("Harbour pilots ended their overtime ban on Thursday after talks with the port.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse and add" }).ClickAsync();
        // The job page reloads itself (meta refresh, no script) until the ingest is done.
        Assert.Contains("/ingest/jobs/", page.Url);
        await page.Locator("h1", new() { HasText = "Added 1 documents" }).WaitForAsync();
        await page.Locator("main ul.added a").First.ClickAsync();
        Assert.Equal("Harbour pilots end overtime ban", await page.Locator("article h3").InnerTextAsync());
    }

    [BrowserFact]
    public async Task A_hostile_document_displays_as_text_and_runs_nothing()
    {
        var page = await NewPage();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        var response = await page.GotoAsync($"/documents/{SampleCorpus.Hostile().Id}");
        Assert.Contains("default-src 'none'", (await response!.AllHeadersAsync())["content-security-policy"]);
        await page.Locator("article .text").HoverAsync();
        await page.WaitForTimeoutAsync(300);
        Assert.Empty(dialogs);
        Assert.Equal("<script>alert(1)</script>", await page.Locator("article h3").InnerTextAsync());
        Assert.Contains("<img src=x onerror=alert(1)>", await page.Locator("article .text").InnerTextAsync());
        Assert.Equal(0, await page.Locator("script, img, iframe").CountAsync());
        // Nothing the document carried defined anything in the page.
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.alert === 'function' && document.scripts.length === 0"));
    }

    /// <summary>
    /// Screenshots of the main pages, kept as test artifacts; with DOSSIER_SCREENSHOTS=docs/screenshots they also
    /// refresh the README's pictures.
    /// </summary>
    [BrowserFact]
    public async Task Screenshots_of_the_main_pages()
    {
        var directories = new[] { Path.Combine(AppContext.BaseDirectory, "screenshots"), Environment.GetEnvironmentVariable("DOSSIER_SCREENSHOTS") }
            .OfType<string>().Where(d => d.Length > 0).ToList();
        var page = await NewPage();
        async Task Save(string name)
        {
            var bytes = await page.ScreenshotAsync(new() { FullPage = true });
            Assert.True(bytes.Length > 1000);
            foreach (var directory in directories)
            {
                Directory.CreateDirectory(directory);
                await File.WriteAllBytesAsync(Path.Combine(directory, name + ".png"), bytes);
            }
        }
        foreach (var (name, path) in new[] { ("stories", "/"), ("story", "/stories/s-2025-03-04-dock-strike"), ("entity", "/entities/maria-jansen"),
                     ("positions", "/positions"), ("document", $"/documents/{SampleCorpus.Gazette().Id}"), ("search", "/search?q=agreement"),
                     ("quotes", "/quotes"), ("ingest", "/ingest") })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path}: {response.Status}");
            await Save(name);
        }
        // The ingest job page, once the job is done.
        await page.GetByLabel("Article text (plain text or HTML)").FillAsync("Ferry operators resumed night crossings on Friday after the storm.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse and add" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "Added" }).WaitForAsync();
        await Save("ingest-job");
    }
}
