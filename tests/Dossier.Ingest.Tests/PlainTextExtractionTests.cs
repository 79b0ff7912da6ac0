using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Ingest.Extraction;

namespace Dossier.Ingest.Tests;

public class PlainTextExtractionTests
{
    // An invented report, pasted the way readers paste web pages: furniture above, inside and below the story.
    private const string Pasted = """
        Council Approves Plan to Rebuild the Old River Bridge

        The vote ends a two-year dispute over the cost of the crossing

        Photo of author

        By Maria Lindqvist and Tom Okafor | March 3, 2024

        Council Approves Plan to Rebuild the Old River Bridge

        The city council voted 9-2 on Tuesday to rebuild the Old River Bridge, ending a dispute that had split the chamber since 2022.

        “We cannot keep patching a structure that was built for horse carts,” said council member Ana Ruiz, who led the push for a new bridge.

        READ: Mayor Unveils Budget With Record Spending on Roads

        Opponents argued that the 40 million euro price tag would crowd out spending on schools. “Rebuild the Old River Bridge, yes, but not at any cost,” said council member Paul Weber.

        Share this article: Facebook | Twitter | Email

        Construction is expected to begin next spring and last about eighteen months, the city engineer said.

        Advertisement

        Related: Traffic Jams Expected as Ferry Service Ends

        Maria Lindqvist is a senior reporter at the Riverside Ledger, follow her on Twitter @mlindqvist.

        Please make a donation to the Riverside Ledger to keep local journalism alive. Every contribution helps our newsroom.

        Subscribe to our newsletter for the morning briefing delivered to your inbox.

        Follow the Riverside Ledger on Facebook and Instagram for updates.

        © 2024 Riverside Ledger. All rights reserved.

        12 Comments
        """;

    private static Document ExtractOne(string text, MetadataHints? hints = null) =>
        Assert.Single(Extractor.Extract([new RawDocument("pasted.txt", text, ContentKind.PlainText, hints ?? MetadataHints.None)], StageContext.Default()));

    [Fact]
    public void Title_authors_and_outlet_come_from_the_page_furniture()
    {
        var doc = ExtractOne(Pasted);
        Assert.Equal("Council Approves Plan to Rebuild the Old River Bridge", doc.Metadata.Title);
        Assert.Equal(["Maria Lindqvist", "Tom Okafor"], doc.Metadata.Authors.ToArray());
        Assert.Equal("Riverside Ledger", doc.Metadata.Outlet);
        Assert.Equal("en", doc.Metadata.Language);
    }

    [Fact]
    public void Boilerplate_lines_are_removed_with_their_reasons()
    {
        var doc = ExtractOne(Pasted);
        var reasons = doc.Removed.ToDictionary(r => r.Text, r => r.Reason);
        Assert.Equal(RemovalReasons.PhotoCredit, reasons["Photo of author"]);
        Assert.Equal(RemovalReasons.Byline, reasons["By Maria Lindqvist and Tom Okafor | March 3, 2024"]);
        Assert.Equal(RemovalReasons.RepeatedTitle, reasons["Council Approves Plan to Rebuild the Old River Bridge"]);
        Assert.Equal(RemovalReasons.RelatedLink, reasons["READ: Mayor Unveils Budget With Record Spending on Roads"]);
        Assert.Equal(RemovalReasons.RelatedLink, reasons["Related: Traffic Jams Expected as Ferry Service Ends"]);
        Assert.Equal(RemovalReasons.ShareBar, reasons["Share this article: Facebook | Twitter | Email"]);
        Assert.Equal(RemovalReasons.Advertisement, reasons["Advertisement"]);
        Assert.Equal(RemovalReasons.AuthorBio, reasons.Single(r => r.Key.StartsWith("Maria Lindqvist is")).Value);
        Assert.Equal(RemovalReasons.DonationAppeal, reasons.Single(r => r.Key.StartsWith("Please make a donation")).Value);
        Assert.Equal(RemovalReasons.Newsletter, reasons.Single(r => r.Key.StartsWith("Subscribe to our newsletter")).Value);
        Assert.Equal(RemovalReasons.SocialFollow, reasons.Single(r => r.Key.StartsWith("Follow the Riverside")).Value);
        Assert.Equal(RemovalReasons.Copyright, reasons.Single(r => r.Key.StartsWith("©")).Value);
        Assert.Equal(RemovalReasons.CommentPrompt, reasons["12 Comments"]);
    }

