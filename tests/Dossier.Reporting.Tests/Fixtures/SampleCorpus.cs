using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Dossier.Core.Model;
using NodaTime;

namespace Dossier.Fixtures;

/// <summary>
/// A small corpus written for these tests (two outlets on one invented port strike, plus a hostile document), with
/// every layer filled by hand so storage and reports can be checked on all record types.
/// </summary>
public static partial class SampleCorpus
{
    public const string GazetteText =
        "ROTTERDAM — The port authority and the dockworkers' union reached a deal on Tuesday to end a nine-day strike, officials said.\n\n" +
        "\"We have an agreement that protects every job,\" union leader Maria Jansen told reporters. " +
        "The authority's chairman, Pieter de Vries, said the deal was \"a fair compromise\" and that cranes would restart within 48 hours.\n\n" +
        "Shipping lines had warned that the stoppage cost about €30 million a day. Ministers in The Hague welcomed the accord.";

    public const string WireText =
        "Dutch dockworkers will return to work after their union struck a deal with the Rotterdam port authority.\n\n" +
        "\"We have an agreement that protects every job,\" Maria Jansen said on Tuesday. " +
        "Jansen added that the union would \"watch every clause\" of the agreement.";

    public const string HostileText =
        "Click <img src=x onerror=alert(1)> for more. A link: javascript:alert(2) and <a href=\"javascript:alert(3)\">this</a>.\n\n" +
        "Mallory said \"<script>alert(4)</script> is harmless\" & left.";

