using Dossier.Fixtures;
using Dossier.Reporting.Markdown;

namespace Dossier.Reporting.Tests.Markdown;

public class MarkdownReportTests
{
    private static string Render(bool withHostile = false)
    {
        using var writer = new StringWriter();
        MarkdownReport.Write(SampleCorpus.Corpus(withHostile), writer);
        return writer.ToString();
    }

    [Fact]
    public void Story_section_lists_sources_quotes_and_omissions()
    {
        var md = Render();
        Assert.Contains("## Rotterdam dock strike ends", md);
        Assert.Contains("**Outlets:** Harbour Gazette, Nordic Wire", md);
        Assert.Contains("**Harbour Gazette**: Dockworkers and port authority agree to end strike by Anna Kowalska, Tom Reed, 2025-03-04", md);
        Assert.Contains("**Nordic Wire**: Dutch dockers to return to work, 2025-03-04 (inferred)", md);
        Assert.Contains("Quote: “We have an agreement that protects every job,” — Maria Jansen (press). Carried by Harbour Gazette, Nordic Wire", md);
        Assert.Contains("**omission** in Nordic Wire", md);
    }

    [Fact]
    public void Negotiation_map_is_an_issue_by_actor_table_with_numbered_evidence()
    {
        var md = Render();
        Assert.Contains("| Issue | Maria Jansen | Pieter de Vries | Netherlands |", md);
        Assert.Contains("| strike\\_ends | support 2025-03-04 [E1][E2] | conditional 2025-03-04: if the vote passes [E3] |  |", md);
        Assert.Contains("| port\\_automation |  |  | undecided |", md);
        Assert.Contains("[E1] strike\\_ends / Maria Jansen: Harbour Gazette", md);
        Assert.Contains("“reached a deal”", md);
        // Evidence without stored text is quoted from the document.
        Assert.Contains("[E2] strike\\_ends / Maria Jansen: Nordic Wire", md);
        Assert.Contains("“struck a deal”", md);
    }

    [Fact]
    public void Entities_table_shows_names_types_countries_aliases_and_roles()
    {
        Assert.Contains("| Maria Jansen | PER | NLD | Jansen, Maria Jansen | union leader \\(2025-03-04\\) |", Render());
    }

    [Fact]
    public void Untrusted_text_cannot_inject_markup_or_break_tables()
    {
        var md = Render(withHostile: true);
        Assert.DoesNotContain("<script", md);
        Assert.DoesNotContain("<b ", md);
        Assert.Contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;", md);
        Assert.Equal("a\\|b &lt;i&gt; c", MarkdownReport.Inline("a|b <i>\nc"));
    }

    [Fact]
    public void An_empty_corpus_renders()
    {
        using var writer = new StringWriter();
        MarkdownReport.Write(new Core.Model.Corpus(), writer);
        Assert.Contains("0 documents", writer.ToString());
    }
}
