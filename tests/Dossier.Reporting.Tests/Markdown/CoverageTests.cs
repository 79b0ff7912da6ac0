using System.Text.Json.Nodes;
using Dossier.Core.Model;
using Dossier.Fixtures;
using Dossier.Reporting.Json;
using Dossier.Reporting.Markdown;

namespace Dossier.Reporting.Tests.Markdown;

public class CoverageTests
{
    /// <summary>The sample story with the wire leaving out the claim the gazette makes, and the gazette giving another number in the quote.</summary>
    private static Corpus Sample()
    {
        var corpus = SampleCorpus.Corpus();
        var story = corpus.Stories[0].Id;
        var (gazette, wire) = (corpus.Documents[0], corpus.Documents[1]);
        var quote = corpus.Alignments[0].Documents.Single(d => d.DocumentId == gazette.Id);
        return corpus with
        {
            Discrepancies = corpus.Discrepancies
                .Add(new Discrepancy(story, wire.Id, "omission", "the strike lasted nine days", 0, 0, "Nordic Wire does not say how long."))
                .Add(new Discrepancy(story, gazette.Id, "wording", "protects", quote.Start + 2, quote.Start + 10, "Worded differently.")),
            Storylines = [new Storyline("storyline-1", "Port talks", ["s-earlier", story], [new StorylineLink("s-earlier", story, ["maria-jansen"], ["strike"], 0.5)])],
            Stories = [corpus.Stories[0] with { Storyline = "storyline-1" }, new Story("s-earlier", "Port talks", "2025-02-20", [], "")],
        };
    }

    [Fact]
    public void Each_outlet_is_a_column_and_each_claim_a_row()
    {
        var corpus = Sample();
        var coverage = StoryCoverage.Of(new CorpusView(corpus), corpus.Stories[0]);
        Assert.Equal(["Harbour Gazette", "Nordic Wire"], coverage.Outlets.ToArray());
        var quote = coverage.Rows.Single(r => r.Kind == "quote");
        Assert.Equal([CoverageState.Differs, CoverageState.Reports], quote.Cells.ToArray());
        Assert.Equal(2, quote.Corroboration);
        Assert.Equal("Harbour Gazette", quote.FirstOutlet);
        var claim = coverage.Rows.Single(r => r.Kind == "claim");
        Assert.Equal([CoverageState.Reports, CoverageState.Omits], claim.Cells.ToArray());
        Assert.Equal(1, claim.Corroboration);
        var wire = coverage.PerOutlet.Single(o => o.Outlet == "Nordic Wire");
        Assert.Equal((1, 1, 0), (wire.Reports, wire.Omissions, wire.Differences));
        Assert.Equal(1, coverage.PerOutlet.Single(o => o.Outlet == "Harbour Gazette").Differences);
    }

    [Fact]
    public void Markdown_shows_the_table_and_the_storyline()
    {
        using var writer = new StringWriter();
        MarkdownReport.Write(Sample(), writer);
        var md = writer.ToString();
        Assert.Contains("| Claim | Outlets | First | Harbour Gazette | Nordic Wire |", md);
        Assert.Contains("| claim: the strike lasted nine days | 1 |  | ✓ | ✗ |", md);
        Assert.Contains("| ≠ | ✓ |", md);
        Assert.Contains("- **Nordic Wire**: carries 1, alone on 0, leaves out 1, differs on 0", md);
        Assert.Contains("**Storyline:** Port talks: step 2 of 2; continues “Port talks” \\(shared: Maria Jansen\\)", md);
    }

    [Fact]
    public void Dossier_json_carries_coverage_corroboration_storylines_and_duplicates()
    {
        var corpus = Sample() with
        {
            Duplicates = [new DuplicateGroup(SampleCorpus.Corpus().Documents[0].Id, [], [new DuplicateLink("x", 0.7, 0.68, [new DocSpan(SampleCorpus.Corpus().Documents[0].Id, 0, 5)])])],
        };
        var json = JsonNode.Parse(DossierJson.ToJson(corpus))!;
        Assert.Equal(2, json["alignments"]![0]!["corroboration"]!.GetValue<int>());
        var coverage = json["coverage"]![0]!;
        Assert.Equal("omits", coverage["claims"]![1]!["cells"]!["Nordic Wire"]!.GetValue<string>());
        Assert.Equal("storyline-1", json["storylines"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("maria-jansen", json["storylines"]![0]!["links"]![0]!["shared_actors"]![0]!.GetValue<string>());
        var link = json["duplicates"]![0]!["links"]![0]!;
        Assert.Equal(0.68, link["exact_jaccard"]!.GetValue<double>());
        Assert.Equal(corpus.Documents[0].Text[..5], link["passages"]![0]!["text"]!.GetValue<string>());
    }
}
