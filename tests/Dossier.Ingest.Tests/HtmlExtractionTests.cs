using System.Text;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Ingest.Extraction;

namespace Dossier.Ingest.Tests;

public class HtmlExtractionTests
{
    // An invented news page with the usual furniture around the story.
    private const string Page = """
        <!doctype html>
        <html lang="en-GB">
        <head>
          <title>Water Company Fined Over Sewage Spills | The Valley Gazette</title>
          <meta property="og:site_name" content="The Valley Gazette">
          <meta property="og:title" content="Water company fined over sewage spills">
          <meta property="article:published_time" content="2024-05-14T09:30:00+01:00">
          <meta property="article:modified_time" content="2024-05-15T08:00:00+01:00">
          <link rel="canonical" href="https://valleygazette.example/news/2024/05/14/water-fine">
          <script type="application/ld+json">
          {"@context":"https://schema.org","@type":"NewsArticle","headline":"Water company fined over sewage spills",
           "datePublished":"2024-05-14T09:30:00+01:00","author":[{"@type":"Person","name":"By Priya Natarajan"},{"@type":"Person","name":"Owen Hughes, Environment Correspondent"}],
           "publisher":{"@type":"Organization","name":"The Valley Gazette"}}
          </script>
          <style>.x{color:red}</style>
        </head>
        <body>
          <header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
          <div class="cookie-banner">We use cookies to improve your experience. Accept all</div>
          <main>
            <article class="article">
              <h1>Water company fined over sewage spills</h1>
              <div class="byline">By Priya Natarajan and Owen Hughes</div>
              <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
              <div class="article-body">
                <p>A regional water company has been fined 2.1 million pounds after admitting that untreated sewage was released into two rivers on more than 300 occasions, a court heard on Tuesday.</p>
                <p>The judge said the company had shown "a persistent disregard" for the rivers, which are popular with swimmers, anglers and rowing clubs.</p>
                <figure><img src="river.jpg"><figcaption>The river near the treatment works. Photo: Valley Gazette</figcaption></figure>
                <h2>Residents demand action</h2>
                <p>Residents who had campaigned for years said the fine was welcome, but argued that it would not clean the water. "We want the pipes fixed, not a cheque," said one campaigner, who has swum in the river since childhood.</p>
                <ul><li>The company must report every spill within 24 hours.</li><li>An independent monitor will inspect the works twice a year.</li></ul>
                <div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Beaches closed after storm</a></li><li><a href="/b">Rivers report card published</a></li></ul></div>
                <p>The company said it accepted the ruling and would invest in new storage tanks over the next five years, according to a statement issued after the hearing.</p>
                <div class="newsletter-signup"><p>Sign up for our morning newsletter</p><form><input type="email"></form></div>
              </div>
            </article>
          </main>
          <aside class="sidebar"><h3>Most read</h3><ol><li><a href="/c">Council tax rises</a></li></ol></aside>
          <div id="comments"><h3>12 comments</h3><p>Great article, thanks for writing it, really informative.</p></div>
          <footer>© 2024 The Valley Gazette. All rights reserved.</footer>
        </body>
        </html>
        """;

    private static ExtractedDocument Extract(string html) =>
        Extractor.ExtractOne(new RawDocument("page.html", html, ContentKind.Html, MetadataHints.None), StageContext.Default())!;

    [Fact]
    public void Metadata_comes_from_json_ld_meta_and_links()
    {
        var extracted = Extract(Page);
        var m = extracted.Document.Metadata;
        Assert.Equal("Water company fined over sewage spills", m.Title);
        Assert.Equal(["Priya Natarajan", "Owen Hughes"], m.Authors.ToArray());
        Assert.Equal(new NodaTime.LocalDate(2024, 5, 14), m.Published);
        Assert.Equal(new NodaTime.LocalDate(2024, 5, 15), extracted.Modified);
        Assert.Equal("The Valley Gazette", m.Outlet);
        Assert.Equal("https://valleygazette.example/news/2024/05/14/water-fine", m.Url);
        Assert.Equal("en", m.Language);
    }

