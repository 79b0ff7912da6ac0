using Dossier.Core.Model;
using Dossier.Corpus.Positions;

namespace Dossier.Corpus.Tests;

public sealed class StanceTests
{
    private static IReadOnlyList<StanceMention> Stances(DocBuilder builder) => new StanceStage().Find(builder.Build());

    private static string Cells(IEnumerable<StanceMention> stances) =>
        string.Join("; ", stances.Select(s => $"{s.Actor.EntityId} {s.Stance} {s.Issue}").Order(StringComparer.Ordinal));

    [Fact]
    public void Rejection_by_a_state_named_by_its_demonym_is_opposition()
    {
        var text = "Russian officials have rejected the idea of deploying European troops to Ukraine after a truce.";
        var s = Stances(new DocBuilder("d", text).Entity("Russian", "RUS", EntityLabel.MISC, "NORP").Entity("Ukraine", "UKR", EntityLabel.LOC));
        Assert.Contains(s, m => m.Actor.EntityId == "RUS" && m.Issue == "peacekeeping" && m.Stance == Stance.Oppose);
        Assert.DoesNotContain(s, m => m.Actor.EntityId == "UKR");
    }

    [Fact]
    public void Elliptical_second_clause_repeats_the_cue_negated_and_yet_leaves_it_open()
    {
        var text = "Mediators in Doha floated a 60-day truce on Friday. Kyiv is on board; Moscow is not, at least not yet.";
        var s = Stances(new DocBuilder("d", text).Entity("Kyiv", "UKR", EntityLabel.LOC).Entity("Moscow", "RUS", EntityLabel.LOC));
        Assert.Equal("RUS Undecided ceasefire; UKR Support ceasefire", Cells(s));
    }

    [Fact]
    public void Demand_with_must_is_conditional_and_carries_the_condition()
    {
        var text = "The Kremlin insists that any truce must freeze the front line and bar Ukraine from NATO.";
        var s = Stances(new DocBuilder("d", text).Entity("Kremlin", "RUS", EntityLabel.ORG).Entity("Ukraine", "UKR", EntityLabel.LOC));
        var conditional = Assert.Single(s, m => m.Issue == "ceasefire");
        Assert.Equal(Stance.Conditional, conditional.Stance);
        Assert.Equal("RUS", conditional.Actor.EntityId);
        Assert.Equal("freeze the front line and bar Ukraine from NATO", conditional.Condition);
        Assert.Contains(s, m => m.Issue == "ukraine_nato" && m.Actor.EntityId == "RUS" && m.Stance == Stance.Oppose);
    }

    [Fact]
    public void Uncommitted_state_is_undecided_while_the_minister_in_the_main_clause_supports()
    {
        var text = "While Germany has not committed to easing sanctions on Russia, Chancellor Olaf Scholz made clear that sanctions relief could be part of a settlement.";
        var s = Stances(new DocBuilder("d", text).Entity("Germany", "DEU", EntityLabel.LOC).Entity("Russia", "RUS", EntityLabel.LOC)
            .Entity("Olaf Scholz", "olaf-scholz"));
        Assert.Equal("DEU Undecided sanctions_relief; olaf-scholz Support sanctions_relief", Cells(s));
    }

    [Fact]
    public void Negated_support_is_opposition()
    {
        var text = "Hungary does not support further military aid to Ukraine, its foreign minister said.";
        var s = Stances(new DocBuilder("d", text).Entity("Hungary", "HUN", EntityLabel.LOC).Entity("Ukraine", "UKR", EntityLabel.LOC));
        Assert.Equal("HUN Oppose military_aid", Cells(s));
    }

    [Fact]
    public void First_person_quote_gives_the_stance_to_the_speaker()
    {
        var text = "“We will never accept foreign troops on our soil,” Kremlin spokesman Dmitry Peskov told reporters on Tuesday.";
        var s = Stances(new DocBuilder("d", text).Entity("Dmitry Peskov", "dmitry-peskov")
            .Quote("We will never accept foreign troops on our soil,", "Dmitry Peskov", "dmitry-peskov", "reporters"));
        Assert.Equal("dmitry-peskov Oppose peacekeeping", Cells(s));
    }

    [Fact]
    public void Someone_pressed_to_accept_holds_no_stance_but_the_one_pressing_does()
    {
        var text = "The White House is pressing Hamas to accept a ceasefire before the holiday.";
        var s = Stances(new DocBuilder("d", text).Entity("White House", "USA", EntityLabel.ORG).Entity("Hamas", "hamas", EntityLabel.ORG));
        Assert.Equal("USA Support ceasefire", Cells(s));
    }

    [Fact]
    public void Stance_date_is_the_sentence_date_else_the_publication_date()
    {
        var text = "On March 3, 2025, Poland backed a prisoner exchange. Lithuania welcomed the prisoner swap too.";
        var doc = new DocBuilder("d", text).Published(2025, 3, 5).Entity("Poland", "POL", EntityLabel.LOC).Entity("Lithuania", "LTU", EntityLabel.LOC)
            .Time("March 3, 2025", "2025-03-03");
        var s = Stances(doc);
        Assert.Equal("2025-03-03", Assert.Single(s, m => m.Actor.EntityId == "POL").Date);
        Assert.Equal("2025-03-05", Assert.Single(s, m => m.Actor.EntityId == "LTU").Date);
    }

    [Fact]
    public void Sentences_without_an_issue_or_without_an_actor_give_nothing()
    {
        var text = "Officials rejected the proposal. The weather in Geneva was mild and talks resumed.";
        Assert.Empty(Stances(new DocBuilder("d", text).Entity("Geneva", "geneva", EntityLabel.LOC)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\0\u0001\uFFFD")]
    [InlineData("“ceasefire ceasefire “ “ must must not")]
    public void Bad_input_does_not_crash(string text)
    {
        var doc = new Document("x", "x", text, new DocumentMetadata());
        var result = new StanceStage().Process(doc, TestCorpus.Context());
        Assert.True(result.Has(Layers.Stances));
    }

    [Fact]
    public void Huge_text_is_processed()
    {
        var sentence = "Norway supports a ceasefire and rejects sanctions relief. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 5000));
        var doc = new DocBuilder("big", text).Entity("Norway", "NOR", EntityLabel.LOC).Build();
        var stances = new StanceStage().Find(doc);
        Assert.Equal(10000, stances.Count);
    }
}
