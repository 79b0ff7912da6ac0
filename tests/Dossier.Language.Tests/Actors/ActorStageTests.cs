using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Language.Actors;
using Dossier.Language.Tests.Support;

namespace Dossier.Language.Tests.Actors;

public class ActorStageTests
{
    private static readonly ActorStage Stage = new(ActorGazetteer.Default);

    private static Document Run(string marked) => Stage.Process(HandDocs.Make(marked), StageContext.Default());

    private static EntityMention At(Document doc, string surface, int occurrence = 0) =>
        doc.Layer(Layers.Entities).Where(m => m.Text == surface && m.Type != EntityTypes.Title).ElementAt(occurrence);

    private static EntityMention? TitleOf(Document doc, string title) =>
        doc.Layer(Layers.Entities).FirstOrDefault(m => m.Type == EntityTypes.Title && m.Text == title);

    [Fact]
    public void Aliases_of_one_person_fold_to_the_full_name_id()
    {
        var doc = Run("[[U.S.|LOC]] President [[Donald Trump|PER]] spoke to reporters on Friday. President [[Trump|PER]] said the talks went well, and [[Trump|PER]]'s envoy agreed. [[Donald J. Trump|PER]] later posted again.");
        var ids = doc.Layer(Layers.Entities).Where(m => m.Type == EntityTypes.Person).Select(m => m.EntityId).Distinct().ToList();
        Assert.Equal(["donald-trump"], ids);
        Assert.Equal("donald-trump", TitleOf(doc, "President")?.EntityId);
        Assert.Equal("USA", At(doc, "U.S.").EntityId);
        Assert.Equal(EntityTypes.Gpe, At(doc, "U.S.").Type);
    }

    [Fact]
    public void A_surname_without_a_full_name_keeps_its_own_id()
    {
        var doc = Run("[[Scholz|PER]] told parliament that [[Germany|LOC]] would not send more jets.");
        Assert.Equal("scholz", At(doc, "Scholz").EntityId);
        Assert.Equal("DEU", At(doc, "Germany").EntityId);
    }

    [Fact]
    public void Two_people_sharing_a_surname_are_not_merged()
    {
        var doc = Run("[[John Smith|PER]], a farmer, said prices were falling. His neighbour [[Mary Smith|PER]] disagreed. [[Smith|PER]] added that rain had helped. Earlier, [[John Smith|PER]] had warned of drought, and [[Smith|PER]] repeated it.");
        Assert.Equal("john-smith", At(doc, "John Smith").EntityId);
        Assert.Equal("mary-smith", At(doc, "Mary Smith").EntityId);
        // A bare surname goes to the most recent full mention before it.
        Assert.Equal("mary-smith", At(doc, "Smith", 0).EntityId);
        Assert.Equal("john-smith", At(doc, "Smith", 1).EntityId);
    }

    [Fact]
    public void Titles_before_names_become_title_mentions_with_their_nationality_apart()
    {
        var doc = Run("Secretary of State [[Marco Rubio|PER]] met [[Russian|MISC]] President [[Vladimir Putin|PER]]'s aide, while Deputy Foreign Minister [[Alexander Grushko|PER]] and national security adviser [[Mike Waltz|PER]] spoke. Secretary of Homeland Security [[Kristi Noem|PER]] stayed home.");
        Assert.Equal("marco-rubio", TitleOf(doc, "Secretary of State")?.EntityId);
        Assert.Equal("vladimir-putin", TitleOf(doc, "President")?.EntityId);
        Assert.Equal("alexander-grushko", TitleOf(doc, "Deputy Foreign Minister")?.EntityId);
        Assert.Equal("mike-waltz", TitleOf(doc, "national security adviser")?.EntityId);
        Assert.Equal("kristi-noem", TitleOf(doc, "Secretary of Homeland Security")?.EntityId);
        Assert.Equal(EntityTypes.Norp, At(doc, "Russian").Type);
        Assert.Equal("RUS", At(doc, "Russian").EntityId);
    }