    public static TextSpan Span(string text, string part, int occurrence = 0)
    {
        var at = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            at = text.IndexOf(part, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"'{part}' occurs fewer than {occurrence + 1} times");
        }
        return TextSpan.FromLength(at, part.Length);
    }

    [GeneratedRegex(@"\w+|[^\w\s]")]
    private static partial Regex TokenPattern();

    /// <summary>The structural layers every document gets: paragraphs, sentences and tokens.</summary>
    private static Document WithStructure(Document document)
    {
        var text = document.Text;
        var paragraphs = new List<Paragraph>();
        var start = 0;
        foreach (var part in text.Split("\n\n"))
        {
            paragraphs.Add(new Paragraph(TextSpan.FromLength(start, part.Length)));
            start += part.Length + 2;
        }
        var sentences = Regex.Matches(text, @"[^.!?\n]+[.!?]+(""|”)?")
            .Select(m => new Sentence(new TextSpan(m.Index + (m.Length - m.Value.TrimStart().Length), m.Index + m.Length)));
        var tokens = TokenPattern().Matches(text).Select(m => new Token(TextSpan.FromLength(m.Index, m.Length),
            char.IsDigit(m.Value[0]) ? TokenKind.Number : char.IsLetter(m.Value[0]) ? TokenKind.Word : TokenKind.Punctuation));
        return document
            .With(Layers.Paragraphs, paragraphs, "paragraphs", "1")
            .With(Layers.Sentences, sentences, "sentences", "1.2")
            .With(Layers.Tokens, tokens, "tokens", "1");
    }

    public static Document Gazette()
    {
        var t = GazetteText;
        var doc = WithStructure(new Document("a1b2c3d4e5f60718", "inputs/gazette/strike.html", t, new DocumentMetadata
        {
            Outlet = "Harbour Gazette",
            Title = "Dockworkers and port authority agree to end strike",
            Authors = ["Anna Kowalska", "Tom Reed"],
            Published = new LocalDate(2025, 3, 4),
            Language = "en",
            Url = "https://gazette.example/news/strike-ends",
        }) { Removed = [new RemovedText("Sign up for our morning newsletter", "newsletter appeal"), new RemovedText("Read more: port news", "related link")] });
        var speakerSpan = Span(t, "Maria Jansen");
        return doc
            .With(Layers.Entities, [
                new EntityMention(Span(t, "ROTTERDAM"), "ROTTERDAM", EntityLabel.LOC, "GPE", "rotterdam"),
                new EntityMention(speakerSpan, "Maria Jansen", EntityLabel.PER, null, "maria-jansen"),
                new EntityMention(Span(t, "Pieter de Vries"), "Pieter de Vries", EntityLabel.PER, null, "pieter-de-vries"),
                new EntityMention(Span(t, "The Hague"), "The Hague", EntityLabel.LOC, "GPE", "NLD"),
                new EntityMention(Span(t, "union leader"), "union leader", EntityLabel.MISC, "TITLE"),
            ], "actors", "0.3")
            .With(Layers.Numbers, [
                new NumberMention(Span(t, "nine"), "nine", NumberKind.Cardinal, 9m),
                new NumberMention(Span(t, "48 hours"), "48 hours", NumberKind.Quantity, 48m, "hour"),
                new NumberMention(Span(t, "€30 million"), "€30 million", NumberKind.Money, 30_000_000m, "EUR"),
            ], "numbers", "1")
            .With(Layers.Times, [
                new TimeExpression(Span(t, "Tuesday"), "Tuesday", TimexType.DATE, "2025-03-04", "2025-03-04"),
                new TimeExpression(Span(t, "nine-day"), "nine-day", TimexType.DURATION, "P9D"),
                new TimeExpression(Span(t, "within 48 hours"), "within 48 hours", TimexType.DURATION, "PT48H"),
                new TimeExpression(Span(t, "a day"), "a day", TimexType.SET, "P1D"),
            ], "times", "2")
            .With(Layers.Quotes, [
                new Quote(Span(t, "\"We have an agreement that protects every job,\""), "We have an agreement that protects every job,",
                    QuoteKind.Direct, new Speaker("Maria Jansen", "maria-jansen", speakerSpan), "told", Span(t, "told"), "press",
                    AttributionCertainty.Direct, "reporters", "2025-03-04"),
                new Quote(Span(t, "\"a fair compromise\""), "a fair compromise", QuoteKind.Partial,
                    new Speaker("Pieter de Vries", "pieter-de-vries", Span(t, "Pieter de Vries")), "said", Span(t, "said", 1), null,
                    AttributionCertainty.Direct),
                new Quote(Span(t, "Shipping lines had warned that the stoppage cost about €30 million a day"), "the stoppage cost about €30 million a day",
                    QuoteKind.Indirect, null, "warned", Span(t, "warned"), null, AttributionCertainty.Unnamed),
            ], "quotes", "1.0")
            .With(Layers.Events, [
                new EventMention(Span(t, "reached a deal on Tuesday to end a nine-day strike"), "AGREE", "sign",
                    new ActorRef("port-authority-of-rotterdam", "Port Authority of Rotterdam", "BUS"),
                    new ActorRef("dockworkers-union", "Dockworkers' Union"), "2025-03-04", "Rotterdam", 0.82, "labour dispute", "reached a deal"),
                new EventMention(Span(t, "welcomed the accord"), "CONSULT", "comment", new ActorRef("NLD", "Netherlands", "GOV"), null,
                    null, null, 0.4),
            ], "events", "0.9")
            .With(Layers.Stances, [
                new StanceMention(Span(t, "reached a deal on Tuesday to end a nine-day strike"), "strike_ends",
                    new ActorRef("maria-jansen", "Maria Jansen"), Stance.Support, "2025-03-04"),
                new StanceMention(Span(t, "cranes would restart within 48 hours"), "strike_ends",
                    new ActorRef("pieter-de-vries", "Pieter de Vries"), Stance.Conditional, "2025-03-04", "if the vote passes"),
            ], "stances", "0.1");
    }

    public static Document Wire()
    {
        var t = WireText;
        var doc = WithStructure(new Document("0f1e2d3c4b5a6978", "https://wire.example/2025/03/04/dock", t, new DocumentMetadata
        {
            Outlet = "Nordic Wire",
            Title = "Dutch dockers to return to work",
            Published = new LocalDate(2025, 3, 4),
            PublishedInferred = true,
            Language = "en",
        }));
        return doc
            .With(Layers.Entities, [
                new EntityMention(Span(t, "Rotterdam"), "Rotterdam", EntityLabel.LOC, "GPE", "rotterdam"),
                new EntityMention(Span(t, "Maria Jansen"), "Maria Jansen", EntityLabel.PER, null, "maria-jansen"),
                new EntityMention(Span(t, "Jansen", 1), "Jansen", EntityLabel.PER, null, "maria-jansen"),
            ], "actors", "0.3")
            .With(Layers.Times, [new TimeExpression(Span(t, "Tuesday"), "Tuesday", TimexType.DATE, "2025-03-04")], "times", "2")
            .With(Layers.Quotes, [
                new Quote(Span(t, "\"We have an agreement that protects every job,\""), "We have an agreement that protects every job,",
                    QuoteKind.Direct, new Speaker("Maria Jansen", "maria-jansen", Span(t, "Maria Jansen")), "said", Span(t, "said"), null,
                    AttributionCertainty.Direct),
                new Quote(Span(t, "\"watch every clause\""), "watch every clause", QuoteKind.Partial,
                    new Speaker("Jansen", "maria-jansen", Span(t, "Jansen", 1)), "added", Span(t, "added"), null, AttributionCertainty.Direct),
            ], "quotes", "1.0")
            .With(Layers.Events, [], "events", "0.9");
    }

    /// <summary>A document whose every field carries markup or script, as a hostile page would.</summary>
    public static Document Hostile()
    {
        var t = HostileText;
        return new Document("ffffeeeeddddcccc", "javascript:alert('source')", t, new DocumentMetadata
        {
            Outlet = "<b onmouseover=alert(5)>Evil</b>",
            Title = "<script>alert(1)</script>",
            Authors = ["\"><svg onload=alert(6)>"],
            Url = "javascript:alert(7)",
        })
        { Removed = [new RemovedText("<iframe src=javascript:alert(8)>", "<i>reason</i>")] }
            .With(Layers.Entities, [new EntityMention(Span(t, "Mallory"), "Mallory", EntityLabel.PER, null, "<mallory>")], "actors", "0.3")
            .With(Layers.Quotes, [
                new Quote(Span(t, "\"<script>alert(4)</script> is harmless\""), "<script>alert(4)</script> is harmless", QuoteKind.Direct,
                    new Speaker("Mallory", "<mallory>", Span(t, "Mallory")), "said", Span(t, "said"), "<img src=x onerror=alert(9)>",
                    AttributionCertainty.Direct),
            ], "quotes", "1.0");
    }

    public static Corpus Corpus(bool withHostile = false)
    {
        var gazette = Gazette();
        var wire = Wire();
        var jobQuote = "\"We have an agreement that protects every job,\"";
        var corpus = new Corpus
        {
            Documents = withHostile ? [gazette, wire, Hostile()] : [gazette, wire],
            Entities = [
                new CanonicalEntity("maria-jansen", "Maria Jansen", "PER", ["Jansen", "Maria Jansen"], "NLD", null,
                    [new Role("union leader", "2025-03-04", gazette.Id)]),
                new CanonicalEntity("pieter-de-vries", "Pieter de Vries", "PER", ["de Vries"], "NLD", null,
                    [new Role("chairman", "2025-03-04", gazette.Id)]),
                new CanonicalEntity("NLD", "Netherlands", "GPE", ["The Hague", "Dutch"], "NLD", "Q55", []),
            ],
            Stories = [
                new Story("s-2025-03-04-dock-strike", "Rotterdam dock strike ends", "2025-03-04", [gazette.Id, wire.Id],
                    "The port authority and the union agreed to end a nine-day strike.", "Rotterdam port labour dispute"),
            ],
            Alignments = [
                new Alignment("s-2025-03-04-dock-strike", AlignmentKind.Quote, "We have an agreement that protects every job,",
                    [new DocSpan(gazette.Id, Span(GazetteText, jobQuote).Start, Span(GazetteText, jobQuote).End),
                     new DocSpan(wire.Id, Span(WireText, jobQuote).Start, Span(WireText, jobQuote).End)],
                    "maria-jansen", "press", "Harbour Gazette"),
                new Alignment("s-2025-03-04-dock-strike", AlignmentKind.Claim, "the strike lasted nine days",
                    [new DocSpan(gazette.Id, Span(GazetteText, "nine-day strike").Start, Span(GazetteText, "nine-day strike").End)]),
            ],
            Discrepancies = [
                new Discrepancy("s-2025-03-04-dock-strike", wire.Id, "omission", "cranes would restart within 48 hours",
                    0, 0, "Nordic Wire does not report when work restarts; Harbour Gazette does."),
            ],
            Positions = [
                new Position("strike_ends", "maria-jansen", Stance.Support, "2025-03-04", [
                    new Evidence(gazette.Id, Span(GazetteText, "reached a deal").Start, Span(GazetteText, "reached a deal").End, "Harbour Gazette", "reached a deal"),
                    new Evidence(wire.Id, Span(WireText, "struck a deal").Start, Span(WireText, "struck a deal").End, "Nordic Wire"),
                ]),
                new Position("strike_ends", "pieter-de-vries", Stance.Conditional, "2025-03-04", [
                    new Evidence(gazette.Id, Span(GazetteText, "cranes would restart").Start, Span(GazetteText, "cranes would restart").End, "Harbour Gazette"),
                ], "if the vote passes"),
                new Position("port_automation", "NLD", Stance.Undecided, null, []),
            ],
        };
        if (!withHostile) return corpus;
        var hostile = Hostile();
        var at = Span(HostileText, "<script>alert(4)</script>");
        return corpus with
        {
            Entities = corpus.Entities.Add(new CanonicalEntity("<mallory>", "<img src=x onerror=alert(10)>", "PER\"><x>",
                ["javascript:alert(11)"], "<c>", "javascript:alert(12)", [new Role("<u>boss</u>", null, hostile.Id)])),
            Stories = corpus.Stories.Add(new Story("<story>", "<script>alert(13)</script>", "<d>", [hostile.Id],
                "<img src=x onerror=alert(14)>", "<s>")),
            Alignments = corpus.Alignments.Add(new Alignment("<story>", AlignmentKind.Quote, "<script>alert(15)</script>",
                [new DocSpan(hostile.Id, at.Start, at.End)], "<mallory>", "<ch>", "<o>")),
            Discrepancies = corpus.Discrepancies.Add(new Discrepancy("<story>", hostile.Id, "<k>", "<t>", 0, 5, "<e onclick=x>")),
            Positions = corpus.Positions.Add(new Position("<issue onclick=alert(16)>", "<mallory>", Stance.Oppose, "<date>",
                [new Evidence(hostile.Id, at.Start, at.End, "<outlet>", "<script>alert(17)</script>")], "<cond>")),
        };
    }
}
