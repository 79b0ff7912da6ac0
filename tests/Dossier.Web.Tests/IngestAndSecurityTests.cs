using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.TestHost;

namespace Dossier.Web.Tests;

public sealed class IngestAndSecurityTests(WebFixture web) : IClassFixture<WebFixture>
{
    /// <summary>A client that keeps cookies, as a browser would, so the anti-forgery cookie goes back with the form.</summary>
    private HttpClient Browser()
    {
        var server = web.App.GetTestServer();
        return new HttpClient(new CookieHandler(server.CreateHandler())) { BaseAddress = server.BaseAddress };
    }

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
        await using var app = web.Build(new WebOptions
        {
            Ingest = async (inputs, progress, ct) =>
            {
                progress.Report(new IngestProgress("analyse", 0, inputs.Count));
                await release.Task.WaitAsync(ct);
                return await WebFixture.IngestInto(web.DbPath, inputs, progress, ct);
            },
        });
        await app.StartAsync();
        var server = app.GetTestServer();
        using var browser = new HttpClient(new CookieHandler(server.CreateHandler())) { BaseAddress = server.BaseAddress };
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
        await app.StopAsync();
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

        await using var small = web.Build(new WebOptions { MaxUploadBytes = 1024 });
        await small.StartAsync();
        var server = small.GetTestServer();
        using var client = new HttpClient(new CookieHandler(server.CreateHandler())) { BaseAddress = server.BaseAddress };
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
        await small.StopAsync();
    }

    [Fact]
    public void Binding_beyond_loopback_needs_a_token()
    {
        Assert.Throws<ArgumentException>(() => web.Build(new WebOptions { Bind = "0.0.0.0" }));
        Assert.Throws<ArgumentException>(() => web.Build(new WebOptions { Bind = "example.org" }));
    }

    [Fact]
    public async Task With_a_token_reads_and_writes_need_it()
    {
        await using var app = web.Build(new WebOptions { Bind = "0.0.0.0", Token = "s3cret" });
        await app.StartAsync();
        var server = app.GetTestServer();
        using var anonymous = server.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/stories")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/documents", new StringContent("{}"))).StatusCode);

        using var wrong = server.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/")).StatusCode);

        using var bearer = server.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/stories")).StatusCode);

        using var browser = new HttpClient(new CookieHandler(server.CreateHandler())) { BaseAddress = server.BaseAddress };
        var login = await browser.GetAsync("/positions?token=s3cret");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        await app.StopAsync();
    }

    /// <summary>Keeps cookies and follows redirects, like a browser.</summary>
    internal sealed class CookieHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly CookieContainer _cookies = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var hops = 0; ; hops++)
            {
                var header = _cookies.GetCookieHeader(request.RequestUri!);
                if (header.Length > 0) request.Headers.Add("Cookie", header);
                var response = await base.SendAsync(request, cancellationToken);
                if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
                    foreach (var cookie in cookies) _cookies.SetCookies(request.RequestUri!, cookie);
                if (hops > 5 || (int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is null) return response;
                request = new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri!, response.Headers.Location));
            }
        }
    }
}
