using Dossier.Core.Model;
using Dossier.Corpus.Stories;

namespace Dossier.Corpus.Tests;

public sealed class StoryTests
{
    // Two events of one kind (two earthquakes) and an unrelated story, three reports each, written for this test.
    private static readonly (string Id, string Text)[] Reports =
    [
        ("q1", "A magnitude 6.8 earthquake struck near Izmir on Sunday, killing at least 40 people and toppling apartment blocks in Bayrakli. Rescuers in Izmir pulled survivors from the rubble overnight."),
        ("q2", "Rescue teams in Izmir searched collapsed buildings in Bayrakli after the 6.8 quake killed 40 people. The governor of Izmir said hospitals were overwhelmed."),
        ("q3", "The death toll from the Izmir earthquake rose to 40 as crews dug through rubble in the Bayrakli district, officials in Izmir said."),
        ("p1", "A 7.1 earthquake hit the Oaxaca coast on Tuesday, cracking roads in Pinotepa and cutting power to 200,000 homes across Oaxaca."),
        ("p2", "Power was cut to 200,000 homes after the magnitude 7.1 quake shook Oaxaca. In Pinotepa, cracked roads isolated villages."),
        ("p3", "Oaxaca officials said the 7.1 earthquake near Pinotepa damaged roads and left 200,000 homes without power."),
        ("b1", "The central bank raised its key interest rate to 5.25 percent on Thursday, citing persistent inflation in food prices."),
        ("b2", "Citing food inflation, the central bank lifted its benchmark rate to 5.25 percent, its third increase this year."),
        ("b3", "Economists had expected the central bank's move to 5.25 percent after food prices rose again in the spring."),
    ];

    private static string Grouping(IEnumerable<StoryCluster> clusters) =>
        string.Join(" | ", clusters.Select(c => string.Join(",", c.DocumentIds.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));

    [Fact]
    public void Two_events_of_one_kind_and_an_unrelated_story_are_three_stories_in_any_order()
    {
        var docs = Reports.Select(r => new StoryDocument(r.Id, r.Text)).ToList();
        var expected = "b1,b2,b3 | p1,p2,p3 | q1,q2,q3";
        Assert.Equal(expected, Grouping(new StoryClusterer().Cluster(docs)));
        var shuffled = docs.OrderBy(d => d.Text.Length).ToList();
        Assert.Equal(expected, Grouping(new StoryClusterer().Cluster(shuffled)));
    }

    [Fact]
    public void Same_text_reported_far_apart_in_time_is_not_one_story()
    {
        var text = "Floods closed the main highway into the valley after days of heavy rain, and the army evacuated 300 families.";
        var docs = new[]
        {
            new StoryDocument("a", text, Date: new NodaTime.LocalDate(2019, 4, 2)),
            new StoryDocument("b", text + " Schools stayed shut.", Date: new NodaTime.LocalDate(2023, 10, 9)),
        };
        Assert.Equal(2, new StoryClusterer().Cluster(docs).Length);
    }

    [Fact]
    public void Thousands_of_copies_collapse_into_one_story()
    {
        var docs = Enumerable.Range(0, 5000).Select(i => new StoryDocument($"copy{i:D5}", Reports[0].Text))
            .Append(new StoryDocument("other", Reports[6].Text));
        var clusters = new StoryClusterer().Cluster(docs);
        Assert.Equal(2, clusters.Length);
        Assert.Equal(5000, clusters.Max(c => c.DocumentIds.Length));
    }

    [Fact]
    public void Ten_thousand_rewrites_of_one_article_collapse_into_one_story()
    {
        // Every copy differs (its own closing line), so only the near-duplicate collapse can make them one node.
        var docs = Enumerable.Range(0, 10000)
            .Select(i => new StoryDocument($"copy{i:D5}", Reports[3].Text + $" Local station {i} carried the report."))
            .Concat(Reports.Skip(6).Select(r => new StoryDocument(r.Id, r.Text)));
        var clusters = new StoryClusterer().Cluster(docs);
        Assert.Equal(10000, clusters.Max(c => c.DocumentIds.Length));
        Assert.Contains(clusters, c => c.DocumentIds.SequenceEqual(["b1", "b2", "b3"]));
    }

    [Fact]
    public void Rewrites_published_years_apart_are_not_collapsed()
    {
        var text = Reports[0].Text;
        var docs = new[]
        {
            new StoryDocument("a", text + " Aid convoys arrived.", Date: new NodaTime.LocalDate(2020, 10, 30)),
            new StoryDocument("b", text + " Schools stayed shut.", Date: new NodaTime.LocalDate(2020, 10, 31)),
            new StoryDocument("c", text + " A memorial was unveiled.", Date: new NodaTime.LocalDate(2024, 10, 30)),
        };
        Assert.Equal("a,b | c", Grouping(new StoryClusterer().Cluster(docs)));
    }

    [Fact]
    public void Any_arrival_order_gives_the_same_stories()
    {
        // Reports, rewrites, identical texts under other ids and an undated copy: every kind of node the clusterer has.
        var docs = Reports.Select(r => new StoryDocument(r.Id, r.Text))
            .Concat(Reports.Select(r => new StoryDocument(r.Id + "-syndicated", "From our partners. " + r.Text)))
            .Concat(Reports.Take(4).Select(r => new StoryDocument(r.Id + "-copy", r.Text, Date: new NodaTime.LocalDate(2021, 3, 1))))
            .ToList();
        var expected = Grouping(new StoryClusterer().Cluster(docs));
        Assert.Equal(3, expected.Split(" | ").Length);
        for (var seed = 1; seed <= 5; seed++)
        {
            var random = new Random(seed);
            var shuffled = docs.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, Grouping(new StoryClusterer().Cluster(shuffled)));
        }
    }

    [Fact]
    public void Empty_and_junk_documents_are_their_own_stories()
    {
        var docs = new[] { new StoryDocument("e", ""), new StoryDocument("j", "\0\u0001 ### ..."), new StoryDocument("r", Reports[0].Text) };
        Assert.Equal(3, new StoryClusterer().Cluster(docs).Length);
    }

    [Fact]
    public void Story_stage_describes_each_story()
    {
        var docs = Reports.Take(3).Select(r => new DocBuilder(r.Id, r.Text).Published(2020, 10, r.Id == "q1" ? 30 : 31).Build()).ToArray();
        var story = Assert.Single(new StoryStage().Process(TestCorpus.Of(docs), TestCorpus.Context()).Stories);
        Assert.Equal(["q1", "q2", "q3"], story.DocumentIds.ToArray());
        Assert.Equal("2020-10-30", story.Date);
        Assert.Equal(StoryClusterer.StoryId(["q1", "q2", "q3"]), story.Id);
        Assert.Contains("izmir", story.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Izmir", story.Summary);
        Assert.Contains(docs, d => d.Text.Contains(story.Summary.Split(". ")[0].TrimEnd('.')));
    }
}
