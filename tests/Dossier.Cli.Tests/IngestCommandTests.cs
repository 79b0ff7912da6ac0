using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Dossier.Testing;

namespace Dossier.Cli.Tests;

/// <summary><c>dossier ingest</c> through the real executable, against a news site served on loopback.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dossier-ingest-").FullName;
    private readonly LoopbackSite _site;
    private readonly string _base;
    private int _pageRequests;
    private int _conditionalRequests;

    public IngestCommandTests()
    {
        _site = new LoopbackSite(HandleAsync);
        _base = _site.Base;
    }

    private const string Page = """
        <html><head><title>Port workers end strike after pay deal | Coastal Courier</title>
        <meta property="og:title" content="Port workers end strike after pay deal">
        <meta property="article:published_time" content="2025-03-14T09:30:00Z"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
        <article><h1>Port workers end strike after pay deal</h1>
        <p>Dock workers at the city's container port voted on Thursday to accept a new pay offer, ending a strike that had
        idled cranes for nine days and left dozens of ships waiting offshore.</p>
        <p>The union said 78 percent of its members backed the deal, which raises wages by 6 percent this year and a further
        4 percent next year. Port managers said loading would resume with the morning shift.</p>
        <p>"This is a fair result for people who keep the port running," the union's regional secretary told reporters outside
        the terminal gates. Shipping companies welcomed the vote but warned that clearing the backlog would take weeks.</p>
        </article><footer>Copyright Coastal Courier. All rights reserved.</footer></body></html>
        """;

    [Fact]
    public async Task Url_on_loopback_is_refused_by_default_and_fetched_with_allow_private()
    {
        var refused = await DossierProcess.RunAsync("ingest", "url", _base + "port-strike", "--out", Path.Combine(_directory, "refused"));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("D030", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _pageRequests);

        var output = Path.Combine(_directory, "allowed");
        var allowed = await DossierProcess.RunAsync("ingest", "url", _base + "port-strike", "--allow-private", "--delay", "0", "--out", output);
        Assert.True(allowed.ExitCode == 0, allowed.Stderr);
        var document = Assert.Single(Documents(output));
        Assert.Equal("Port workers end strike after pay deal", document.GetProperty("title").GetString());
        Assert.Equal("2025-03-14", document.GetProperty("published").GetString());
        Assert.Contains("voted on Thursday to accept a new pay offer", document.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("All rights reserved", document.GetProperty("text").GetString(), StringComparison.Ordinal);

        // A second run asks conditionally (the page's ETag was kept beside the database) and skips the unchanged page.
        var again = await DossierProcess.RunAsync("ingest", "url", _base + "port-strike", "--allow-private", "--delay", "0", "--out", output, "--verbose");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(1, _conditionalRequests);
        Assert.Contains("HTTP 304", again.Stderr, StringComparison.Ordinal);
        Assert.Single(Documents(output));
    }

    [Fact]
    public async Task Feed_items_are_followed_to_their_pages()
    {
        var output = Path.Combine(_directory, "feed");
        var run = await DossierProcess.RunAsync("ingest", "feed", _base + "feed.xml", "--allow-private", "--delay", "0", "--out", output);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var document = Assert.Single(Documents(output));
        // The page's text, not the one-line summary the feed carries.
        Assert.Contains("clearing the backlog would take weeks", document.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warc_pages_are_stored()
    {
        var http = Encoding.UTF8.GetBytes(Page);
        var record = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {http.Length}\r\n\r\n").Concat(http).ToArray();
        var header = $"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://courier.example/port-strike\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {record.Length}\r\n\r\n";
        var warc = Path.Combine(_directory, "crawl.warc.gz");
        await using (var file = File.Create(warc))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write([.. Encoding.ASCII.GetBytes(header), .. record, .. "\r\n\r\n"u8.ToArray()]);
        }

        var output = Path.Combine(_directory, "warc");
        var run = await DossierProcess.RunAsync("ingest", "warc", warc, "--out", output);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var document = Assert.Single(Documents(output));
        Assert.Equal("https://courier.example/port-strike", document.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_file_where_a_url_is_expected_is_a_usage_error()
    {
        var run = await DossierProcess.RunAsync("ingest", "url", "not-a-url.html", "--out", Path.Combine(_directory, "x"));
        Assert.Equal(2, run.ExitCode);
    }

    private static List<JsonElement> Documents(string output)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "dossier.json")));
        return json.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.Clone()).ToList();
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        switch (context.Request.Url!.AbsolutePath)
        {
            case "/port-strike":
                Interlocked.Increment(ref _pageRequests);
                if (context.Request.Headers["If-None-Match"] == "\"strike-1\"")
                {
                    Interlocked.Increment(ref _conditionalRequests);
                    response.StatusCode = 304;
                    response.Close();
                    return;
                }
                response.Headers["ETag"] = "\"strike-1\"";
                await LoopbackSite.WriteAsync(response, Page, "text/html; charset=utf-8");
                return;
            case "/feed.xml":
                await LoopbackSite.WriteAsync(response, $"""
                    <rss version="2.0"><channel><title>Coastal Courier</title>
                    <item><title>Port workers end strike after pay deal</title><link>{_base}port-strike</link>
                    <description>Dock workers accept a pay offer.</description><pubDate>Fri, 14 Mar 2025 09:30:00 GMT</pubDate></item>
                    </channel></rss>
                    """, "application/rss+xml");
                return;
            default:
                response.StatusCode = 404;
                response.Close();
                return;
        }
    }

    public void Dispose()
    {
        _site.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
