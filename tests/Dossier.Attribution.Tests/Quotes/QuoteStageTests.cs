using Dossier.Attribution;
using Dossier.Attribution.Quotes;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Testing;
using NodaTime;
using static Dossier.Testing.HandMadeDocuments;

namespace Dossier.Attribution.Tests.Quotes;

public class QuoteStageTests
{
    private static readonly Mark Okafor = Person("Amara Okafor", "amara-okafor");
    private static readonly Mark OkaforShort = Person("Okafor", "amara-okafor");
    private static readonly Mark Lindqvist = Person("Erik Lindqvist", "erik-lindqvist");
    private static readonly Mark LindqvistShort = Person("Lindqvist", "erik-lindqvist");
    private static readonly Mark Kremlin = Metonym("the Kremlin", "RUS");
    private static readonly Mark Peskov = Person("Dmitry Peskov", "dmitry-peskov");

    private static IReadOnlyList<Quote> Run(Document doc) =>
        new QuoteStage().Process(doc, StageContext.Default()).Layer(Layers.Quotes);

    private static Quote Only(IReadOnlyList<Quote> quotes, QuoteKind kind) => Assert.Single(quotes, q => q.Kind == kind);

    [Fact]
    public void A_speaker_is_named_by_name_not_by_the_title_that_carries_the_same_id()
    {
        var title = new Mark("Deputy Agriculture Minister", EntityLabel.MISC, "TITLE", "lena-berg");
        var doc = Build("“We will not sign this week,” Deputy Agriculture Minister Lena Berg said.", title, Person("Lena Berg", "lena-berg"));
        var q = Only(Run(doc), QuoteKind.Direct);
        Assert.Equal("lena-berg", q.Speaker!.EntityId);
        Assert.Equal("Lena Berg", q.Speaker.Name);
    }

    [Fact]
    public void A_name_after_a_dash_speaks_the_quotation_before_it()
    {
        var doc = Build("Readers wrote in about the new bridge toll.\n“It doubles my commute costs overnight.” — Amara Okafor, 41, nurse\n“Worth it if the repairs end.” ― Erik Lindqvist",
            Okafor, Lindqvist);
        var quotes = Run(doc).Where(q => q.Kind == QuoteKind.Direct).ToList();
        Assert.Equal(2, quotes.Count);
        Assert.Equal("amara-okafor", quotes[0].Speaker?.EntityId);
        Assert.Equal("erik-lindqvist", quotes[1].Speaker?.EntityId);
    }

    [Fact]
    public void Quote_then_cue_names_the_speaker()
    {
        var doc = Build("“The harvest will be late this year,” Amara Okafor said on Tuesday.", Okafor);
        var q = Only(Run(doc), QuoteKind.Direct);
        Assert.Equal("The harvest will be late this year,", q.Text);
        Assert.Equal("“The harvest will be late this year,”", doc.TextOf(q.Span));
        Assert.Equal("said", q.Cue);
        Assert.Equal("Amara Okafor", q.Speaker?.Name);
        Assert.Equal("amara-okafor", q.Speaker?.EntityId);
        Assert.Equal("Amara Okafor", doc.TextOf(q.Speaker!.Span));
        Assert.Equal(AttributionCertainty.Direct, q.Certainty);
    }

    [Fact]
    public void Inverted_cue_with_a_title()
    {
        var doc = Build("Minister Amara Okafor met farmers. “Prices must come down,” said Trade Minister Erik Lindqvist.", Okafor, Lindqvist);
        var q = Only(Run(doc), QuoteKind.Direct);
        Assert.Equal("erik-lindqvist", q.Speaker?.EntityId);
    }

    [Fact]
    public void Cue_then_colon_then_quote()
    {
        var doc = Build("Erik Lindqvist said on Monday: “We will not sign this agreement.”", Lindqvist);
        var q = Only(Run(doc), QuoteKind.Direct);
        Assert.Equal("erik-lindqvist", q.Speaker?.EntityId);
        Assert.Equal("said", q.Cue);
    }