    [Fact]
    public void Every_article_paragraph_is_kept_including_a_quote_that_echoes_the_headline()
    {
        var doc = ExtractOne(Pasted);
        var paragraphs = doc.Layer(Layers.Paragraphs).Select(p => doc.TextOf(p.Span)).ToList();
        Assert.Equal(
        [
            "The vote ends a two-year dispute over the cost of the crossing",
            "The city council voted 9-2 on Tuesday to rebuild the Old River Bridge, ending a dispute that had split the chamber since 2022.",
            "“We cannot keep patching a structure that was built for horse carts,” said council member Ana Ruiz, who led the push for a new bridge.",
            "Opponents argued that the 40 million euro price tag would crowd out spending on schools. “Rebuild the Old River Bridge, yes, but not at any cost,” said council member Paul Weber.",
            "Construction is expected to begin next spring and last about eighteen months, the city engineer said.",
        ], paragraphs);
        Assert.Equal(string.Join("\n\n", paragraphs), doc.Text);
    }

    [Fact]
    public void Nothing_is_silently_lost()
    {
        var doc = ExtractOne(Pasted);
        var accounted = doc.Layer(Layers.Paragraphs).Select(p => doc.TextOf(p.Span))
            .Concat(doc.Removed.Select(r => r.Text)).Append(doc.Metadata.Title!).ToHashSet();
        var lines = Pasted.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        Assert.All(lines, line => Assert.Contains(line, accounted));
    }

    [Fact]
    public void Tweet_embed_and_its_attribution_line_are_removed()
    {
        const string text = """
            Officials confirmed on Monday that the summit would move to Vienna.
            “The talks will go ahead as planned,” the spokesperson told reporters.
            Spokesperson: "Talks will go ahead as planned"
            Summit moves to Vienna, sources say… pic.twitter.com/AbC123xyZ
            — Capital Watch (@capwatchnews) May 6, 2024
            Delegations from twelve countries are expected to attend, and the host promised “a calm and orderly meeting.”
            """;
        var doc = ExtractOne(text);
        Assert.Equal(3, doc.Removed.Count(r => r.Reason == RemovalReasons.SocialEmbed));
        Assert.DoesNotContain("pic.twitter.com", doc.Text);
        Assert.DoesNotContain("@capwatchnews", doc.Text);
        Assert.Contains("“The talks will go ahead as planned,” the spokesperson told reporters.", doc.Text);
        Assert.Contains("Delegations from twelve countries", doc.Text);
    }

    [Fact]
    public void An_appeal_block_at_the_end_runs_to_the_end()
    {
        const string text = """
            Wildfire crews contained most of the blaze overnight, the fire service said on Sunday.
            About 300 residents who were evacuated on Friday were allowed to return home.
            Officials warned that dry winds could rekindle the fire later in the week.
            A Message from the Northern Courier:
            Dear readers,
            Independent local reporting costs money, and advertising no longer pays for it.
            We rely on readers like you.
            Maybe later
            """;
        var doc = ExtractOne(text);
        Assert.Equal("Northern Courier", doc.Metadata.Outlet);
        Assert.Equal(5, doc.Removed.Count(r => r.Reason == RemovalReasons.DonationAppeal));
        Assert.Contains("rekindle the fire later in the week.", doc.Text);
        Assert.DoesNotContain("Dear readers", doc.Text);
    }

    [Fact]
    public void A_run_of_story_cards_with_author_and_date_lines_at_the_end_is_the_tail()
    {
        var text = """
            Tram line extension approved
            The regional council approved the tram extension to the airport on Thursday.
            Construction will start in the spring and should take three years.
            The project is funded jointly by the region and the national government.
            Officials expect 20,000 passengers a day once the line opens, said Maria Keller, who chairs the transport board.
            Bus drivers threaten strike over timetable
            Maria Keller February 17, 2024
            The union says the new timetable leaves no time for breaks between routes.
            Cycle lanes to be widened on the ring road
            Tom Reyes February 16, 2024
            """;
        var doc = ExtractOne(text);
        Assert.EndsWith("who chairs the transport board.", doc.Text);
        Assert.Contains(doc.Removed, r => r.Text == "Bus drivers threaten strike over timetable" && r.Reason == RemovalReasons.RelatedLink);
    }

