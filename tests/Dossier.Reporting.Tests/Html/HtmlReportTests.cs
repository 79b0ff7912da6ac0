using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dossier.Core.Model;
using Dossier.Fixtures;
using Dossier.Reporting.Html;

namespace Dossier.Reporting.Tests.Html;

public class HtmlReportTests
{
    private static string Render(Corpus corpus)
    {
        using var writer = new StringWriter();
        HtmlReport.Write(corpus, writer);
        return writer.ToString();
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    [Fact]
    public void A_hostile_document_appears_only_as_text()
    {
        var html = Render(SampleCorpus.Corpus(withHostile: true));
        var dom = Parse(html);

        Assert.Empty(dom.QuerySelectorAll("script, img, svg, iframe, object, embed, base, form, link"));
        var withHandlers = dom.All.Where(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Empty(withHandlers);
        foreach (var link in dom.QuerySelectorAll("a[href]"))
        {
            var href = link.GetAttribute("href")!;
            Assert.True(href.StartsWith('#') || href.StartsWith("https://") || href.StartsWith("http://"), $"unexpected href {href}");
        }
        // The markup is there, as text a reader can see.
        Assert.Contains(dom.QuerySelectorAll("h3"), h => h.TextContent == "<script>alert(1)</script>");
        Assert.Contains("<img src=x onerror=alert(1)>", dom.QuerySelector($"#{HtmlId("doc", "ffffeeeeddddcccc")} .text")!.TextContent);
        Assert.Contains("javascript:alert('source')", dom.Body!.TextContent);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    private static string HtmlId(string prefix, string id) => Dossier.Reporting.Html.Html.Id(prefix, id);

    [Fact]
    public void The_page_is_self_contained_under_a_strict_policy()
    {
        var dom = Parse(Render(SampleCorpus.Corpus()));
        var csp = dom.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("style-src 'unsafe-inline'", csp);
        Assert.Empty(dom.QuerySelectorAll("script, link[rel=stylesheet], img"));
        Assert.NotEmpty(dom.QuerySelector("style")!.TextContent);
        // Only the document's own http(s) URL and Wikidata link leave the page.
        var external = dom.QuerySelectorAll("a[href^='http']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["https://gazette.example/news/strike-ends", "https://wire.example/2025/03/04/dock", "https://www.wikidata.org/wiki/Q55"], external);
    }

    [Fact]
    public void Map_cells_are_coloured_by_stance_and_link_to_their_evidence()
    {
        var dom = Parse(Render(SampleCorpus.Corpus()));
        var cells = dom.QuerySelectorAll("table.matrix td a");
        Assert.Equal(3, cells.Length);
        foreach (var link in cells)
        {
            var target = dom.GetElementById(link.GetAttribute("href")![1..]);
            Assert.NotNull(target);
            Assert.Contains("evidence", target!.ClassList);
        }
        var support = dom.QuerySelector("table.matrix td.stance-support a")!;
        var evidence = dom.GetElementById(support.GetAttribute("href")![1..])!;
        Assert.Contains("reached a deal", evidence.TextContent);
        Assert.Contains("struck a deal", evidence.TextContent);
        Assert.NotNull(dom.QuerySelector("table.matrix td.stance-conditional"));
    }

    [Fact]
    public void Stories_show_sources_side_by_side_with_aligned_quotes_highlighted()
    {
        var dom = Parse(Render(SampleCorpus.Corpus()));
        var story = dom.QuerySelector("article.story")!;
        var sources = story.QuerySelectorAll(".sources .source");
        Assert.Equal(2, sources.Length);
        foreach (var source in sources)
        {
            var aligned = source.QuerySelectorAll(".aligned").Where(e => !e.ClassList.Contains("claim"))
                .Select(e => e.TextContent).Aggregate("", string.Concat);
            Assert.Equal("\"We have an agreement that protects every job,\"", aligned);
        }
        Assert.Contains("omission", story.QuerySelector(".discrepancies")!.TextContent);
    }

    [Fact]
    public void Document_text_is_rendered_whole_with_entity_and_quote_highlights()
    {
        var dom = Parse(Render(SampleCorpus.Corpus()));
        var gazette = SampleCorpus.Gazette();
        var text = dom.QuerySelector($"#{HtmlId("doc", gazette.Id)} .text")!;
        Assert.Equal(gazette.Text, text.TextContent);
        // "Maria Jansen" is both an entity and inside no quote; "Pieter de Vries" is an entity; the quote is highlighted.
        Assert.Contains(text.QuerySelectorAll(".ent-per"), e => e.TextContent == "Maria Jansen" && e.GetAttribute("href") == "#ent-maria-jansen");
        Assert.Contains(text.QuerySelectorAll(".q"), e => e.TextContent.Contains("fair compromise"));
        Assert.Contains("inferred", dom.QuerySelector($"#{HtmlId("doc", SampleCorpus.Wire().Id)} .meta")!.TextContent);
    }

    [Fact]
    public void Overlapping_and_out_of_range_marks_keep_the_text_and_the_markup_whole()
    {
        const string text = "Alpha beta gamma <delta>";
        using var writer = new StringWriter();
        AnnotatedText.Write(writer, text, [
            new Mark(0, 10, "a", "first", null, "anchor-1"),
            new Mark(6, 16, "b", "second", "#x"),
            new Mark(6, 10, "c"),
            new Mark(18, 500, "d"),
            new Mark(-5, 2, "e"),
            new Mark(9, 3, "f"),
        ]);
        var dom = Parse($"<div id=\"root\">{writer}</div>");
        var root = dom.GetElementById("root")!;
        Assert.Equal(text, root.TextContent);
        Assert.NotNull(dom.GetElementById("anchor-1"));
        var overlap = root.QuerySelectorAll("a").Single(e => e.TextContent == "beta");
        Assert.Equal(["a", "b", "c"], overlap.ClassList.Order());
        Assert.Equal("first · second", overlap.GetAttribute("title"));
        Assert.Equal("delta>", root.QuerySelectorAll(".d").Single().TextContent);
    }

    [Fact]
    public void Safe_hrefs_allow_only_absolute_http_urls()
    {
        Assert.Equal("https://example.org/a?b=1&amp;c=%3Cx%3E", Dossier.Reporting.Html.Html.SafeHref("https://example.org/a?b=1&c=<x>"));
        Assert.Null(Dossier.Reporting.Html.Html.SafeHref("javascript:alert(1)"));
        Assert.Null(Dossier.Reporting.Html.Html.SafeHref(" JAVASCRIPT:alert(1)"));
        Assert.Null(Dossier.Reporting.Html.Html.SafeHref("data:text/html,<script>alert(1)</script>"));
        Assert.Null(Dossier.Reporting.Html.Html.SafeHref("/relative/path"));
        Assert.Null(Dossier.Reporting.Html.Html.SafeHref(null));
    }

    [Fact]
    public void Ids_that_are_not_plain_become_distinct_hashes()
    {
        Assert.Equal("ent-maria-jansen", HtmlId("ent", "maria-jansen"));
        Assert.Matches("^ent-x[0-9a-f]{12}$", HtmlId("ent", "<mallory>"));
        Assert.NotEqual(HtmlId("ent", "<a>"), HtmlId("ent", "<b>"));
    }

    [Fact]
    public void An_empty_corpus_renders_a_valid_page()
    {
        var dom = Parse(Render(new Corpus()));
        Assert.Equal("Dossier", dom.Title);
        Assert.Contains("No stories.", dom.Body!.TextContent);
    }
}