    [Fact]
    public void Body_keeps_paragraphs_headings_and_lists_and_drops_furniture()
    {
        var doc = Extract(Page).Document;
        var paragraphs = doc.Layer(Layers.Paragraphs).Select(p => doc.TextOf(p.Span)).ToList();
        Assert.StartsWith("A regional water company has been fined", paragraphs[0]);
        Assert.Contains("Residents demand action", paragraphs);
        Assert.Contains("The company must report every spill within 24 hours.", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("The company said it accepted the ruling"));
        Assert.Contains(paragraphs, p => p.Contains("\"We want the pipes fixed, not a cheque,\""));
        foreach (var junk in new[] { "cookies", "Home", "Facebook", "Beaches closed", "Most read", "Great article", "newsletter", "All rights reserved", "Photo:", "By Priya" })
            Assert.DoesNotContain(junk, doc.Text);
        Assert.DoesNotContain("Water company fined over sewage spills", doc.Text);
    }

    [Fact]
    public void Title_tag_loses_its_site_name()
    {
        Assert.Equal("Water Company Fined Over Sewage Spills", PageMetadataReader.StripSiteName("Water Company Fined Over Sewage Spills | The Valley Gazette", "The Valley Gazette", fromTitleTag: true));
        Assert.Equal("Ministers agree rail deal", PageMetadataReader.StripSiteName("Ministers agree rail deal - Daily Example", null, fromTitleTag: true));
    }

    [Fact]
    public void Date_falls_back_to_time_element_and_url()
    {
        var timed = Extract("<html><body><article><time datetime=\"2023-11-02T10:00:00Z\">2 Nov</time><p>" + Prose(3) + "</p></article></body></html>");
        Assert.Equal(new NodaTime.LocalDate(2023, 11, 2), timed.Document.Metadata.Published);
        var fromUrl = Extract("<html><head><link rel=canonical href=\"https://news.example/2022/07/19/heat\"></head><body><p>" + Prose(3) + "</p></body></html>");
        Assert.Equal(new NodaTime.LocalDate(2022, 7, 19), fromUrl.Document.Metadata.Published);
    }