    [Fact]
    public void A_single_author_and_date_line_does_not_cut_the_article()
    {
        var text = """
            Tram line extension approved
            The regional council approved the tram extension to the airport on Thursday.
            Construction will start in the spring and should take three years.
            The project is funded jointly by the region and the national government.
            Maria Keller February 17, 2024
            Officials expect 20,000 passengers a day once the line opens.
            The first trams will run every ten minutes at peak times.
            """;
        Assert.EndsWith("every ten minutes at peak times.", ExtractOne(text).Text);
    }

    [Theory]
    [InlineData("Ähnliche Beiträge")]
    [InlineData("Editors' Recommendations")]
    [InlineData("More from Business")]
    [InlineData("Meistgelesen")]
    [InlineData("Top Themen der Redaktion")]
    [InlineData("Cite This Page:")]
    [InlineData("Schon gelesen?")]
    [InlineData("Notas relacionadas")]
    [InlineData("También te puede interesar")]
    [InlineData("Sur le même sujet")]
    [InlineData("Articoli correlati")]
    public void A_related_heading_near_the_end_takes_the_teasers_below_it(string heading)
    {
        var text = $"""
            Tram line extension approved
            The regional council approved the tram extension to the airport on Thursday.
            Construction will start in the spring and should take three years.
            The project is funded jointly by the region and the national government.
            Officials expect 20,000 passengers a day once the line opens.
            {heading}
            Bus drivers threaten strike over new timetable, saying the changes leave no time for breaks.
            Cycle lanes on the ring road will be widened next year after a string of accidents.
            """;
        var doc = ExtractOne(text);
        Assert.EndsWith("once the line opens.", doc.Text);
        Assert.Equal(3, doc.Removed.Count(r => r.Reason == RemovalReasons.RelatedLink));
    }

    [Theory]
    [InlineData("Über den Autor", RemovalReasons.AuthorBio)]
    [InlineData("Kommentare geschlossen", RemovalReasons.CommentPrompt)]
    [InlineData("Schlagworte: Verkehr, Stadt", RemovalReasons.Tags)]
    [InlineData("- Anzeige -", RemovalReasons.Advertisement)]
    [InlineData("December 22, 2023", RemovalReasons.Dateline)]
    [InlineData("3 min read", RemovalReasons.Fragment)]
    [InlineData("We noticed you're using an ad blocker. Please whitelist us.", RemovalReasons.AdblockNotice)]
    [InlineData("If you buy something through our links, we may earn a commission.", RemovalReasons.Disclosure)]
    [InlineData("•", RemovalReasons.Fragment)]
    public void Boilerplate_lines_in_several_languages(string line, string reason) =>
        Assert.Equal(reason, BoilerplateRules.Classify(line));

    [Theory]
    [InlineData("The council said the tram would reach the airport by 2027.")]
    [InlineData("Readers wrote in to say they liked the new layout of the weekly supplement.")]
    [InlineData("Shares rose 3% after the company said it would earn more than expected.")]
    public void Ordinary_sentences_are_not_boilerplate(string line) => Assert.Null(BoilerplateRules.Classify(line));

    [Fact]
    public void A_repeated_opening_block_keeps_one_copy()
    {
        const string text = """
            Storm Closes Schools Across the Region
            Heavy snow is expected to continue until Thursday
            Storm Closes Schools Across the Region
            Heavy snow is expected to continue until Thursday
            Schools in four districts will stay closed on Wednesday, education officials said.
            """;
        var doc = ExtractOne(text);
        Assert.Equal("Storm Closes Schools Across the Region", doc.Metadata.Title);
        Assert.Equal("Heavy snow is expected to continue until Thursday\n\nSchools in four districts will stay closed on Wednesday, education officials said.", doc.Text);
        Assert.Contains(doc.Removed, r => r.Reason == RemovalReasons.RepeatedBlock);
    }

    [Fact]
    public void A_first_line_that_is_a_sentence_is_not_a_title()
    {
        var doc = ExtractOne("The central bank raised its main rate by a quarter point on Thursday.\nMarkets had expected the move.\n");
        Assert.Null(doc.Metadata.Title);
        Assert.StartsWith("The central bank raised", doc.Text);
    }

    [Fact]
    public void A_desk_credit_is_an_outlet_hint_not_an_author()
    {
        var doc = ExtractOne("Port reopens after repairs.\nBy Harbor Times Newsroom\nThe port reopened on Monday after three weeks of repairs.\n");
        Assert.Empty(doc.Metadata.Authors);
        Assert.Equal("Harbor Times", doc.Metadata.Outlet);
        Assert.DoesNotContain("Newsroom", doc.Text);
    }