    [Fact]
    public void Speaker_colon_quote()
    {
        var doc = Build("Okafor: “The port stays open.”", OkaforShort);
        var q = Only(Run(doc), QuoteKind.Direct);
        Assert.Equal("amara-okafor", q.Speaker?.EntityId);
        Assert.Equal(":", q.Cue);
    }

    [Fact]
    public void Participle_cue_stating()
    {
        var doc = Build("The ministry released a note, with Erik Lindqvist stating: “Exports rose by a third.”", Lindqvist);
        var q = Only(Run(doc), QuoteKind.Direct);
        Assert.Equal("erik-lindqvist", q.Speaker?.EntityId);
        Assert.Equal("stating", q.Cue);
    }

    [Fact]
    public void Short_name_resolves_to_the_full_name_of_the_same_actor()
    {
        var doc = Build("Amara Okafor visited the dam. “It held,” Okafor said.", Okafor, OkaforShort);
        var q = Only(Run(doc), QuoteKind.Direct);
        Assert.Equal("Amara Okafor", q.Speaker?.Name);
        Assert.Equal("Okafor", doc.TextOf(q.Speaker!.Span));
    }

    [Fact]
    public void Pronoun_resolves_to_the_subject_of_the_previous_sentence()
    {
        var doc = Build("Erik Lindqvist rejected Amara Okafor's plan on Friday. “It costs too much,” he said.", Lindqvist, Okafor);
        var q = Only(Run(doc), QuoteKind.Direct);
        Assert.Equal("erik-lindqvist", q.Speaker?.EntityId);
        Assert.Equal("he", doc.TextOf(q.Speaker!.Span));
    }

    [Fact]
    public void Description_resolves_to_the_actor_with_that_title()
    {
        var doc = Build(
            "President Amara Okafor flew to Oslo, where she met Erik Lindqvist. “We found common ground,” the president said.",
            Okafor, Lindqvist, Place("Oslo"));
        var q = Only(Run(doc), QuoteKind.Direct);
        Assert.Equal("amara-okafor", q.Speaker?.EntityId);
        Assert.Equal("the president", doc.TextOf(q.Speaker!.Span));
    }

    [Fact]
    public void Description_with_no_compatible_actor_stays_unresolved()
    {
        var doc = Build("Erik Lindqvist arrived late. “We are ready,” the minister said.", Lindqvist);
        var q = Only(Run(doc), QuoteKind.Direct);
        Assert.Equal("the minister", q.Speaker?.Name);
        Assert.Null(q.Speaker?.EntityId);
    }

    [Fact]
    public void Possessive_administration_speaks_for_its_head()
    {
        var doc = Build("Amara Okafor took office in May. Her administration said the tariffs would stay.", Okafor);
        var q = Only(Run(doc), QuoteKind.Indirect);
        Assert.Equal("amara-okafor", q.Speaker?.EntityId);
        Assert.Equal("Her administration", doc.TextOf(q.Speaker!.Span));
    }

    [Fact]
    public void Metonym_speaker_keeps_the_state_id()
    {
        var doc = Build("“The proposal is premature,” the Kremlin said in a statement.", Kremlin);
        var q = Only(Run(doc), QuoteKind.Direct);
        Assert.Equal("RUS", q.Speaker?.EntityId);
        Assert.Equal("statement", q.Channel);
    }

    [Fact]
    public void Appositive_between_speaker_and_cue()
    {
        var doc = Build("“No date has been set,” Dmitry Peskov, the Kremlin spokesman, told reporters.", Peskov, Kremlin);
        var q = Only(Run(doc), QuoteKind.Direct);
        Assert.Equal("dmitry-peskov", q.Speaker?.EntityId);
        Assert.Equal("reporters", q.Channel);
        Assert.Equal("reporters", q.Addressee);
    }

    [Fact]
    public void Continuing_quote_inherits_the_speaker()
    {
        var doc = Build(
            "“The levees held,” Amara Okafor wrote on Facebook. “Thank you to every volunteer!”\n\n“We start cleaning tomorrow.”",
            Okafor);
        var quotes = Run(doc).Where(q => q.Kind == QuoteKind.Direct).ToList();
        Assert.Equal(3, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("amara-okafor", q.Speaker?.EntityId));
        Assert.All(quotes, q => Assert.Equal("Facebook", q.Channel));
        Assert.Null(quotes[1].Cue);
    }