    [Fact]
    public void Deeply_nested_html_does_not_overflow()
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < 10_000; i++) sb.Append("<div>");
        sb.Append("<p>").Append(Prose(4)).Append("</p>");
        for (var i = 0; i < 10_000; i++) sb.Append("</div>");
        sb.Append("</body></html>");
        var context = StageContext.Default();
        var docs = Extractor.Extract([new RawDocument("deep.html", sb.ToString(), ContentKind.Html, MetadataHints.None)], context);
        Assert.True(docs.Count == 1 || context.Diagnostics.Items.Count > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html")]
    [InlineData("<p>unclosed <b>bold <i>italic")]
    [InlineData("<script>while(true){}</script>")]
    [InlineData("<html><head><script type=\"application/ld+json\">{broken json</script></head><body><p>Short.</p></body></html>")]
    public void Malformed_html_never_throws(string html)
    {
        var context = StageContext.Default();
        var docs = Extractor.Extract([new RawDocument("bad.html", html, ContentKind.Html, MetadataHints.None)], context);
        Assert.True(docs.Count <= 1);
        Assert.DoesNotContain(context.Diagnostics.Items, d => d.Code == Dossier.Core.Diagnostics.Codes.StageFailed);
    }

    [Fact]
    public void Report_has_the_contract_fields()
    {
        var extracted = Extract(Page);
        var report = ExtractionReport.From(extracted, []);
        var json = System.Text.Json.JsonSerializer.Serialize(report);
        foreach (var field in new[] { "source", "title", "authors", "published", "modified", "outlet", "language", "url", "text", "paragraphs", "removed", "diagnostics" })
            Assert.Contains($"\"{field}\":", json);
        Assert.Equal("2024-05-15", report.Modified);
        Assert.Equal(report.Text, string.Join("\n\n", report.Paragraphs));
    }

    private static string Prose(int sentences) => string.Join(' ', Enumerable.Range(0, sentences)
        .Select(i => $"The regional assembly debated the transport budget for the {i + 1}th time, and members agreed to fund new buses, cycle lanes and safer crossings."));

    [Fact]
    public void A_visible_date_line_dates_a_page_without_date_metadata()
    {
        var html = """
            <html><head><title>Library extends opening hours</title></head><body>
            <aside><ul class="event-dates"><li>3. Januar 2022</li></ul></aside>
            <div class="post"><h1>Library extends opening hours</h1><p class="post-meta">Von Jana Keller, 14. März 2023, 10:15 Uhr</p>
            <p>The town library will open until nine in the evening on weekdays from next month, the council said after a
            survey found that most readers wanted to visit after work.</p>
            <p>Two extra staff will be hired, paid from the culture budget, and the reading room will get new lamps.</p></div>
            </body></html>
            """;
        Assert.Equal(new NodaTime.LocalDate(2023, 3, 14), Extract(html).Document.Metadata.Published);
    }

    [Fact]
    public void A_container_named_after_related_content_is_furniture_but_a_content_wrapper_with_a_modifier_is_not()
    {
        var prose = string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<p>Paragraph {i}: the harbour authority said repairs to the northern pier would continue through the winter, with ferries using the southern berth until spring.</p>"));
        var html = $"""
            <html><body><div class="story has-sidebar">{prose}
            <div class="related-content"><p>Bridge closures planned for the summer as engineers replace the cables on the old crossing.</p></div>
            <div class="author-card"><p>Tom Reyes is a senior reporter who has covered transport and the port for the paper since 2015.</p></div>
            </div></body></html>
            """;
        var text = Extract(html).Document.Text;
        Assert.Contains("Paragraph 6", text);
        Assert.DoesNotContain("Bridge closures", text);
        Assert.DoesNotContain("senior reporter", text);
    }

    [Theory]
    [InlineData("<p class=\"small\">Pressemitteilung vom 20.01.2022</p>", 2022, 1, 20)]
    [InlineData("<div>Published on 4 May 2022 by the press office</div>", 2022, 5, 4)]
    [InlineData("<div>Erstellt von Fabian am Dienstag 6. Mai 2014</div>", 2014, 5, 6)]
    public void A_labelled_date_in_the_page_dates_it(string line, int year, int month, int day)
    {
        var html = $"""
            <html><body><h1>Cycle lane opens on the ring road</h1>{line}
            <p>The new cycle lane on the ring road opened to riders on Monday after eight months of work, and the council
            said it would count users at three points during the first year.</p></body></html>
            """;
        Assert.Equal(new NodaTime.LocalDate(year, month, day), Extract(html).Document.Metadata.Published);
    }

    private const string FerryStory = """
        <p>The ferry between the two islands will run twice a day through the winter, the operator said on Monday, after
        a season in which bad weather cancelled more than forty crossings and left freight waiting at both harbours.</p>
        <p>A second vessel is being refitted and should join the route in the spring, doubling the number of cars carried.</p>
        """;

    [Fact]
    public void A_headline_under_a_topic_label_is_not_repeated_in_the_body()
    {
        var html = $"""
            <html><head><meta property="og:title" content="Ferry fares rise for the second time"></head>
            <body><div><h2>Harbour works Ferry fares rise for the second time</h2>{FerryStory}</div></body></html>
            """;
        var extracted = Extract(html).Document;
        Assert.Equal("Ferry fares rise for the second time", extracted.Metadata.Title);
        Assert.DoesNotContain("Harbour works", extracted.Text);
        Assert.StartsWith("The ferry between the two islands", extracted.Text);
    }

    [Fact]
    public void A_page_that_shows_only_its_update_day_is_dated_by_it()
    {
        var html = $"""
            <html><head>
            <meta property="article:published_time" content="2021-03-02T10:00:00Z">
            <meta property="article:modified_time" content="2023-11-20T09:15:00Z">
            </head><body><h1>Best winter ferry routes</h1><p class="meta">Updated November 20, 2023</p>{FerryStory}</body></html>
            """;
        Assert.Equal(new NodaTime.LocalDate(2023, 11, 20), Extract(html).Document.Metadata.Published);
    }

    [Fact]
    public void A_page_that_shows_its_first_publication_day_keeps_it_despite_an_update()
    {
        var html = $"""
            <html><head>
            <meta property="article:published_time" content="2023-11-18T10:00:00Z">
            <meta property="article:modified_time" content="2023-11-20T09:15:00Z">
            </head><body><h1>Ferry timetable changes</h1><p class="meta">18 November 2023</p>{FerryStory}</body></html>
            """;
        Assert.Equal(new NodaTime.LocalDate(2023, 11, 18), Extract(html).Document.Metadata.Published);
    }

    [Theory]
    // The headline's date line gives the update only; the first publication is mentioned at the foot.
    [InlineData("<p>Updated November 20, 2023</p>{0}<p>This story was originally published November 18, 2023.</p>", 2023, 11, 20)]
    // Both days side by side in the date line: the first publication stands.
    [InlineData("<p>Last updated: November 20, 2023. First published: November 18, 2023</p>{0}", 2023, 11, 18)]
    public void An_update_day_dates_the_page_only_when_the_headline_shows_it_alone(string body, int year, int month, int day)
    {
        var filler = string.Concat(Enumerable.Repeat(FerryStory, 3));
        var html = $"""
            <html><head>
            <meta property="article:published_time" content="2023-11-18T10:00:00Z">
            <meta property="article:modified_time" content="2023-11-20T09:15:00Z">
            </head><body><h1>Ferry timetable changes</h1>{string.Format(System.Globalization.CultureInfo.InvariantCulture, body, filler)}</body></html>
            """;
        Assert.Equal(new NodaTime.LocalDate(year, month, day), Extract(html).Document.Metadata.Published);
    }

    [Fact]
    public void A_page_without_an_article_element_is_dated_by_its_headline_line_before_sidebar_times()
    {
        var html = $"""
            <html><body><div class="sidebar"><time datetime="2023-12-24T10:00:00-05:00">10:00</time> Other story</div>
            <div class="main"><h1>Ferry service extended</h1><p>by Harbour Desk, Dec 19th 2023</p>{FerryStory}</div></body></html>
            """;
        Assert.Equal(new NodaTime.LocalDate(2023, 12, 19), Extract(html).Document.Metadata.Published);
    }

    [Theory]
    // The declared day is shown nowhere; the headline's date line gives a later one: the page was re-dated.
    [InlineData("2022-04-28T12:00:00+01:00", "<p>By Dana Whitfield, Nov 14, 2023 3:30 am</p>", 2023, 11, 14)]
    // The declared day is shown (year first, with slashes): it stands.
    [InlineData("2023-12-20T08:39:35+02:00", "<p>Last updated: 2023/12/20 at 8:39 AM</p><p>Most read Dec 23, 2023</p>", 2023, 12, 20)]
    // A date line earlier than the declared day is not a re-dating.
    [InlineData("2023-06-09T10:00:00Z", "<p>Harbour desk, June 1, 2023</p>", 2023, 6, 9)]
    public void A_page_shows_a_later_day_than_it_declares_only_when_it_was_redated(string published, string line, int year, int month, int day)
    {
        var html = $"""
            <html><head><meta property="article:published_time" content="{published}"></head>
            <body><h1>Ferry timetable changes</h1>{line}{FerryStory}</body></html>
            """;
        Assert.Equal(new NodaTime.LocalDate(year, month, day), Extract(html).Document.Metadata.Published);
    }

    [Fact]
    public void A_utc_publication_time_takes_the_local_day_of_the_same_moment_written_without_a_zone()
    {
        // 03:12:45 UTC on the 9th is 22:12:45 on the 8th in New York: the page's other tag gives that wall time.
        var html = $"""
            <html><head>
            <meta property="article:published_time" content="2023-06-09T03:12:45Z">
            <meta name="sailthru.date" content="2023-06-08 22:12:45">
            </head><body><h1>Ferry fares frozen</h1>{FerryStory}</body></html>
            """;
        Assert.Equal(new NodaTime.LocalDate(2023, 6, 8), Extract(html).Document.Metadata.Published);
    }

    [Theory]
    [InlineData("2023-03-05T23:00:00.000Z", 2023, 3, 6)]
    [InlineData("2023-07-05T22:00:00Z", 2023, 7, 6)]
    [InlineData("2023-07-05T22:14:09Z", 2023, 7, 5)]
    public void A_utc_midnight_of_a_zone_east_of_greenwich_is_the_next_day(string published, int year, int month, int day)
    {
        var html = $"""
            <html><head><meta property="article:published_time" content="{published}"></head>
            <body><h1>Ferry fares frozen</h1>{FerryStory}</body></html>
            """;
        Assert.Equal(new NodaTime.LocalDate(year, month, day), Extract(html).Document.Metadata.Published);
    }

    [Theory]
    [InlineData("<h1>Ferry service extended</h1><p>Anna Berg 3.11.23</p>", "en", 2023, 11, 3)]
    [InlineData("<p>Nachrichten 16.10.2021</p><h1>Ferry service extended</h1>", "de", 2021, 10, 16)]
    [InlineData("<h1>Ferry service extended</h1><div>Harbour desk | 04/02/2022</div>", "en-GB", 2022, 2, 4)]
    [InlineData("<h1>Ferry service extended</h1><div>Harbour desk | 04/02/2022</div>", "en-US", 2022, 4, 2)]
    [InlineData("<h1>Ferry service extended</h1><span>January 13, 2020 at 08:45 AM</span>", "en", 2020, 1, 13)]
    public void A_page_without_date_markup_is_dated_by_the_date_beside_its_headline(string top, string lang, int year, int month, int day)
    {
        var html = $"""<html lang="{lang}"><body><nav><a href="/">Home</a> 01.01.2019</nav>{top}{FerryStory}</body></html>""";
        Assert.Equal(new NodaTime.LocalDate(year, month, day), Extract(html).Document.Metadata.Published);
    }

    [Fact]
    public void A_headline_without_an_h1_is_found_by_its_text_to_date_the_page()
    {
        var html = $"""
            <html><head><meta property="og:title" content="Ferry service extended"></head>
            <body><div class="aside-note">Archive 02.03.2019</div>{string.Concat(Enumerable.Repeat(FerryStory, 2))}
            <div class="post"><h2 class="entry">Ferry service extended</h2><p>Harbour desk, 13.01.2020</p>{FerryStory}</div></body></html>
            """;
        Assert.Equal(new NodaTime.LocalDate(2020, 1, 13), Extract(html).Document.Metadata.Published);
    }

    [Fact]
    public void A_date_far_from_the_headline_does_not_date_the_page()
    {
        var filler = string.Concat(Enumerable.Repeat(FerryStory, 4));
        var html = $"""<html><body><h1>Ferry service extended</h1>{filler}<p>The harbour opened on 12.05.1998.</p></body></html>""";
        Assert.Null(Extract(html).Document.Metadata.Published);
    }

    [Fact]
    public void A_published_time_with_an_odd_time_part_still_gives_the_day()
    {
        var html = """
            <html><head><meta property="article:published_time" content="2022-05-04-0305:49:00-10800"></head><body>
            <p>The senate committee will vote on the budget amendment next week, its chair told reporters on Wednesday morning.</p></body></html>
            """;
        Assert.Equal(new NodaTime.LocalDate(2022, 5, 4), Extract(html).Document.Metadata.Published);
    }

    [Fact]
    public void A_consent_box_or_comment_thread_longer_than_a_short_article_is_still_not_the_article()
    {
        var consent = string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"<p>We use cookies and similar technologies for purpose {i}: some are essential for the site to work, others help us improve it and show you content that matches your interests.</p>"));
        var comments = string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<div class=\"comment-body\"><p>Reader {i} wrote: I have lived near the station for years and I think the new timetable is a real improvement for everyone who commutes.</p></div>"));
        var html = $"""
            <html><body><div id="cookie-notice">{consent}</div>
            <div class="post"><h1>Night trains return to the coast line</h1>
            <p>Night trains will run again on the coast line from June, the rail operator said on Friday, after a two-year pause.</p>
            <p>Tickets go on sale next week.</p></div>
            <div id="comments" class="comments-area">{comments}</div></body></html>
            """;
        var text = Extract(html).Document.Text;
        Assert.Contains("Night trains will run again", text);
        Assert.DoesNotContain("cookies", text);
        Assert.DoesNotContain("Reader 3 wrote", text);
    }

    [Theory]
    // A kicker label in the heading, in front of the declared headline.
    [InlineData("<meta property=\"og:title\" content=\"Ferry fares rise for the second time this year\">", "<h1><span>Opinion</span> Ferry fares rise for the second time this year</h1>", "Ferry fares rise for the second time this year")]
    // A kicker set in its own element inside the heading, with no declared title to compare against.
    [InlineData("", "<h1><span class=\"article-kicker\">Rail strike</span> <span>Commuters face a week of cancelled trains</span></h1>", "Commuters face a week of cancelled trains")]
    // A headline with its own colon is not a kicker.
    [InlineData("<meta property=\"og:title\" content=\"Former goalkeeper returns as coach\">", "<h1>Hockey: Former goalkeeper returns as coach</h1>", "Hockey: Former goalkeeper returns as coach")]
    // No site name declared: the part both titles end with is the site's name.
    [InlineData("<title>Ferry fares rise again | Harbour Herald</title><meta property=\"og:title\" content=\"Ferry fares rise again | Harbour Herald\">", "", "Ferry fares rise again")]
    // Dashes inside a declared title stay as written.
    [InlineData("<meta property=\"og:title\" content=\"Budget 2025 – the second vote – delayed\">", "", "Budget 2025 – the second vote – delayed")]
    // A section label ending with its own separator.
    [InlineData("<meta property=\"og:title\" content=\"Mayor vetoes the parking levy\">", "<h1>Local News | Mayor vetoes the parking levy</h1>", "Mayor vetoes the parking levy")]
    // A WebPage object's name carries the site name like the <title> does.
    [InlineData("<meta property=\"og:site_name\" content=\"Harbour Herald\"><script type=\"application/ld+json\">{\"@type\":\"WebPage\",\"name\":\"Ferry fares rise again - Harbour Herald\"}</script>", "", "Ferry fares rise again")]
    // Soft hyphens are invisible, and a media label says what the page embeds.
    [InlineData("<meta property=\"og:title\" content=\"Fer\u00ADry fares rise again (video)\">", "", "Ferry fares rise again")]
    // No declared title matches the page's one heading: the generic <title> gives way to it.
    [InlineData("<title>About Us - Harbour Trust</title>", "<h1>A charity for the old port since 1952</h1>", "A charity for the old port since 1952")]
    // ... but not to a heading that is the site's logo or its name.
    [InlineData("<title>Ferry fares rise again | Harbour Notes</title>", "<h1><a href=\"/\">Harbour Notes Online</a></h1>", "Ferry fares rise again")]
    [InlineData("<title>Ferry fares rise again | Harbour Notes</title>", "<h1>Harbour Notes</h1>", "Ferry fares rise again")]
    // A topic label in its own box at the head of the heading, and text meant for screen readers only.
    [InlineData("", "<h1><span class=\"subtitle\">Harbour works</span> Ferry fares rise for the second time</h1>", "Ferry fares rise for the second time")]
    [InlineData("", "<h1><span class=\"visually-hidden\">Headline:</span> Ferry fares rise for the second time</h1>", "Ferry fares rise for the second time")]
    // Emphasis at the start of a heading is part of it.
    [InlineData("", "<h1><em>Island Queen</em> ferry returns to service after refit</h1>", "Island Queen ferry returns to service after refit")]
    [InlineData("", "<h1><span class=\"accent\">Harbour works</span> and the new ferry terminal</h1>", "Harbour works and the new ferry terminal")]
    // Hidden text at the end of a heading, and a heading for screen readers only.
    [InlineData("", "<h1>Ferry fares rise again<span class=\"element-invisible\"> | Harbour Notes</span></h1>", "Ferry fares rise again")]
    [InlineData("<meta property=\"og:title\" content=\"Ferry fares rise again\">", "<h1 class=\"visuallyhidden\">Navigation menu</h1>", "Ferry fares rise again")]
    // The site name declared as an address still names the title's site part.
    [InlineData("<meta property=\"og:site_name\" content=\"harbournotes.com\"><meta property=\"og:title\" content=\"Ferry fares rise again - Harbour Notes\">", "", "Ferry fares rise again")]
    public void The_title_is_the_headline_without_kickers_or_site_names(string head, string heading, string expected)
    {
        var html = $"""
            <html><head>{head}</head><body>{heading}
            <p>The harbour authority said the change would take effect next month and would be reviewed after the summer season.</p></body></html>
            """;
        Assert.Equal(expected, Extract(html).Document.Metadata.Title);
    }

    [Theory]
    [InlineData("2023-12-22T22:22:07-0500", 2023, 12, 22)]   // the same moment in the outlet's zone: its day
    [InlineData("2023-12-24T09:00:00-0500", 2023, 12, 23)]   // another moment (a related story): the declared day stands
    public void A_utc_publication_time_takes_the_day_the_page_shows_for_the_same_moment(string shown, int year, int month, int day)
    {
        var html = $"""
            <html><head><meta property="article:published_time" content="2023-12-23T03:22:07Z"></head><body>
            <p>Late on Friday the city council agreed to keep the winter shelter open until March, after a long debate.</p>
            <time datetime="{shown}">shown</time></body></html>
            """;
        Assert.Equal(new NodaTime.LocalDate(year, month, day), Extract(html).Document.Metadata.Published);
    }
}
