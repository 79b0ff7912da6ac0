using System.Text.Json;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Events.Plover;
using Dossier.Testing;
using NodaTime;
using static Dossier.Testing.HandMadeDocuments;

namespace Dossier.Events.Tests.Plover;

public class EventStageTests
{
    private static readonly Mark Russia = State("Russia", "RUS");
    private static readonly Mark Ukraine = State("Ukraine", "UKR");
    private static readonly Mark Russian = new("Russian", EntityLabel.MISC, "NORP", "RUS");
    private static readonly Mark Poland = State("Poland", "POL");
    private static readonly Mark Kremlin = Metonym("the Kremlin", "RUS");
    private static readonly Mark Okafor = Person("Amara Okafor", "amara-okafor");
    private static readonly LocalDate Published = new(2025, 3, 4);

    private static IReadOnlyList<EventMention> Run(Document doc) =>
        new EventStage().Process(doc, StageContext.Default()).Layer(Layers.Events);

    private static EventMention Single(string text, params Mark[] marks) =>
        Assert.Single(Run(Build(text, Published, [], marks)));

    [Theory]
    [InlineData("Poland agreed to host the next round of talks.", "AGREE")]
    [InlineData("Poland held talks with Ukraine on grain exports.", "CONSULT")]
    [InlineData("Poland praised Ukraine for its reforms.", "SUPPORT")]
    [InlineData("Poland apologized to Ukraine for the remarks.", "SUPPORT")]
    [InlineData("Poland backed down after a week of pressure.", "CONCEDE")]
    [InlineData("Poland shared intelligence with Ukraine.", "COOPERATE")]
    [InlineData("Poland sent humanitarian aid to Ukraine.", "AID")]
    [InlineData("Poland withdrew its ambassador's staff from the border area.", "RETREAT")]
    [InlineData("Poland urged Ukraine to reopen the border.", "REQUEST")]
    [InlineData("Poland accused Ukraine of dumping grain.", "ACCUSE")]
    [InlineData("Poland rejected Ukraine's proposal.", "REJECT")]
    [InlineData("Poland threatened Ukraine with a full embargo.", "THREATEN")]
    [InlineData("Poland expelled three Ukrainian diplomats.", "SANCTION")]
    [InlineData("Poland deployed additional troops along the border.", "MOBILIZE")]
    [InlineData("Poland arrested two Ukrainian truck drivers.", "COERCE")]
    [InlineData("Russia shelled Ukraine's border villages overnight.", "ASSAULT")]
    public void Each_category_from_a_typical_sentence(string text, string type)
    {
        var ev = Run(Build(text, Published, [], Poland, Ukraine, Russia)).First();
        Assert.Equal(type, ev.Type);
    }

    [Fact]
    public void Protest_without_a_named_actor_has_a_civilian_sector()
    {
        var ev = Single("Protesters rallied outside the parliament in Warsaw.", Place("Warsaw", "warsaw"));
        Assert.Equal("PROTEST", ev.Type);
        Assert.Equal("demo", ev.Mode);
        Assert.Equal("CVL", ev.Source.Sector);
        Assert.Equal("Warsaw", ev.Location);
    }

    [Fact]
    public void Source_is_the_subject_and_target_the_object()
    {
        var ev = Single("Amara Okafor met Russia's foreign minister in Geneva.", Okafor, Russia, Place("Geneva", "geneva"));
        Assert.Equal("CONSULT", ev.Type);
        Assert.Equal("amara-okafor", ev.Source.EntityId);
        Assert.Equal("RUS", ev.Target?.EntityId);
        Assert.Equal("Geneva", ev.Location);
    }

    [Fact]
    public void Sector_from_the_words_around_the_actor()
    {
        var ev = Single("Russian troops attacked Ukraine's positions near the river.", Russian, Ukraine);
        Assert.Equal("ASSAULT", ev.Type);
        Assert.Equal("RUS", ev.Source.EntityId);
        Assert.Equal("MIL", ev.Source.Sector);
        Assert.Equal("UKR", ev.Target?.EntityId);
        Assert.Equal("GOV", ev.Target?.Sector);
    }

    [Fact]
    public void Metonym_is_its_state()
    {
        var ev = Single("The Kremlin rejected the proposal.", Metonym("The Kremlin", "RUS"));
        Assert.Equal("REJECT", ev.Type);
        Assert.Equal("RUS", ev.Source.EntityId);
    }

    [Fact]
    public void Passive_voice_swaps_source_and_target()
    {
        var ev = Single("Ukraine was attacked by Russia overnight.", Russia, Ukraine);
        Assert.Equal("RUS", ev.Source.EntityId);
        Assert.Equal("UKR", ev.Target?.EntityId);
    }

