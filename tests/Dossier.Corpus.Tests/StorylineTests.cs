using System.Collections.Immutable;
using Dossier.Core.Model;
using Dossier.Corpus.Stories;

namespace Dossier.Corpus.Tests;

public sealed class StorylineTests
{
    // Three steps of one negotiation (talks, then a call for a truce, then a signed truce), an earthquake in the same
    // weeks, and a much later meeting of the same ministers: all written for this test.
    private static readonly (string Name, string Id)[] Names =
        [("Amara Okafor", "amara-okafor"), ("Lukas Brenner", "lukas-brenner"), ("Nigeria", "NGA"), ("Austria", "AUT"), ("Lagos", "lagos"), ("Tehran", "tehran")];

    private static Document Doc(string id, string text, int month, int day, int year = 2031)
    {
        var builder = new DocBuilder(id, text).Published(year, month, day);
        foreach (var (name, entityId) in Names.Where(n => text.Contains(n.Name))) builder.Entity(name, entityId);
        return builder.Build();
    }

    private static readonly Document[] Docs =
    [
        Doc("talks-1", "Nigeria's foreign minister Amara Okafor met Austria's envoy Lukas Brenner in Lagos to open talks on the river border dispute.", 2, 20),
        Doc("talks-2", "Amara Okafor and Lukas Brenner began talks in Lagos on the disputed river border between Nigeria and the delta provinces, with Austria mediating.", 2, 21),
        Doc("truce-1", "Weeks after the Lagos talks, Amara Okafor called for a truce along the river border, and Lukas Brenner said Austria would monitor it.", 3, 14),
        Doc("truce-2", "Lukas Brenner urged both sides to accept the truce Amara Okafor proposed for the river border, Austria's mission in Nigeria said.", 3, 15),
        Doc("signed-1", "The river border truce was signed in Lagos; Amara Okafor thanked Lukas Brenner and Austria for mediating the dispute.", 4, 2),
        Doc("quake-1", "An earthquake shook Tehran, damaging hundreds of homes in the southern districts.", 3, 1),
        Doc("quake-2", "Rescuers searched collapsed homes in southern Tehran after the earthquake.", 3, 2),
        Doc("later-1", "Amara Okafor and Lukas Brenner met in Lagos again to discuss the river border truce a year after it was signed.", 4, 20, 2032),
    ];

    private static Story Story(string id, string date, params string[] docs) => new(id, id, date, [.. docs], "");

    private static Core.Model.Corpus Run(params Story[] stories) =>
        new StorylineStage().Process(TestCorpus.Of(Docs) with { Stories = [.. stories] }, TestCorpus.Context());

    [Fact]
    public void Later_stories_sharing_actors_and_terms_continue_the_earlier_one()
    {
        var corpus = Run(
            Story("s-truce", "2031-03-14", "truce-1", "truce-2"),
            Story("s-talks", "2031-02-20", "talks-1", "talks-2"),
            Story("s-quake", "2031-03-01", "quake-1", "quake-2"),
            Story("s-signed", "2031-04-02", "signed-1"),
            Story("s-later", "2032-04-20", "later-1"));
        var line = Assert.Single(corpus.Storylines);
        Assert.Equal(["s-talks", "s-truce", "s-signed"], line.StoryIds.ToArray());
        Assert.Equal("s-talks", line.Title);
        Assert.Contains(line.Links, l => l.From == "s-talks" && l.To == "s-truce");
        Assert.Contains(line.Links, l => l.To == "s-signed");
        Assert.Contains("amara-okafor", line.Links[0].SharedActors);
        Assert.Contains("border", line.Links[0].SharedTerms);
        Assert.All(corpus.Stories.Where(s => line.StoryIds.Contains(s.Id)), s => Assert.Equal(line.Id, s.Storyline));
        Assert.Null(corpus.Stories.Single(s => s.Id == "s-quake").Storyline);
        Assert.Null(corpus.Stories.Single(s => s.Id == "s-later").Storyline); // a year later: a new storyline
    }

    [Fact]
    public void Undated_or_single_stories_make_no_storyline()
    {
        Assert.Empty(Run(Story("s-talks", "2031-02-20", "talks-1"), Story("s-truce", null!, "truce-1")).Storylines);
        Assert.Empty(Run(Story("s-talks", "2031-02-20", "talks-1", "talks-2")).Storylines);
        Assert.Empty(new StorylineStage().Process(TestCorpus.Of(), TestCorpus.Context()).Storylines);
    }

    [Fact]
    public void Stories_on_the_same_day_are_not_ordered_into_a_storyline()
    {
        Assert.Empty(Run(Story("a", "2031-02-20", "talks-1"), Story("b", "2031-02-20", "talks-2")).Storylines);
    }
}