    [Fact]
    public void A_quote_after_another_speaker_is_mentioned_does_not_inherit()
    {
        var doc = Build(
            "“The levees held,” Amara Okafor said. Erik Lindqvist disagreed with the figures.\n\n“Two of them failed.”",
            Okafor, Lindqvist);
        var last = Run(doc).Last(q => q.Kind == QuoteKind.Direct);
        Assert.Null(last.Speaker);
        Assert.Equal(AttributionCertainty.Unattributed, last.Certainty);
    }

    [Fact]
    public void Partial_quote_in_a_reporters_sentence()
    {
        var doc = Build("Lindqvist said he was in “serious talks” with the unions about wages.", LindqvistShort);
        var quotes = Run(doc);
        var partial = Only(quotes, QuoteKind.Partial);
        Assert.Equal("serious talks", partial.Text);
        Assert.Equal("erik-lindqvist", partial.Speaker?.EntityId);
        var indirect = Only(quotes, QuoteKind.Indirect);
        Assert.Equal("he was in “serious talks” with the unions about wages", doc.TextOf(indirect.Span));
    }

    [Fact]
    public void Scare_quoted_title_inside_or_outside_quotes_is_not_a_quote()
    {
        var doc = Build(
            "The plan, known as the “Blue Corridor Initiative”, was shelved. “We still support the “Blue Corridor Initiative” in principle,” Okafor said.",
            OkaforShort);
        var quotes = Run(doc).Where(q => q.Kind != QuoteKind.Indirect).ToList();
        var q = Assert.Single(quotes);
        Assert.StartsWith("We still support", q.Text);
    }

    [Fact]
    public void A_sentence_ending_in_a_bare_cue_introduces_the_quotation_after_it()
    {
        var doc = Build("Amara Okafor, the chair of the regional water board, said of the new dam. “It will hold for a century.”", Okafor);
        var q = Only(new QuoteStage(null).Process(doc, StageContext.Default()).Layer(Layers.Quotes), QuoteKind.Direct);
        Assert.Equal("amara-okafor", q.Speaker?.EntityId);
        Assert.Equal("said", q.Cue);
    }

    [Fact]
    public void A_sentence_that_reports_a_clause_of_its_own_does_not_introduce_the_next_quotation()
    {
        var doc = Build("Amara Okafor said that the dam was safe. “The river is calm tonight.”", Okafor);
        var q = Only(new QuoteStage(null).Process(doc, StageContext.Default()).Layer(Layers.Quotes), QuoteKind.Direct);
        Assert.Null(q.Speaker);
    }

    [Theory]
    [InlineData("“The bill is dead,” the senators said.", "the senators")]
    [InlineData("“The bill is dead,” some Republicans said.", "some Republicans")]
    [InlineData("“The bill is dead,” environmental groups said in a statement.", "environmental groups")]
    public void A_group_can_be_the_speaker(string text, string speaker)
    {
        var doc = Build(text);
        var q = Only(new QuoteStage(null).Process(doc, StageContext.Default()).Layer(Layers.Quotes), QuoteKind.Direct);
        Assert.Equal(speaker, doc.TextOf(q.Speaker!.Span));
    }

    [Fact]
    public void Quote_with_no_speaker_anywhere_gets_none()
    {
        var doc = Build("“Never again.” The words were painted on the wall of the old station.");
        var q = Assert.Single(Run(doc));
        Assert.Null(q.Speaker);
        Assert.Equal(AttributionCertainty.Unattributed, q.Certainty);
    }

