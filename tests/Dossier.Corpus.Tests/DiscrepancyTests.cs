using Dossier.Core.Model;
using Dossier.Corpus.Discrepancies;

namespace Dossier.Corpus.Tests;

public sealed class DiscrepancyTests
{
    private static IReadOnlyList<Discrepancy> Run(params Document[] docs) => OneStory.Discrepancies(docs);

    private static DocBuilder Report(string id, string outlet, string text) => OneStory.Report(id, outlet, text);

    [Fact]
    public void A_number_the_other_outlets_contradict_is_reported_with_its_span()
    {
        var a = Report("a", "One", "Rescuers in Valparaiso said the fire destroyed 120 homes overnight.").Entity("Valparaiso", "valparaiso", EntityLabel.LOC).Build();
        var b = Report("b", "Two", "The overnight fire destroyed 120 homes in Valparaiso, rescuers said.").Entity("Valparaiso", "valparaiso", EntityLabel.LOC).Build();
        var c = Report("c", "Three", "According to rescuers, the fire in Valparaiso destroyed 210 homes overnight.").Entity("Valparaiso", "valparaiso", EntityLabel.LOC).Build();
        var d = Assert.Single(Run(a, b, c), x => x.Kind == DiscrepancyKinds.Number);
        Assert.Equal("c", d.Document);
        Assert.Equal("210", c.Text[d.Start..d.End]);
        Assert.Contains("120", d.Explanation);
    }

    [Fact]
    public void Calling_a_sitting_leader_former_against_the_other_reports_is_a_role_discrepancy()
    {
        var a = Report("a", "One", "President Lena Novak opened the port on Monday.").Entity("Lena Novak", "lena-novak").Build();
        var b = Report("b", "Two", "The new port was opened by President Lena Novak.").Entity("Lena Novak", "lena-novak").Build();
        var c = Report("c", "Three", "Former President Lena Novak opened the port, officials said.").Entity("Lena Novak", "lena-novak").Build();
        var d = Assert.Single(Run(a, b, c), x => x.Kind == DiscrepancyKinds.Role);
        Assert.Equal("c", d.Document);
        Assert.Equal("Former President Lena Novak", c.Text[d.Start..d.End]);
        Assert.Contains("former president", d.Explanation);
    }

    [Fact]
    public void The_same_quote_given_to_different_speakers_is_an_attribution_discrepancy()
    {
        const string q = "We have no money left for the stadium project";
        var a = Report("a", "One", $"\"{q},\" said Mayor Tom Berg.").Entity("Tom Berg", "tom-berg").Quote(q, "Tom Berg", "tom-berg").Build();
        var b = Report("b", "Two", $"Berg told the council: \"{q}.\"").Entity("Berg", "tom-berg").Quote(q, "Berg", "tom-berg").Build();
        var c = Report("c", "Three", $"\"{q},\" said treasurer Ada Holm.").Entity("Ada Holm", "ada-holm").Quote(q, "Ada Holm", "ada-holm").Build();
        var d = Assert.Single(Run(a, b, c), x => x.Kind == DiscrepancyKinds.Attribution);
        Assert.Equal("c", d.Document);
        Assert.Contains("Ada Holm", d.Explanation);
        Assert.Contains("Tom Berg", d.Explanation);
    }

    [Fact]
    public void A_claim_most_outlets_carry_is_an_omission_for_the_one_that_lacks_it_and_a_lone_fact_is_exclusive()
    {
        const string shared = "Lisbon airport cancelled 85 flights on Friday because of the strike.";
        var a = Report("a", "One", $"{shared} Unions want higher pay.").Entity("Lisbon", "lisbon", EntityLabel.LOC).Build();
        var b = Report("b", "Two", $"Because of the strike, 85 flights were cancelled at Lisbon airport on Friday. Talks resume Monday.").Entity("Lisbon", "lisbon", EntityLabel.LOC).Build();
        var c = Report("c", "Three", $"The strike forced Lisbon airport to cancel 85 flights on Friday.").Entity("Lisbon", "lisbon", EntityLabel.LOC).Build();
        var d = Report("d", "Four", "Unions at Lisbon airport demand higher pay. Their leader Rui Costa said 3,000 workers joined.")
            .Entity("Lisbon", "lisbon", EntityLabel.LOC).Entity("Rui Costa", "rui-costa").Build();
        var found = Run(a, b, c, d);
        var omission = Assert.Single(found, x => x.Kind == DiscrepancyKinds.Omission);
        Assert.Equal("d", omission.Document);
        Assert.Contains("3 of the 3 other reports", omission.Explanation);
        var exclusive = Assert.Single(found, x => x.Kind == DiscrepancyKinds.Exclusive);
        Assert.Equal("d", exclusive.Document);
        Assert.Contains("3,000 workers", d.Text[exclusive.Start..exclusive.End]);
    }

    [Fact]
    public void Agreeing_reports_have_no_conflicts()
    {
        var a = Report("a", "One", "President Lena Novak said 40 people were rescued.").Entity("Lena Novak", "lena-novak").Build();
        var b = Report("b", "Two", "President Lena Novak said rescuers saved 40 people.").Entity("Lena Novak", "lena-novak").Build();
        Assert.DoesNotContain(Run(a, b), x => x.Kind is DiscrepancyKinds.Number or DiscrepancyKinds.Role or DiscrepancyKinds.Attribution);
    }
}

public sealed class CorpusRobustnessTests
{
    [Fact]
    public void Every_corpus_stage_survives_empty_junk_and_large_documents()
    {
        var sentence = "President Ada Lind backed a plan for 3,000 troops to deploy and keep the peace on March 3, 2025. ";
        var big = string.Concat(Enumerable.Repeat(sentence, 20000));
        var docs = new[]
        {
            new DocBuilder("big", big).Entity("Ada Lind", "ada-lind").Build(),
            new Core.Model.Document("empty", "empty", "", new Core.Model.DocumentMetadata()),
            new Core.Model.Document("junk", "junk", "\0\u0001“““ ” \uFFFD\uD800", new Core.Model.DocumentMetadata()),
            new DocBuilder("copy", big).Entity("Ada Lind", "ada-lind").Build(),
        };
        var context = TestCorpus.Context();
        var corpus = TestCorpus.Of([.. docs.Select(d => new Positions.StanceStage().Process(d, context))]);
        foreach (var stage in new Core.Pipeline.ICorpusStage[]
                 {
                     new Stories.StoryStage(), new Dates.StoryDateStage(), new Alignment.AlignmentStage(),
                     new Discrepancies.DiscrepancyStage(), new Positions.PositionStage(),
                 })
            corpus = stage.Process(corpus, context);
        Assert.Empty(context.Diagnostics.Items);
        Assert.Contains(corpus.Stories, s => s.DocumentIds.SequenceEqual(["big", "copy"]));
        Assert.Contains(corpus.Positions, p => p.Issue == "peacekeeping");
    }
}
