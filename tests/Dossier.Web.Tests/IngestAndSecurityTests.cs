using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dossier.Web.Tests;

public sealed class IngestAndSecurityTests(DossierWebFactory web) : IClassFixture<DossierWebFactory>
{
    private HttpClient Browser() => DossierWebFactory.Browser(web);

    private static async Task<MultipartFormDataContent> Form(HttpClient browser, Action<MultipartFormDataContent> fill)
    {
        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync("/ingest"));
        var token = page.QuerySelector("form.ingest input[type=hidden]")!;
        var form = new MultipartFormDataContent { { new StringContent(token.GetAttribute("value")!), token.GetAttribute("name")! } };
        fill(form);
        return form;
    }

    /// <summary>Follows a job page's self-refresh, as a browser would, until the job is finished.</summary>
    internal static async Task<AngleSharp.Html.Dom.IHtmlDocument> FinishedJob(HttpClient browser, HttpResponseMessage posted)
    {
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var address = posted.RequestMessage!.RequestUri!;
        Assert.StartsWith("/ingest/jobs/", address.AbsolutePath);
        var page = new HtmlParser().ParseDocument(await posted.Content.ReadAsStringAsync());
        for (var i = 0; i < 200 && page.QuerySelector("meta[http-equiv=refresh]") is not null; i++)
        {
            await Task.Delay(50);
            page = new HtmlParser().ParseDocument(await browser.GetStringAsync(address));
        }
        Assert.Null(page.QuerySelector("meta[http-equiv=refresh]"));
        return page;
    }

    [Fact]
    public async Task A_document_ingested_through_the_form_appears_in_the_dossier()
    {
        using var browser = Browser();
        var form = await Form(browser, f =>
        {
            f.Add(new StringContent("Rail unions announce weekend walkout"), "title");
            f.Add(new StringContent("Metro Daily"), "outlet");
            f.Add(new StringContent("2025-05-02"), "published");
            f.Add(new StringContent("Rail unions said on Friday that drivers would walk out on Saturday over rostering."), "text");
        });
        var result = await FinishedJob(browser, await browser.PostAsync("/ingest", form));
        Assert.Equal("Added 1 documents", result.QuerySelector("h1")!.TextContent);
        var link = result.QuerySelector("ul.added a")!.GetAttribute("href")!;
        var document = new HtmlParser().ParseDocument(await browser.GetStringAsync(link));
        Assert.Equal("Rail unions announce weekend walkout", document.QuerySelector("article h3")!.TextContent);
        Assert.Contains("walkout", await browser.GetStringAsync("/search?q=rostering"));
    }

    [Fact]
    public async Task The_job_page_shows_progress_and_refreshes_itself_until_the_ingest_is_done()
    {
        var release = new TaskCompletionSource();
        await using var app = web.With(async (inputs, progress, ct) =>
        {
            progress.Report(new IngestProgress("analyse", 0, inputs.Count));
            await release.Task.WaitAsync(ct);
            return await DossierWebFactory.IngestInto(web.DbPath, inputs, progress, ct);
        });
        using var browser = DossierWebFactory.Browser(app);
        var form = await Form(browser, f => f.Add(new StringContent("Lighthouse keepers return to the outer islands after a decade of automation."), "text"));
        var posted = await browser.PostAsync("/ingest", form);
        var running = new HtmlParser().ParseDocument(await posted.Content.ReadAsStringAsync());
        Assert.Equal("1", running.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Equal("Ingesting…", running.QuerySelector("h1")!.TextContent);
        var bar = running.QuerySelector("progress")!;
        Assert.Equal("1", bar.GetAttribute("max"));
        Assert.Contains("Analysing", running.QuerySelector("p.meta")!.TextContent);

        release.SetResult();
        var done = await FinishedJob(browser, posted);
        Assert.Equal("Added 1 documents", done.QuerySelector("h1")!.TextContent);
        Assert.Null(done.QuerySelector("progress"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/ingest/jobs/0123456789abcdef01234567")).StatusCode);
    }

    [Fact]
    public async Task Uploading_the_same_file_in_parallel_stores_it_once()
    {
        const string content = "Tram drivers in the northern district accepted a revised timetable on Wednesday after a week of talks.";
        var jobs = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var browser = Browser();
            var form = await Form(browser, f => f.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), "files", "tram.txt"));
            return await FinishedJob(browser, await browser.PostAsync("/ingest", form));
        }));
        Assert.All(jobs, page => Assert.Equal("Added 1 documents", page.QuerySelector("h1")!.TextContent));
        Assert.Single(jobs.Select(page => page.QuerySelector("ul.added a")!.GetAttribute("href")).Distinct());
        var hits = new HtmlParser().ParseDocument(await web.Client.GetStringAsync("/search?q=revised+timetable+tram"));
        Assert.Single(hits.QuerySelectorAll("ol.hits li"));
    }

    [Fact]
    public async Task A_form_post_without_the_anti_forgery_token_is_refused()
    {
        var form = new MultipartFormDataContent { { new StringContent("Forged text about anything."), "text" } };
        var response = await web.Client.PostAsync("/ingest", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Binary_and_oversized_uploads_get_clear_errors()
    {
        using var browser = Browser();
        var binary = await Form(browser, f => f.Add(new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0x00]), "files", "archive.zip"));
        var response = await browser.PostAsync("/ingest", binary);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("“archive.zip” is a binary file", await response.Content.ReadAsStringAsync());

        // Text in a legacy encoding is text: decoded, not refused.
        var latin1 = await Form(browser, f => f.Add(new ByteArrayContent([.. "Caf"u8, 0xE9, .. " owners protest new terrace fees."u8]), "files", "cafe.txt"));
        var decoded = await FinishedJob(browser, await browser.PostAsync("/ingest", latin1));
        Assert.Equal("Added 1 documents", decoded.QuerySelector("h1")!.TextContent);

        await using var small = web.With(("MaxUploadBytes", "1024"));
        using var client = DossierWebFactory.Browser(small);
        var big = await Form(client, f => f.Add(new ByteArrayContent(new byte[10_000]), "files", "big.txt"));
        var refused = await client.PostAsync("/ingest", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("limited to 1 KB", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Sent without a length (chunked), the same limit holds once the reader reaches it.
        var chunked = await Form(client, f => f.Add(new StreamContent(new MemoryStream(new byte[10_000])), "files", "big.txt"));
        chunked.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ingest") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var streamed = await client.SendAsync(request);
        Assert.True(streamed.StatusCode == HttpStatusCode.RequestEntityTooLarge, await streamed.Content.ReadAsStringAsync());
        var api = await client.PostAsync("/api/documents", new StringContent($"{{\"text\":\"{new string('x', 5000)}\"}}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        Assert.Contains("limit", (string?)System.Text.Json.Nodes.JsonNode.Parse(await api.Content.ReadAsStringAsync())!["error"]);
    }

    [Fact]
    public async Task Without_an_analysis_wired_ingestion_says_it_is_off_and_stores_nothing()
    {
        // The host on its own has no engine: only the CLI wires one.
        await using var app = web.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.RemoveAll<IngestHandler>()));
        using var client = app.CreateClient();
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/ingest"));
        Assert.Null(page.QuerySelector("form.ingest"));
        Assert.Contains("not enabled", page.QuerySelector("p.empty")!.TextContent);
        var posted = await client.PostAsync("/api/documents", new StringContent("{\"text\":\"Ferry operators cut winter sailings to the outer islands.\"}",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, posted.StatusCode);
        Assert.Empty(new HtmlParser().ParseDocument(await client.GetStringAsync("/search?q=winter+sailings")).QuerySelectorAll("ol.hits li"));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("example.org")]
    public async Task Binding_beyond_loopback_needs_a_token(string bind)
    {
        Assert.Throws<ArgumentException>(() => DossierWeb.Build(web.DbPath, new WebOptions { Bind = bind }));
        // The host, configured as an operator would, refuses to start the same way.
        await using var exposed = web.With(("Bind", bind));
        Assert.Throws<ArgumentException>(() => exposed.CreateClient());
    }

    [Fact]
    public async Task With_a_token_reads_and_writes_need_it()
    {
        await using var app = web.With(("Bind", "0.0.0.0"), ("Token", "s3cret"));
        var plain = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        using var anonymous = app.CreateClient(plain);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/stories")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/documents", new StringContent("{}"))).StatusCode);

        using var wrong = app.CreateClient(plain);
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/")).StatusCode);

        using var bearer = app.CreateClient(plain);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/stories")).StatusCode);

        // ?token= trades the token for a cookie and a redirect to the same page without it.
        var login = await anonymous.GetAsync("/positions?token=s3cret");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/positions", login.Headers.Location!.OriginalString);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(DossierWeb.TokenCookie + "=", StringComparison.Ordinal));
        using var browser = DossierWebFactory.Browser(app);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/positions?token=s3cret")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }
}
