using System.Collections.Immutable;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Language.Actors;
using Dossier.Language.Tests.Support;
using NodaTime;

namespace Dossier.Language.Tests.Actors;

public class CanonicalActorStageTests
{
    private static Document Linked(string marked, string id, LocalDate date) =>
        new ActorStage(ActorGazetteer.Default).Process(HandDocs.Make(marked, date, id), StageContext.Default());

    private static Corpus Run(params Document[] docs) =>
        new CanonicalActorStage(ActorGazetteer.Default).Process(new Corpus { Documents = [.. docs] }, StageContext.Default());

    private static readonly Document SurnameOnly = Linked("[[Trump|PER]] said the talks with [[Russia|LOC]] went well.", "a", new LocalDate(2025, 2, 25));
    private static readonly Document FullName = Linked("[[U.S.|LOC]] President [[Donald Trump|PER]] spoke to [[Russian|MISC]] President [[Vladimir Putin|PER]] on Monday.", "b", new LocalDate(2025, 2, 24));

    [Fact]
    public void A_surname_only_person_folds_into_the_one_full_name_in_the_corpus()
    {
        var corpus = Run(SurnameOnly, FullName);
        var a = corpus.Find("a")!;
        Assert.Equal("donald-trump", a.Layer(Layers.Entities).Single(m => m.Text == "Trump").EntityId);
        var trump = corpus.Entities.Single(e => e.Id == "donald-trump");
        Assert.Equal("Donald Trump", trump.Name);
        Assert.Contains("Trump", trump.Aliases);
        Assert.Contains("President Donald Trump", trump.Aliases);
        Assert.Equal("USA", trump.Country);
        Assert.Equal("Q22686", trump.Wikidata);
        Assert.Equal([new Role("President", "2025-02-24", "b")], trump.Roles.ToArray());
        Assert.DoesNotContain(corpus.Entities, e => e.Id == "trump");
    }

    [Fact]
    public void Leaders_and_states_get_country_and_wikidata()
    {
        var corpus = Run(SurnameOnly, FullName);
        var putin = corpus.Entities.Single(e => e.Id == "vladimir-putin");
        Assert.Equal(("RUS", "Q7747", "PER"), (putin.Country, putin.Wikidata, putin.Type));
        var russia = corpus.Entities.Single(e => e.Id == "RUS");
        Assert.Equal(("Russia", "GPE", "Q159"), (russia.Name, russia.Type, russia.Wikidata));
        Assert.Contains("Russian", russia.Aliases);
    }

    [Fact]
    public void A_role_in_apposition_carries_its_country()
    {
        var corpus = Run(Linked("[[Sergei Lavrov|PER]], [[Russia|LOC]]'s foreign minister, spoke.", "l", new LocalDate(2025, 3, 2)));
        var lavrov = corpus.Entities.Single(e => e.Id == "sergei-lavrov");
        Assert.Equal("RUS", lavrov.Country);
        Assert.Equal([new Role("foreign minister", "2025-03-02", "l")], lavrov.Roles.ToArray());
    }

    [Fact]
    public void A_person_not_in_the_gazetteer_gets_no_wikidata()
    {
        var corpus = Run(Linked("Local councillor [[Jane Doe|PER]] objected.", "c", new LocalDate(2025, 1, 1)));
        Assert.Null(corpus.Entities.Single(e => e.Id == "jane-doe").Wikidata);
    }

    [Fact]
    public void A_surname_two_full_names_share_is_not_folded()
    {
        var corpus = Run(
            Linked("[[Smith|PER]] voted against the bill.", "x", new LocalDate(2025, 3, 1)),
            Linked("Senator [[John Smith|PER]] spoke.", "y", new LocalDate(2025, 3, 1)),
            Linked("Governor [[Mary Smith|PER]] spoke.", "z", new LocalDate(2025, 3, 1)));
        Assert.Equal("smith", corpus.Find("x")!.Layer(Layers.Entities).Single(m => m.Text == "Smith").EntityId);
        Assert.Contains(corpus.Entities, e => e.Id == "smith");
    }

    [Fact]
    public void The_result_does_not_depend_on_document_order()
    {
        var forward = Run(SurnameOnly, FullName).Entities;
        var backward = Run(FullName, SurnameOnly).Entities;
        Assert.Equal(Describe(forward), Describe(backward));
    }

    private static string Describe(ImmutableArray<CanonicalEntity> entities) =>
        string.Join("\n", entities.Select(e => $"{e.Id}|{e.Name}|{e.Type}|{string.Join(",", e.Aliases)}|{e.Country}|{e.Wikidata}|{string.Join(",", e.Roles)}"));

    [Fact]
    public void An_empty_corpus_gives_no_entities()
    {
        Assert.Empty(Run().Entities);
    }
}