    [Fact]
    public void A_sentence_starting_with_by_is_not_a_byline()
    {
        var doc = ExtractOne("Flood defences held overnight.\nBy Monday, the river had fallen below the warning level.\n");
        Assert.Contains("By Monday, the river had fallen below the warning level.", doc.Text);
        Assert.Empty(doc.Metadata.Authors);
    }

    [Fact]
    public void Quoted_appeal_in_reported_speech_stays()
    {
        var doc = ExtractOne("Charity seeks help after floods.\n“Please donate whatever you can to support our work with families,” the charity’s director said on Tuesday.\n");
        Assert.Contains("Please donate whatever you can", doc.Text);
    }

    [Fact]
    public void Outlet_is_null_when_nothing_names_it()
    {
        var doc = ExtractOne("Farmers protest fuel prices.\nHundreds of tractors blocked the ring road on Wednesday.\n");
        Assert.Null(doc.Metadata.Outlet);
    }

    [Fact]
    public void A_line_repeated_across_documents_of_one_outlet_is_boilerplate()
    {
        var hints = new MetadataHints { Outlet = "Lakeside Post" };
        var raws = new[]
        {
            new RawDocument("a.txt", "Ferry fares frozen for winter.\nThe operator froze fares until March.\nThe Lakeside Post is reader-funded and free for everyone.\n", ContentKind.PlainText, hints),
            new RawDocument("b.txt", "New library opens downtown.\nThe library has room for 80,000 books.\nThe Lakeside Post is reader-funded and free for everyone.\n", ContentKind.PlainText, hints),
        };
        var docs = Extractor.Extract(raws, StageContext.Default());
        Assert.All(docs, d => Assert.DoesNotContain("reader-funded", d.Text));
        Assert.All(docs, d => Assert.Contains(d.Removed, r => r.Reason == RemovalReasons.OutletBoilerplate));
    }

    [Fact]
    public void Identical_inputs_keep_one_document_and_report_the_other()
    {
        var context = StageContext.Default();
        var raws = new[]
        {
            new RawDocument("first.txt", "Bridge reopens.\nTraffic resumed on Monday.\n", ContentKind.PlainText, MetadataHints.None),
            new RawDocument("second.txt", "Bridge reopens.\nTraffic resumed on Monday.\n", ContentKind.PlainText, MetadataHints.None),
        };
        var docs = Extractor.Extract(raws, context);
        Assert.Equal("first.txt", Assert.Single(docs).Source);
        var diagnostic = Assert.Single(context.Diagnostics.Items);
        Assert.Equal(Codes.Duplicate, diagnostic.Code);
        Assert.Equal("second.txt", diagnostic.Where);
    }

    [Fact]
    public void A_document_that_is_all_boilerplate_gets_a_diagnostic()
    {
        var context = StageContext.Default();
        var docs = Extractor.Extract([new RawDocument("junk.txt", "Leave a Comment\nAdvertisement\n", ContentKind.PlainText, MetadataHints.None)], context);
        Assert.Empty(docs);
        Assert.Equal(Codes.NoBody, Assert.Single(context.Diagnostics.Items).Code);
    }

    [Fact]
    public void Hints_from_the_input_win_over_detection()
    {
        var hints = new MetadataHints { Outlet = "Given Outlet", Url = "https://example.com/x", Published = new NodaTime.LocalDate(2024, 1, 2) };
        var doc = ExtractOne(Pasted, hints);
        Assert.Equal("Given Outlet", doc.Metadata.Outlet);
        Assert.Equal("https://example.com/x", doc.Metadata.Url);
        Assert.Equal(new NodaTime.LocalDate(2024, 1, 2), doc.Metadata.Published);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("“unbalanced « quotes ( and [ brackets")]
    [InlineData("By")]
    [InlineData("— (@) ")]
    public void Odd_text_never_throws(string text)
    {
        var context = StageContext.Default();
        var docs = Extractor.Extract([new RawDocument("odd.txt", text, ContentKind.PlainText, MetadataHints.None)], context);
        Assert.True(docs.Count <= 1);
    }

    [Fact]
    public void Huge_text_is_handled()
    {
        var paragraph = "The committee met again on Friday to discuss the water supply, officials said. ";
        var text = string.Join("\n", Enumerable.Range(0, 20_000).Select(i => $"{paragraph}Item {i}."));
        var doc = ExtractOne(text);
        Assert.Equal(20_000, doc.Layer(Layers.Paragraphs).Length);
    }
}