    [Theory]
    [InlineData("Erik Lindqvist said that the border would reopen in spring.", "that the border would reopen in spring", "said")]
    [InlineData("Erik Lindqvist emphasized that the border would reopen in spring.", "that the border would reopen in spring", "emphasized")]
    [InlineData("Erik Lindqvist told reporters the border would reopen in spring.", "the border would reopen in spring", "told")]
    [InlineData("Erik Lindqvist warned that the border would stay shut.", "that the border would stay shut", "warned")]
    [InlineData("Erik Lindqvist claimed the border had never been closed.", "the border had never been closed", "claimed")]
    [InlineData("The border would reopen in spring, Erik Lindqvist said.", "The border would reopen in spring", "said")]
    [InlineData("According to Erik Lindqvist, the border would reopen in spring.", "the border would reopen in spring", "According to")]
    [InlineData("The border would reopen in spring, according to Erik Lindqvist.", "The border would reopen in spring", "according to")]
    public void Indirect_speech_content_and_speaker(string text, string content, string cue)
    {
        var doc = Build(text, Lindqvist);
        var q = Only(Run(doc), QuoteKind.Indirect);
        Assert.Equal(content, doc.TextOf(q.Span));
        Assert.Equal(cue, q.Cue);
        Assert.Equal("erik-lindqvist", q.Speaker?.EntityId);
    }

    [Fact]
    public void A_verb_that_is_not_speech_gives_no_indirect_quote()
    {
        var doc = Build("Erik Lindqvist claimed victory after the count. The report described the vote.", Lindqvist);
        Assert.Empty(Run(doc));
    }

    [Theory]
    [InlineData("“Talks went well,” Amara Okafor wrote on Truth Social.", "Truth Social", AttributionCertainty.Direct)]
    [InlineData("“Talks went well,” Amara Okafor posted on X.", "X", AttributionCertainty.Direct)]
    [InlineData("“Talks went well,” Amara Okafor wrote on Telegram.", "Telegram", AttributionCertainty.Direct)]
    [InlineData("“Talks went well,” Amara Okafor said at a press conference.", "press conference", AttributionCertainty.Direct)]
    [InlineData("“Talks went well,” Amara Okafor said in her nightly video address.", "video address", AttributionCertainty.Direct)]
    [InlineData("“Talks went well,” Amara Okafor told the BBC.", "BBC", AttributionCertainty.Relayed)]
    [InlineData("“Talks went well,” Amara Okafor said in an interview with Reuters.", "Reuters", AttributionCertainty.Relayed)]
    [InlineData("Amara Okafor wrote in Izvestia: “Talks went well.”", "Izvestia", AttributionCertainty.Relayed)]
    public void Channels_and_certainty(string text, string channel, AttributionCertainty certainty)
    {
        var q = Only(Run(Build(text, Okafor)), QuoteKind.Direct);
        Assert.Equal(channel, q.Channel);
        Assert.Equal(certainty, q.Certainty);
        Assert.Equal("amara-okafor", q.Speaker?.EntityId);
    }

    [Fact]
    public void Addressee_when_stated()
    {
        var q = Only(Run(Build("“We are not leaving,” Amara Okafor told Fox News.", Okafor, Org("Fox News", "fox-news"))), QuoteKind.Direct);
        Assert.Equal("Fox News", q.Addressee);
        Assert.Equal("Fox News", q.Channel);
        Assert.Equal(AttributionCertainty.Relayed, q.Certainty);
    }

    [Fact]
    public void According_to_an_agency_is_relayed()
    {
        var doc = Build("According to TASS, Dmitry Peskov said the meeting would take place in Riyadh.", Peskov, Org("TASS", "tass"));
        var q = Only(Run(doc), QuoteKind.Indirect);
        Assert.Equal(AttributionCertainty.Relayed, q.Certainty);
        Assert.Equal("TASS", q.Channel);
    }

    [Theory]
    [InlineData("“The convoy left at dawn,” officials said.")]
    [InlineData("“The convoy left at dawn,” a source familiar with the talks said.")]
    [InlineData("“The convoy left at dawn,” two senior diplomats told reporters.")]
    public void Unnamed_sources(string text)
    {
        var q = Only(Run(Build(text)), QuoteKind.Direct);
        Assert.Equal(AttributionCertainty.Unnamed, q.Certainty);
        Assert.NotNull(q.Speaker);
        Assert.Null(q.Speaker!.EntityId);
    }

