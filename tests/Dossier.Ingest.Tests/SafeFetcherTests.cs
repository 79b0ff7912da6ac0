using System.Net;
using Dossier.Core.Diagnostics;
using Dossier.Ingest.Web;
using Dossier.Testing;

namespace Dossier.Ingest.Tests;

/// <summary>The URL guard and fetcher against a real HTTP server on loopback.</summary>
public sealed class SafeFetcherTests : IDisposable
{
    private readonly LoopbackSite _site;
    private readonly string _base;
    private int _requests;

    public SafeFetcherTests()
    {
        _site = new LoopbackSite(Handle);
        _base = _site.Base;
    }

    private static readonly FetchOptions Local = new() { AllowPrivate = true, PolitenessDelay = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task Loopback_is_refused_by_default_without_a_request()
    {
        using var fetcher = new SafeFetcher(new FetchOptions { PolitenessDelay = TimeSpan.Zero });
        var bag = new DiagnosticBag();
        var result = await fetcher.FetchAsync(_base + "article", bag);
        Assert.Null(result);
        Assert.Contains(bag.Items, d => d.Code == Codes.Refused && d.Message.Contains("127.0.0.1"));
        Assert.Equal(0, _requests);
    }

    [Fact]
    public async Task Loopback_is_fetched_with_allow_private()
    {
        using var fetcher = new SafeFetcher(Local);
        var bag = new DiagnosticBag();
        var doc = await fetcher.FetchDocumentAsync(_base + "article", bag);
        Assert.NotNull(doc);
        Assert.Contains("Harbour strike ends", doc.Content);
        Assert.Equal(Dossier.Core.Model.ContentKind.Html, doc.Kind);
        Assert.Empty(bag.Items);
    }

    [Fact]
    public async Task Every_redirect_hop_is_checked_again()
    {
        // The first host is allowed; the redirect target (another loopback address) is not.
        using var fetcher = new SafeFetcher(Local with { }, null, ip => ip.Equals(IPAddress.Parse("127.0.0.2")));
        var bag = new DiagnosticBag();
        var result = await fetcher.FetchAsync(_base + "to-other-host", bag);
        Assert.Null(result);
        Assert.Contains(bag.Items, d => d.Code == Codes.Refused && d.Message.Contains("127.0.0.2"));
    }

    [Fact]
    public async Task Redirects_are_followed_up_to_the_cap_and_loops_stop()
    {
        using var fetcher = new SafeFetcher(Local with { MaxRedirects = 3 });
        var bag = new DiagnosticBag();
        var ok = await fetcher.FetchAsync(_base + "hop/2", bag);
        Assert.NotNull(ok);
        Assert.EndsWith("/article", ok.Url);

        Assert.Null(await fetcher.FetchAsync(_base + "hop/6", bag));
        Assert.Contains(bag.Items, d => d.Code == Codes.Network && d.Message.Contains("more than 3 redirects"));
        Assert.Null(await fetcher.FetchAsync(_base + "loop", bag));
        Assert.Contains(bag.Items, d => d.Code == Codes.Network && d.Message.Contains("redirect loop"));
    }

    [Fact]
    public async Task Size_cap_timeout_and_http_errors_are_diagnostics()
    {
        using var fetcher = new SafeFetcher(Local with { MaxBytes = 100_000, Timeout = TimeSpan.FromMilliseconds(500) });
        var bag = new DiagnosticBag();
        Assert.Null(await fetcher.FetchAsync(_base + "big", bag));
        Assert.Null(await fetcher.FetchAsync(_base + "slow", bag));
        Assert.Null(await fetcher.FetchAsync(_base + "missing", bag));
        Assert.Contains(bag.Items, d => d.Code == Codes.TooLarge);
        Assert.Contains(bag.Items, d => d.Code == Codes.Network && d.Message.Contains("timeout"));
        Assert.Contains(bag.Items, d => d.Code == Codes.Network && d.Message.Contains("HTTP 404"));
    }

    [Fact]
    public async Task Robots_txt_is_respected_and_non_http_schemes_refused()
    {
        using var fetcher = new SafeFetcher(Local);
        var bag = new DiagnosticBag();
        Assert.Null(await fetcher.FetchAsync(_base + "private/notes", bag));
        Assert.Contains(bag.Items, d => d.Code == Codes.Refused && d.Message.Contains("robots.txt"));
        Assert.Null(await fetcher.FetchAsync("file:///etc/passwd", bag));
        Assert.Null(await fetcher.FetchAsync("ftp://example.org/x", bag));
        Assert.Equal(3, bag.Items.Count(d => d.Code == Codes.Refused));
    }

    [Fact]
    public async Task Conditional_get_returns_not_modified()
    {
        using var fetcher = new SafeFetcher(Local);
        var bag = new DiagnosticBag();
        var first = await fetcher.FetchAsync(_base + "article", bag);
        Assert.NotNull(first?.ETag);
        var second = await fetcher.FetchAsync(_base + "article", bag, etag: first!.ETag);
        Assert.True(second!.NotModified);
    }

    [Fact]
    public async Task Validators_kept_across_runs_make_the_next_fetch_conditional()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("fetch.json");
        using (var fetcher = new SafeFetcher(Local))
        {
            var cache = FetchCache.Load(path, new DiagnosticBag());
            Assert.NotNull(await fetcher.FetchDocumentAsync(_base + "article", new DiagnosticBag(), cache: cache));
            cache.Save(new DiagnosticBag());
        }
        using (var fetcher = new SafeFetcher(Local))
        {
            var bag = new DiagnosticBag();
            var again = await fetcher.FetchDocumentAsync(_base + "article", bag, cache: FetchCache.Load(path, bag));
            Assert.Null(again);
            var note = Assert.Single(bag.Items);
            Assert.Equal(Severity.Info, note.Severity);
            Assert.Contains("304", note.Message);
        }
    }

