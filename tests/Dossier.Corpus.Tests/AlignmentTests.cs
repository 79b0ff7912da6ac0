using Dossier.Core.Model;
using Dossier.Corpus.Alignment;

namespace Dossier.Corpus.Tests;

/// <summary>Three outlets carry one mayor's post: in full, cut with an ellipsis, and split in two around the
/// attribution. They also state the same fact about the bridge closure in their own words.</summary>
public sealed class AlignmentTests
{
    private const string Post = "The bridge will stay closed until the inspectors have finished their work. Safety comes first, and I will not gamble with it!";

    internal static Document[] Reports()
    {
        var a = new DocBuilder("a", $"Mayor Ana Ruiz wrote on X: \"{Post}\" The city closed the Harbor Bridge on Tuesday after engineers found 14 cracked cables.")
            .Outlet("City Herald").Published(2024, 5, 7).Entity("Ana Ruiz", "ana-ruiz").Entity("Harbor Bridge", "harbor-bridge", EntityLabel.LOC)
            .Quote(Post, "Ana Ruiz", "ana-ruiz", "X").Build();
        var b = new DocBuilder("b", "Engineers found 14 cracked cables, and the city shut the Harbor Bridge on Tuesday. \"The bridge will stay closed until the inspectors have finished…\" Ruiz posted on X.")
            .Outlet("Metro Wire").Published(2024, 5, 8).Entity("Ruiz", "ana-ruiz").Entity("Harbor Bridge", "harbor-bridge", EntityLabel.LOC)
            .Quote("The bridge will stay closed until the inspectors have finished…", "Ruiz", "ana-ruiz", "X").Build();
        var c = new DocBuilder("c", "\"The bridge will stay closed until the inspectors have finished their work,\" Mayor Ana Ruiz said. \"Safety comes first, and I will not gamble with it.\" Traffic was diverted to the ring road.")
            .Outlet("Evening Post").Published(2024, 5, 8).Entity("Ana Ruiz", "ana-ruiz")
            .Quote("The bridge will stay closed until the inspectors have finished their work,", "Ana Ruiz", "ana-ruiz")
            .Quote("Safety comes first, and I will not gamble with it.", "Ana Ruiz", "ana-ruiz").Build();
        return [a, b, c];
    }

    private static Core.Model.Corpus Run(params Document[] docs)
    {
        var corpus = TestCorpus.Of(docs) with { Stories = [new Story("s", "t", null, [.. docs.Select(d => d.Id)], "")] };
        return new AlignmentStage().Process(corpus, TestCorpus.Context());
    }

    [Fact]
    public void Truncated_and_split_versions_of_one_post_are_one_quote_alignment_with_speaker_and_channel()
    {
        var quote = Assert.Single(Run(Reports()).Alignments, a => a.Kind == AlignmentKind.Quote);
        Assert.Equal(["a", "b", "c"], quote.Documents.Select(d => d.DocumentId).Distinct().ToArray());
        Assert.Equal(4, quote.Documents.Length);
        Assert.Equal("ana-ruiz", quote.Speaker);
        Assert.Equal("X", quote.Channel);
        Assert.Equal(Post, quote.Text);
        Assert.Equal("City Herald", quote.FirstOutlet);
    }

    [Fact]
    public void Same_fact_in_other_words_is_a_claim_alignment_with_its_first_outlet()
    {
        var claim = Assert.Single(Run(Reports()).Alignments, a => a.Kind == AlignmentKind.Claim);
        Assert.Equal(["a", "b"], claim.Documents.Select(d => d.DocumentId).ToArray());
        Assert.Contains("14 cracked cables", claim.Text);
        Assert.Equal("City Herald", claim.FirstOutlet);
        var reports = Reports();
        Assert.All(claim.Documents, d => Assert.Contains("cables", reports.Single(r => r.Id == d.DocumentId).Text[d.Start..d.End]));
    }

    [Fact]
    public void Different_statements_are_not_aligned()
    {
        var x = new DocBuilder("x", "\"We will open three new schools next year,\" the governor said.")
            .Quote("We will open three new schools next year,", "governor", null).Build();
        var y = new DocBuilder("y", "\"The schools budget was cut by a third,\" the union said.")
            .Quote("The schools budget was cut by a third,", "union", null).Build();
        Assert.Empty(Run(x, y).Alignments);
    }

    [Fact]
    public void Documents_without_text_or_layers_do_not_break_alignment()
    {
        var empty = new Document("e", "e", "", new DocumentMetadata());
        var junk = new Document("j", "j", "\"\"\"“““ …", new DocumentMetadata());
        Assert.Empty(Run(empty, junk).Alignments);
    }
}