    [Fact]
    public void A_title_in_apposition_after_the_name_is_a_title_too()
    {
        var doc = Run("[[Sergei Lavrov|PER]], [[Russia|LOC]]'s foreign minister, rejected the plan. [[Marco Rubio|PER]], the secretary of state, disagreed. [[Anna Berg|PER]], who chairs the committee, abstained.");
        Assert.Equal("sergei-lavrov", TitleOf(doc, "foreign minister")?.EntityId);
        Assert.Equal("marco-rubio", TitleOf(doc, "secretary of state")?.EntityId);
        Assert.DoesNotContain(doc.Layer(Layers.Entities), m => m.Type == EntityTypes.Title && m.EntityId == "anna-berg");
    }

    [Fact]
    public void A_title_the_tagger_put_inside_the_name_is_split_off()
    {
        var doc = Run("[[President Emmanuel Macron|PER]] arrived late.");
        Assert.Equal("emmanuel-macron", At(doc, "President Emmanuel Macron").EntityId);
        Assert.Equal("emmanuel-macron", TitleOf(doc, "President")?.EntityId);
    }

    [Fact]
    public void Demonyms_acting_as_actors_are_added_and_other_demonyms_are_not()
    {
        var doc = Run("Russian officials rejected the plan, while Ukrainian teams met in [[Riyadh|LOC]]. Russian advances continued. The Ukrainians said nothing.");
        var added = doc.Layer(Layers.Entities).Where(m => m.Type == EntityTypes.Norp).Select(m => (m.Text, m.EntityId)).ToList();
        Assert.Contains(("Russian", "RUS"), added);
        Assert.Contains(("Ukrainian", "UKR"), added);
        Assert.Contains(("Ukrainians", "UKR"), added);
        Assert.Equal(3, added.Count); // "Russian advances" is not an actor
    }

    [Fact]
    public void Seats_of_government_and_capitals_acting_stand_for_their_state()
    {
        var doc = Run("The Kremlin said on Monday that [[Moscow|LOC]] has rejected the proposal. The White House called it a mistake, and talks with [[Kyiv|LOC]] will resume. Reporters waited in the [[White House|LOC]] briefing room, and the envoy flew to [[Moscow|LOC]].");
        Assert.Equal(("GPE", "RUS"), (At(doc, "Kremlin").Type, At(doc, "Kremlin").EntityId));
        Assert.Equal("RUS", At(doc, "Moscow", 0).EntityId);
        Assert.Equal("USA", At(doc, "White House", 0).EntityId);
        Assert.Equal("UKR", At(doc, "Kyiv").EntityId);
        Assert.Equal(EntityTypes.Facility, At(doc, "White House", 1).Type);
        Assert.Equal("moscow", At(doc, "Moscow", 1).EntityId);
        Assert.Equal(EntityTypes.Gpe, At(doc, "Moscow", 1).Type);
    }

    [Fact]
    public void An_organisation_and_its_acronym_share_an_id()
    {
        var doc = Run("The [[International Monetary Fund|ORG]] approved the loan. An [[IMF|ORG]] spokesperson confirmed it, as did [[NATO|ORG]].");
        Assert.Equal("imf", At(doc, "International Monetary Fund").EntityId);
        Assert.Equal("imf", At(doc, "IMF").EntityId);
        Assert.Equal("nato", At(doc, "NATO").EntityId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\u0001\uFFFD ’’ [[ ]] ((( ... ")]
    [InlineData("Russian")]
    [InlineData("the Kremlin")]
    public void Odd_input_does_not_crash(string text)
    {
        var doc = Run(text);
        Assert.True(doc.Has(Layers.Entities));
    }

    [Fact]
    public void Huge_text_is_processed()
    {
        var text = string.Concat(Enumerable.Repeat("Russian officials met in the Kremlin while Ukrainian negotiators waited. ", 20_000));
        var doc = Run(text);
        // Two demonyms acting per sentence; "in the Kremlin" is a place, which the tagger (absent here) would label.
        Assert.Equal(40_000, doc.Layer(Layers.Entities).Length);
    }
}
