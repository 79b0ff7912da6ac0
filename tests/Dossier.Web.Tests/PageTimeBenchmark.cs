using System.Globalization;
using Dossier.Web.Benchmarks;
using Xunit.Abstractions;

namespace Dossier.Web.Tests;

/// <summary>Runs only when DOSSIER_WEB_BENCH is set (it builds a database of that many documents).</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("DOSSIER_WEB_BENCH") is null) Skip = "set DOSSIER_WEB_BENCH=100000 to run the page-time benchmark";
    }
}

/// <summary>
/// Page times on a generated database (<see cref="DossierGenerator"/>): 8 concurrent clients ask for story, entity
/// and search pages over loopback for 30 s; p50/p95/p99 per page kind are printed (the same run as
/// <c>dossier bench web</c>). DOSSIER_WEB_BENCH_DB names a database to keep and reuse between runs.
/// </summary>
public sealed class PageTimeBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public async Task Story_entity_and_search_pages_under_eight_clients()
    {
        var count = int.Parse(Environment.GetEnvironmentVariable("DOSSIER_WEB_BENCH")!, CultureInfo.InvariantCulture);
        var kept = Environment.GetEnvironmentVariable("DOSSIER_WEB_BENCH_DB");
        var directory = kept is null ? Directory.CreateTempSubdirectory("dossier-bench-").FullName : null;
        var db = kept ?? Path.Combine(directory!, "dossier.db");
        try
        {
            if (!File.Exists(db))
            {
                var generated = await new DossierGenerator().WriteAsync(db, count);
                output.WriteLine($"generated {generated.Documents} documents, {generated.Stories} stories, {generated.Entities} entities " +
                                 $"in {generated.Elapsed.TotalSeconds:F0} s; {generated.Bytes / (1024 * 1024)} MB");
            }
            var targets = await PageLoad.TargetsAsync(db);
            output.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
            var (alone, loaded) = await PageLoad.MeasureAsync(db, targets, clients: 8, TimeSpan.FromSeconds(30));
            foreach (var t in alone) output.WriteLine("1 client:  " + t);
            foreach (var t in loaded) output.WriteLine("8 clients: " + t);
            Assert.Equal(["story", "entity", "search"], loaded.Select(t => t.Kind));
            Assert.All(alone.Concat(loaded), t => Assert.Equal(0, t.Failures));
            output.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (directory is not null) Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>The benchmark's own parts, on a small database: what it generates and that its load reaches every page kind.</summary>
public sealed class BenchmarkPartsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dossier-bench-parts-").FullName;
    private string Db => Path.Combine(_directory, "dossier.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_generated_dossier_is_skewed_like_news_and_every_page_kind_serves_it()
    {
        var generated = await new DossierGenerator().WriteAsync(Db, 600);
        Assert.Equal(600, generated.Documents);
        await using (var store = await Storage.Sqlite.SqliteDossierStore.OpenAsync(Db))
        {
            var stories = await store.ListStoriesAsync();
            Assert.Equal(generated.Stories, stories.Count);
            Assert.Equal(600, stories.Sum(s => s.Documents));
            // Who is quoted follows a Zipf law: the first person far more often than one in the tail.
            var entities = (await store.LoadDerivedAsync()).Entities;
            var busiest = await store.FindQuotesAsync(null, entities[0].Id, 1000);
            var tail = await store.FindQuotesAsync(null, entities[100].Id, 1000);
            Assert.True(busiest.Count > 5 * Math.Max(1, tail.Count), $"{busiest.Count} vs {tail.Count}");
            Assert.NotEmpty(await store.SearchAsync("ceasefire", 5));
        }

        var targets = await PageLoad.TargetsAsync(Db);
        Assert.NotEmpty(targets.Stories);
        Assert.NotEmpty(targets.Entities);
        Assert.NotEmpty(targets.Searches);
        // How many requests fit in a second depends on the machine; that none fails does not.
        var times = await PageLoad.RunAsync(Db, targets, clients: 2, TimeSpan.FromSeconds(2), TimeSpan.Zero);
        Assert.Equal(["story", "entity", "search"], times.Select(t => t.Kind));
        Assert.True(times.Sum(t => t.Requests) > 0);
        Assert.All(times, t =>
        {
            Assert.True(t.Failures == 0, t.ToString());
            Assert.True(t.P50 <= t.P95 && t.P95 <= t.Max, t.ToString());
        });
    }

    [Fact]
    public async Task A_long_story_shows_its_sources_a_page_at_a_time_with_the_whole_timeline()
    {
        await new DossierGenerator().WriteAsync(Db, 600);
        Storage.StorySummary story;
        await using (var store = await Storage.Sqlite.SqliteDossierStore.OpenAsync(Db))
            story = (await store.ListStoriesAsync()).Where(s => s.Documents > 25).MinBy(s => s.Documents)!;
        await using var app = new DossierWebFactory(Db);
        var client = app.Client;
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        async Task<AngleSharp.Html.Dom.IHtmlDocument> Get(string query) =>
            parser.ParseDocument(await client.GetStringAsync($"/stories/{story.Story.Id}{query}"));
        IEnumerable<string> Sources(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll(".sources .source .meta a").Select(a => a.GetAttribute("href")!);

        var first = await Get("");
        var pages = (story.Documents + 9) / 10;
        Assert.Equal(story.Story.DocumentIds.Take(10).Select(id => $"/documents/{id}"), Sources(first));
        Assert.Contains($"page 1 of {pages}", first.QuerySelector("nav.pager")!.TextContent);
        // The counts, the outlets and the timeline cover every report, not only this page's.
        Assert.Contains($"{story.Documents} documents", first.QuerySelector("article.story p.meta")!.TextContent);
        Assert.Equal(story.Outlets.Order(StringComparer.Ordinal),
            first.QuerySelector("article.story p.meta")!.TextContent.Split(" · ")[1].Split(", ").Order(StringComparer.Ordinal));
        var reports = first.QuerySelectorAll("svg.timeline circle title").Sum(t => int.Parse(t.TextContent.Split(": ")[^1].Split(' ')[0]));
        Assert.Equal(story.Documents, reports);

        var second = await Get("?page=2");
        Assert.Equal(story.Story.DocumentIds.Skip(10).Take(10).Select(id => $"/documents/{id}"), Sources(second));
        var last = await Get("?page=9999");
        Assert.Equal(story.Story.DocumentIds.Skip((pages - 1) * 10).Select(id => $"/documents/{id}"), Sources(last));
        Assert.Equal(Sources(first), Sources(await Get("?page=zero")));
    }
}