    [Fact]
    public void A_corrupt_fetch_cache_is_an_empty_one()
    {
        using var dir = new TempDirectory();
        var bag = new DiagnosticBag();
        var cache = FetchCache.Load(dir.File("fetch.json", "{not json"), bag);
        Assert.Null(cache.Get(_base + "article"));
        Assert.Contains(bag.Items, d => d.Severity == Severity.Warning);
    }

    [Fact]
    public async Task Requests_to_one_host_wait_the_politeness_delay_other_hosts_do_not()
    {
        var time = new RecordingTime();
        using var fetcher = new SafeFetcher(Local with { PolitenessDelay = TimeSpan.FromSeconds(2), RespectRobotsTxt = false }, time);
        await fetcher.FetchAsync(_base + "article", new DiagnosticBag());
        Assert.Empty(time.Waits);
        await fetcher.FetchAsync(_base + "article", new DiagnosticBag());
        Assert.Equal([TimeSpan.FromSeconds(2)], time.Waits);
        // Another host name (the same server) has its own clock: no wait.
        await fetcher.FetchAsync(_base.Replace("127.0.0.1", "localhost") + "article", new DiagnosticBag());
        Assert.Equal([TimeSpan.FromSeconds(2)], time.Waits);
    }

    /// <summary>A clock that stands still except when something waits on it: each wait is recorded, then passes at once.</summary>
    private sealed class RecordingTime : TimeProvider
    {
        private DateTimeOffset _now = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);
        public List<TimeSpan> Waits { get; } = [];

        public override DateTimeOffset GetUtcNow()
        {
            lock (Waits) return _now;
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (Waits)
            {
                Waits.Add(dueTime);
                _now += dueTime;
            }
            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new Fired();
        }

        private sealed class Fired : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;
            public void Dispose() { }
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Feed_items_are_followed_to_their_pages_with_the_feed_content_as_fallback()
    {
        using var fetcher = new SafeFetcher(Local);
        var bag = new DiagnosticBag();
        var docs = await Dossier.Ingest.Feeds.FeedIngestor.ReadAsync(_base + "feed.xml", fetcher, bag);
        Assert.Equal(2, docs.Count);
        Assert.Contains("Harbour strike ends", docs[0].Content);
        Assert.Equal("Strike ends", docs[0].Hints.Title);
        Assert.Equal("Dock Daily", docs[0].Hints.Outlet);
        Assert.Contains("Text carried in the feed itself.", docs[1].Content);
        Assert.Contains(bag.Items, d => d.Code == Codes.Network && d.Message.Contains("404"));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("8.8.8.8", false)]
    [InlineData("2606:4700::1111", false)]
    public void Private_ranges_are_recognised(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, AddressGuard.IsPrivate(IPAddress.Parse(address)));

    [Fact]
    public void Robots_rules_pick_the_longest_match()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /private\nAllow: /private/open\nDisallow: /*.pdf$\n\nUser-agent: otherbot\nDisallow: /\n", "Dossier/1.0");
        Assert.False(robots.Allows("/private/notes"));
        Assert.True(robots.Allows("/private/open/page"));
        Assert.False(robots.Allows("/files/report.pdf"));
        Assert.True(robots.Allows("/files/report.pdf?x=1"));
        Assert.True(robots.Allows("/news"));
    }

    private async Task Handle(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var response = context.Response;
        if (path != "/robots.txt") Interlocked.Increment(ref _requests);
        switch (path)
        {
            case "/robots.txt":
                await LoopbackSite.WriteAsync(response, "User-agent: *\nDisallow: /private\n", "text/plain");
                break;
            case "/article":
                if (context.Request.Headers["If-None-Match"] == "\"v1\"")
                {
                    response.StatusCode = 304;
                    response.Close();
                    break;
                }
                response.Headers["ETag"] = "\"v1\"";
                await LoopbackSite.WriteAsync(response, "<html><body><h1>Harbour strike ends</h1><p>Dock workers voted to accept the offer.</p></body></html>", "text/html; charset=utf-8");
                break;
            case "/feed.xml":
                await LoopbackSite.WriteAsync(response, $"""
                    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Dock Daily</title>
                    <item><title>Strike ends</title><link>{_base}article</link></item>
                    <item><title>Gone page</title><link>{_base}missing</link><content:encoded><![CDATA[<p>Text carried in the feed itself.</p>]]></content:encoded></item>
                    </channel></rss>
                    """, "application/rss+xml");
                break;
            case "/to-other-host":
                Redirect(response, _base.Replace("127.0.0.1", "127.0.0.2") + "article");
                break;
            case "/loop":
                Redirect(response, _base + "loop");
                break;
            case "/big":
                await LoopbackSite.WriteAsync(response, new string('x', 300_000), "text/html");
                break;
            case "/slow":
                await Task.Delay(3000);
                await LoopbackSite.WriteAsync(response, "late", "text/html");
                break;
            default:
                if (path.StartsWith("/hop/", StringComparison.Ordinal) && int.TryParse(path[5..], out var n))
                {
                    Redirect(response, n == 0 ? _base + "article" : $"{_base}hop/{n - 1}");
                    break;
                }
                response.StatusCode = 404;
                response.Close();
                break;
        }
    }

    private static void Redirect(HttpListenerResponse response, string location)
    {
        response.StatusCode = 302;
        response.RedirectLocation = location;
        response.Close();
    }

    public void Dispose() => _site.Dispose();
}
