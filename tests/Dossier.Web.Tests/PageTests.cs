using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dossier.Fixtures;

namespace Dossier.Web.Tests;

public sealed class PageTests(DossierWebFactory web) : IClassFixture<DossierWebFactory>
{
    private async Task<(HttpResponseMessage Response, IDocument Dom)> GetPage(string path)
    {
        var response = await web.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        return (response, new HtmlParser().ParseDocument(html));
    }

    [Fact]
    public async Task Stories_page_lists_stories_with_outlets_counts_and_a_coverage_chart()
    {
        var (response, dom) = await GetPage("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var link = dom.QuerySelectorAll("table a").Single(a => a.TextContent == "Rotterdam dock strike ends");
        Assert.Equal("/stories/s-2025-03-04-dock-strike", link.GetAttribute("href"));
        Assert.Contains("Harbour Gazette, Nordic Wire", dom.Body!.TextContent);
        Assert.NotNull(dom.QuerySelector("svg.chart rect"));
    }

    [Fact]
    public async Task Every_page_carries_a_strict_policy()
    {
        foreach (var path in new[] { "/", "/positions", "/quotes", "/search?q=x", "/ingest", "/no/such/page", "/api/stories" })
        {
            var response = await web.Client.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", csp);
            Assert.DoesNotContain("script-src", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task Story_page_shows_sources_side_by_side_with_the_shared_quote_and_the_story_map()
    {
        var (response, dom) = await GetPage("/stories/s-2025-03-04-dock-strike");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, dom.QuerySelectorAll(".sources .source").Length);
        Assert.Equal(2, dom.QuerySelectorAll(".sources mark.aligned, .sources .aligned").Count(e => e.TextContent.Contains("protects every job")));
        Assert.NotNull(dom.QuerySelector("svg.chart circle"));
        Assert.NotNull(dom.QuerySelector("table.matrix td.stance-support"));
        Assert.Contains(dom.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/documents/{SampleCorpus.Gazette().Id}");
    }

    [Fact]
    public async Task A_storys_sources_keep_the_storys_order_not_the_order_they_were_stored()
    {
        var directory = Directory.CreateTempSubdirectory("dossier-order-").FullName;
        var db = Path.Combine(directory, "dossier.db");
        try
        {
            var corpus = SampleCorpus.Corpus();
            var story = corpus.Stories.Single();
            Assert.Equal([SampleCorpus.Gazette().Id, SampleCorpus.Wire().Id], story.DocumentIds.AsEnumerable());
            await using (var store = await Storage.Sqlite.SqliteDossierStore.OpenAsync(db))
                await store.SaveCorpusAsync(corpus with { Stories = [story with { DocumentIds = [.. story.DocumentIds.Reverse()] }] });
            await using var app = new DossierWebFactory(db);
            var page = new HtmlParser().ParseDocument(await app.Client.GetStringAsync($"/stories/{story.Id}"));
            Assert.Equal(["Nordic Wire", "Harbour Gazette"], page.QuerySelectorAll(".sources .source h5").Select(h => h.TextContent));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("/stories/nope")]
    [InlineData("/documents/0000")]
    [InlineData("/entities/nobody")]
    [InlineData("/no/such/page")]
    public async Task Unknown_ids_get_a_404_page(string path)
    {
        var (response, dom) = await GetPage(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not found", dom.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Document_page_shows_clean_text_with_toggleable_layers_and_tables()
    {
        var gazette = SampleCorpus.Gazette();
        var (_, dom) = await GetPage($"/documents/{gazette.Id}");
        Assert.Equal(gazette.Text, dom.QuerySelector("article .text")!.TextContent);
        Assert.Equal(3, dom.QuerySelectorAll(".toggles input[type=checkbox]").Length);
        Assert.Contains(dom.QuerySelectorAll(".text a.ent"), a => a.GetAttribute("href") == "/entities/maria-jansen");
        Assert.Contains("AGREE", dom.Body!.TextContent);
        Assert.Equal("https://gazette.example/news/strike-ends", dom.QuerySelector("a[rel~=noopener]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_hostile_document_displays_as_text_and_runs_nothing()
    {
        var (response, dom) = await GetPage($"/documents/{SampleCorpus.Hostile().Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(dom.QuerySelectorAll("script, img, svg, iframe, object, embed"));
        Assert.DoesNotContain(dom.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.All(dom.QuerySelectorAll("a[href]"), a => Assert.Matches("^(/|#|https?://)", a.GetAttribute("href")!));
        Assert.Equal("<script>alert(1)</script> · Dossier", dom.Title);
        Assert.Contains("<img src=x onerror=alert(1)>", dom.QuerySelector("article .text")!.TextContent);
    }

    [Fact]
    public async Task Entity_page_shows_roles_quotes_and_positions_over_time()
    {
        var (response, dom) = await GetPage("/entities/maria-jansen");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = dom.Body!.TextContent;
        Assert.Contains("union leader", text);
        Assert.Contains("watch every clause", text);
        Assert.Equal(3, dom.QuerySelectorAll("ul.hits li q").Length);
        Assert.NotNull(dom.QuerySelector("td.stance-support"));
    }

    [Fact]
    public async Task Positions_page_is_the_matrix_with_evidence_anchors()
    {
        var (_, dom) = await GetPage("/positions");
        var cells = dom.QuerySelectorAll("table.matrix td a");
        Assert.NotEmpty(cells);
        Assert.All(cells, a => Assert.NotNull(dom.GetElementById(a.GetAttribute("href")![1..])));
    }

    [Fact]
    public async Task Quotes_and_search_pages_find_and_filter()
    {
        var (_, quotes) = await GetPage("/quotes?q=protects+every");
        Assert.Equal(2, quotes.QuerySelectorAll("ul.hits li").Length);

        var (_, all) = await GetPage("/search?q=agreement");
        Assert.Equal(2, all.QuerySelectorAll("ol.hits li").Length);
        Assert.NotNull(all.QuerySelector("ol.hits mark"));
        var (_, filtered) = await GetPage("/search?q=agreement&outlet=Nordic+Wire&from=not-a-date");
        Assert.Single(filtered.QuerySelectorAll("ol.hits li"));
        Assert.Equal("Nordic Wire", filtered.QuerySelector("select[name=outlet] option[selected]")!.TextContent);

        // Headlines first: the Gazette's title holds "port authority"; the newer Wire report has it only in its text.
        var (_, ordered) = await GetPage("/search?q=port+authority");
        Assert.Equal(["Dockworkers and port authority agree to end strike", "Dutch dockers to return to work"],
            ordered.QuerySelectorAll("ol.hits li > a").Select(a => a.TextContent));
        var (_, relevance) = await GetPage("/search?q=port+authority&order=relevance");
        Assert.Equal("relevance", relevance.QuerySelector("select[name=order] option[selected]")!.GetAttribute("value"));
        Assert.Equal(2, relevance.QuerySelectorAll("ol.hits li").Length);
    }

    [Theory]
    [InlineData("/search?q=%22")]
    [InlineData("/search?q=NEAR(")]
    [InlineData("/search?q=%27)%3B%20DROP%20TABLE%20documents")]
    [InlineData("/search?q=%00%FF%FE")]
    [InlineData("/search?q=a&q=b&from=2025-13-45&to=%3Cx%3E")]
    [InlineData("/quotes?q=%25&speaker=%3Cscript%3E")]
    [InlineData("/search?q=x&entity=%22%3E%3Cscript%3E")]
    [InlineData("/?page=abc")]
    [InlineData("/?page=-3")]
    [InlineData("/?page=99999999999999999999")]
    [InlineData("/stories/s-2025-03-04-dock-strike?page=0&page=7")]
    [InlineData("/search?q=%E2%80%AE%F0%9F%98%80+%C3%A9t%C3%A9")]
    public async Task Malformed_queries_get_a_page_not_an_error(string path)
    {
        var (response, dom) = await GetPage(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(dom.QuerySelectorAll("script"));
    }
}
