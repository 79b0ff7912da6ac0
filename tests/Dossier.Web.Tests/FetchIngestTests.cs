using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Dossier.Ingest.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Web.Tests;

/// <summary>A news site on a loopback port: two articles and an RSS feed linking to them.</summary>
public sealed class LocalSite : IAsyncLifetime
{
    private WebApplication? _app;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/news/ferry.html", () => Html("Ferry crews accept new rota",
            "Ferry crews on the island routes accepted a new rota on Tuesday, ending a month of cancelled crossings."));
        _app.MapGet("/news/bridge.html", () => Html("Bridge repairs finish early",
            "Repairs to the old harbour bridge finished two weeks early, the city engineer said on Monday."));
        _app.MapGet("/feed.xml", (HttpContext context) => Results.Text($"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Island Courier</title><link>{BaseUrl}/</link>
            <item><title>Ferry crews accept new rota</title><link>{BaseUrl}/news/ferry.html</link><pubDate>Tue, 01 Apr 2025 08:00:00 GMT</pubDate></item>
            <item><title>Bridge repairs finish early</title><link>{BaseUrl}/news/bridge.html</link><pubDate>Mon, 31 Mar 2025 08:00:00 GMT</pubDate></item>
            </channel></rss>
            """, "application/rss+xml", Encoding.UTF8));
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    private static IResult Html(string title, string body) => Results.Content(
        $"<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>",
        "text/html; charset=utf-8");

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

/// <summary>URL and feed ingestion go through SafeFetcher: a loopback site is refused unless the server allows private addresses.</summary>
public sealed class FetchIngestTests(DossierWebFactory web, LocalSite site) : IClassFixture<DossierWebFactory>, IClassFixture<LocalSite>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private WebApplicationFactory<Program> Start(bool allowPrivate) =>
        web.With(("Fetch:AllowPrivate", allowPrivate ? "true" : "false"), ("Fetch:PolitenessDelay", "00:00:00"));

    [Fact]
    public async Task A_url_on_this_machine_is_refused_by_default_and_nothing_is_stored()
    {
        await using var app = Start(allowPrivate: false);
        using var client = app.CreateClient();
        var response = await client.PostAsync("/api/documents", Json($$"""{"url": "{{site.BaseUrl}}/news/ferry.html"}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Empty(answer["documents"]!.AsArray());
        var diagnostic = answer["diagnostics"]!.AsArray().Single()!;
        Assert.Equal("D030", (string?)diagnostic["code"]);
        Assert.Contains("loopback", (string?)diagnostic["message"]);

        var feed = await client.PostAsync("/api/documents", Json($$"""{"feed": "{{site.BaseUrl}}/feed.xml"}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, feed.StatusCode);
        Assert.DoesNotContain("Ferry crews", await client.GetStringAsync("/search?q=ferry+crews+rota"));
    }

    [Fact]
    public async Task The_ingest_form_reports_a_refused_url_on_the_job_page()
    {
        await using var app = Start(allowPrivate: false);
        using var browser = DossierWebFactory.Browser(app);
        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync("/ingest"));
        Assert.Contains("refused", page.QuerySelector("form.ingest")!.TextContent);
        var token = page.QuerySelector("form.ingest input[type=hidden]")!;
        var form = new MultipartFormDataContent
        {
            { new StringContent(token.GetAttribute("value")!), token.GetAttribute("name")! },
            { new StringContent($"{site.BaseUrl}/news/bridge.html"), "urls" },
        };
        var job = await IngestAndSecurityTests.FinishedJob(browser, await browser.PostAsync("/ingest", form));
        Assert.Equal("Added 0 documents", job.QuerySelector("h1")!.TextContent);
        Assert.Contains("D030", job.QuerySelector("ul.diagnostics li.error")!.TextContent);
    }

    [Fact]
    public async Task With_private_addresses_allowed_urls_and_feeds_are_fetched()
    {
        await using var app = Start(allowPrivate: true);
        using var client = app.CreateClient();
        var response = await client.PostAsync("/api/documents", Json($$"""[{"url": "{{site.BaseUrl}}/news/ferry.html"}]"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["documents"]![0];
        var stored = JsonNode.Parse(await client.GetStringAsync($"/api/documents/{id}"))!;
        Assert.Equal($"{site.BaseUrl}/news/ferry.html", (string?)stored["url"]);

        var feed = await client.PostAsync("/api/documents", Json($$"""{"feed": "{{site.BaseUrl}}/feed.xml"}"""));
        Assert.Equal(HttpStatusCode.Created, feed.StatusCode);
        // The feed's two items are followed to their pages; the ferry page was stored already, under the same id.
        var ids = JsonNode.Parse(await feed.Content.ReadAsStringAsync())!["documents"]!.AsArray().Select(n => (string?)n).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Contains(id, ids);
        Assert.Contains("Bridge repairs", await client.GetStringAsync("/search?q=harbour+bridge+engineer"));
    }

    [Theory]
    [InlineData("{\"feed\": \"/etc/passwd\"}")]
    [InlineData("{\"feed\": \"file:///etc/passwd\"}")]
    [InlineData("{\"url\": \"ftp://example.org/a.html\"}")]
    [InlineData("[{\"feed\": \"https://a.example/1.xml\"}, {\"feed\": \"https://a.example/2.xml\"}]")]
    public async Task Addresses_that_are_not_web_urls_are_refused_before_anything_is_read(string body)
    {
        var response = await web.Client.PostAsync("/api/documents", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]));
    }
}