    [Fact]
    public void Speech_date_when_it_differs_from_the_report()
    {
        var doc = Build("“The dam is safe,” Amara Okafor said on Sunday.", new LocalDate(2025, 3, 4),
            [("on Sunday", TimexType.DATE, "2025-03-02")], Okafor);
        var q = Only(Run(doc), QuoteKind.Direct);
        Assert.Equal("2025-03-02", q.SpeechDate);
    }

    [Fact]
    public void Quote_across_paragraphs_is_one_quote_with_one_speaker()
    {
        var doc = Build("Erik Lindqvist said:\n\n“First, we cut the tariffs.\n\n“Then we talk about quotas.”", Lindqvist);
        var q = Only(Run(doc), QuoteKind.Direct);
        Assert.Equal("First, we cut the tariffs. Then we talk about quotas.", q.Text);
        Assert.Equal("erik-lindqvist", q.Speaker?.EntityId);
    }

    [Fact]
    public void Unbalanced_mark_does_not_swallow_the_document()
    {
        var doc = Build("Okafor said “the levees held.\n\nThe river fell overnight.\n\n“We were lucky,” Okafor said.", OkaforShort);
        var direct = Run(doc).Where(q => q.Kind != QuoteKind.Indirect).ToList();
        var q = Assert.Single(direct);
        Assert.Equal("We were lucky,", q.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\u0001\u0002 ÿþ \uFFFD”“’‘\"'«»")]
    [InlineData("said said said: : : “ ” ,”")]
    public void Junk_never_crashes_or_invents_speakers(string text)
    {
        var quotes = Run(Build(text));
        Assert.All(quotes, q => Assert.Null(q.Speaker?.EntityId));
    }

    [Fact]
    public void Ten_thousand_quotes_in_one_document()
    {
        var text = string.Concat(Enumerable.Repeat("“We are ready,” Okafor said. ", 10_000));
        var quotes = Run(Build(text, OkaforShort));
        Assert.Equal(10_000, quotes.Count(q => q.Kind == QuoteKind.Direct));
        Assert.All(quotes, q => Assert.Equal("amara-okafor", q.Speaker?.EntityId));
    }

    [Fact]
    public void Stage_contract()
    {
        var stage = new QuoteStage();
        Assert.Equal("quotes", stage.Name);
        Assert.Equal(["sentences", "tokens", "actors"], stage.Requires);
        Assert.Equal(["quotes"], stage.Provides);
    }
}

public class QuotePipelineTests
{
    [Fact]
    public void UseQuotes_needs_sentences_tokens_and_actors()
    {
        Assert.Throws<InvalidOperationException>(() => new PipelineBuilder().UseQuotes().Build());
        var pipeline = new PipelineBuilder().Use(new ProvidingStage("sentences", "tokens", "actors")).UseQuotes().Build();
        Assert.Equal("quotes", pipeline.DocumentStages[^1].Name);
    }
}

public class QuoteRobustnessTests
{
    /// <summary>Random mixes of cue words, names, quotation marks and punctuation never make the stage throw.</summary>
    [Fact]
    public void Random_cue_soup_never_throws_and_spans_stay_inside_the_text()
    {
        string[] pieces = ["said", "told", "reporters", "according to", "put it", "Okafor", "he", "that", ".", ",", ":", "“", "”",
            "\"", "'", "’", "«", "»", "\n", "\n\n", " ", "the president", "officials", "wrote on X", "?", "!", ";", "—"];
        var random = new Random(20250304);
        for (var n = 0; n < 300; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 60)).Select(_ => pieces[random.Next(pieces.Length)] + (random.Next(3) == 0 ? "" : " ")));
            var doc = HandMadeDocuments.Build(text, HandMadeDocuments.Person("Okafor", "amara-okafor"));
            var quotes = new QuoteStage().Process(doc, StageContext.Default()).Layer(Layers.Quotes);
            Assert.All(quotes, q => Assert.True(q.Span.End <= text.Length && q.Span.Start >= 0));
        }
    }
}
