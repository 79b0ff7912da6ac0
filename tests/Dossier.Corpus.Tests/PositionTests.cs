using Dossier.Core.Model;
using Dossier.Corpus.Positions;

namespace Dossier.Corpus.Tests;

public sealed class PositionTests
{
    private static Document WithStances(string id, string outlet, int day, string text, string actor)
    {
        var doc = new DocBuilder(id, text).Outlet(outlet).Published(2025, 4, day).Entity(actor, actor.ToUpperInvariant()[..3], EntityLabel.LOC).Build();
        return new StanceStage().Process(doc, TestCorpus.Context());
    }

    [Fact]
    public void Same_stance_on_the_same_day_is_one_cell_with_all_evidence_and_outlets()
    {
        var a = WithStances("a", "Daily One", 2, "Chile rejected the idea of a truce.", "Chile");
        var b = WithStances("b", "Wire Two", 2, "On Wednesday Chile rejected a ceasefire again.", "Chile");
        var positions = PositionStage.Aggregate([a, b]);
        var cell = Assert.Single(positions);
        Assert.Equal(("ceasefire", "CHI", Stance.Oppose, "2025-04-02"), (cell.Issue, cell.Actor, cell.Stance, cell.Date));
        Assert.Equal(["Daily One", "Wire Two"], cell.Evidence.Select(e => e.Outlet!).ToArray());
        Assert.All(cell.Evidence, e => Assert.Contains("Chile", e.Text));
    }

    [Fact]
    public void A_change_of_stance_over_time_is_kept_as_a_new_cell()
    {
        var before = WithStances("a", "Daily One", 2, "Chile rejected the idea of a truce.", "Chile");
        var after = WithStances("b", "Daily One", 9, "Chile now supports a ceasefire.", "Chile");
        var positions = new PositionStage().Process(TestCorpus.Of(before, after), TestCorpus.Context()).Positions;
        Assert.Equal(["2025-04-02 Oppose", "2025-04-09 Support"], positions.Select(p => $"{p.Date} {p.Stance}").ToArray());
    }
}