    [Fact]
    public void Threat_of_an_attack_is_a_threat_with_violence_mode()
    {
        var ev = Single("Russia threatened to attack Poland.", Russia, Poland);
        Assert.Equal("THREATEN", ev.Type);
        Assert.Equal("violence", ev.Mode);
    }

    [Fact]
    public void Request_to_meet_has_meet_mode()
    {
        var ev = Single("Ukraine called for talks with Russia.", Russia, Ukraine);
        Assert.Equal("REQUEST", ev.Type);
        Assert.Equal("meet", ev.Mode);
    }

    [Fact]
    public void Negation_is_an_auxiliary_context_and_lowers_confidence()
    {
        var plain = Single("Russia attacked Poland.", Russia, Poland);
        var negated = Single("Russia did not attack Poland.", Russia, Poland);
        Assert.Contains("negation", negated.Context ?? "");
        Assert.True(negated.Confidence < plain.Confidence);
    }

    [Fact]
    public void Date_from_a_time_expression_else_the_publication_date()
    {
        var withTime = Run(Build("Russia and Ukraine agreed on Sunday to swap prisoners.", Published,
            [("on Sunday", TimexType.DATE, "2025-03-02")], Russia, Ukraine)).First();
        Assert.Equal("2025-03-02", withTime.Date);
        Assert.Equal("2025-03-04", Single("Poland praised Ukraine.", Poland, Ukraine).Date);
    }

    [Fact]
    public void A_sentence_with_no_trigger_has_no_event()
    {
        Assert.Empty(Run(Build("The weather in Warsaw was mild for March.", Published, [], Place("Warsaw"))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\0\0 ÿ")]
    [InlineData("attack attack attack attack")]
    public void Junk_never_crashes(string text)
    {
        var events = Run(Build(text));
        Assert.All(events, e => Assert.InRange(e.Confidence, 0, 1));
    }

    [Fact]
    public void Plover_json_records_carry_the_manual_fields()
    {
        var doc = Build("Russia deployed troops to the border.", Published, [], Russia);
        doc = new EventStage().Process(doc, StageContext.Default());
        var json = PloverExport.ToJson(doc.Layer(Layers.Events).Select(e => (doc, e)));
        using var parsed = JsonDocument.Parse(json);
        var record = Assert.Single(parsed.RootElement.EnumerateArray());
        Assert.Equal("MOBILIZE", record.GetProperty("event")[0].GetString());
        Assert.Equal("troops", record.GetProperty("mode")[0].GetString());
        Assert.Equal("RUS", record.GetProperty("actor")[0].GetProperty("code").GetString());
        Assert.Equal("2025-03-04", record.GetProperty("date").GetString());
        Assert.Equal(4, record.GetProperty("quad_code").GetInt32());
        Assert.Equal("Russia deployed troops to the border.", record.GetProperty("text").GetString());
        Assert.False(string.IsNullOrEmpty(record.GetProperty("id").GetString()));
    }

    [Fact]
    public void Lexicon_resource_is_embedded_and_covers_all_sixteen_categories()
    {
        var types = PloverLexicon.Default.Patterns.Select(p => p.Type).Where(t => t is not (CameoLexiconGenerator.NoEvent or CameoLexiconGenerator.NotPlover)).ToHashSet();
        Assert.Equal(16, types.Count);
    }

    [Theory]
    [InlineData("ban", "banned")]
    [InlineData("kidnap", "kidnapped")]
    [InlineData("deny", "denied")]
    [InlineData("seize", "seizing")]
    [InlineData("meet", "met")]
    [InlineData("visit", "visited")]
    public void Verb_inflections(string lemma, string form)
    {
        Assert.Contains(form, Inflection.VerbForms(lemma));
    }

    [Fact]
    public void UseEvents_needs_sentences_actors_and_times()
    {
        Assert.Throws<InvalidOperationException>(() => new PipelineBuilder().Use(new ProvidingStage("sentences", "actors")).UseEvents().Build());
        var pipeline = new PipelineBuilder().Use(new ProvidingStage("sentences", "actors", "times")).UseEvents().Build();
        Assert.Equal("events", pipeline.DocumentStages[^1].Name);
    }

    [Fact]
    public void Stage_contract()
    {
        var stage = new EventStage();
        Assert.Equal("events", stage.Name);
        Assert.Equal(["sentences", "actors", "times"], stage.Requires);
        Assert.Equal(["events"], stage.Provides);
    }
}
