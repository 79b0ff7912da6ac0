using Dossier.Core.Model;
using Dossier.Testing;

namespace Dossier.Engine.Tests;

/// <summary>
/// The foundation's acceptance on the five seed reports: what a careful reader is sure of must already be right.
/// The seeds are read from ../shared at run time.
/// </summary>
public sealed class SeedDossierTests(SeedDossierFixture seeds) : IClassFixture<SeedDossierFixture>
{
    private Core.Model.Corpus Corpus => seeds.Result.Corpus;

    private Document Seed(string prefix) => Corpus.Documents.Single(d => Path.GetFileName(d.Source).StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void All_five_seeds_become_documents()
    {
        Assert.Equal(5, Corpus.Documents.Length);
    }

    [Fact]
    public void The_three_February_reports_and_the_two_March_reports_form_two_stories()
    {
        var groups = Corpus.Stories
            .Select(s => s.DocumentIds.Select(id => Path.GetFileName(Corpus.Find(id)!.Source)[..3]).Order().ToArray())
            .OrderBy(g => g[0])
            .ToList();
        Assert.Equal([["000", "001", "002"], ["003", "004"]], groups);
    }

    [Theory]
    [InlineData("Leave a Comment")]
    [InlineData("READ:")]
    [InlineData("Please make a small donation")]
    [InlineData("Dear readers")]
    [InlineData("Remind me later")]
    [InlineData("pic.twitter.com")]
    [InlineData("Photo of author")]
    [InlineData("Subscribe to our free newsletter")]
    [InlineData("is the news editor of")]
    [InlineData("Follow the Tampa Free Press")]
    public void No_boilerplate_is_left_in_any_body(string boilerplate)
    {
        foreach (var document in Corpus.Documents)
            Assert.DoesNotContain(boilerplate, document.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Removed_text_is_kept_with_a_reason()
    {
        var removed = Corpus.Documents.SelectMany(d => d.Removed).ToList();
        Assert.Contains(removed, r => r.Text.Contains("Leave a Comment", StringComparison.Ordinal));
        Assert.All(removed, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
    }

    [Fact]
    public void A_title_repeated_in_the_paste_appears_once_in_the_body()
    {
        var document = Seed("003");
        var title = document.Metadata.Title;
        Assert.False(string.IsNullOrEmpty(title));
        var occurrences = document.Text.Split(title).Length - 1;
        Assert.True(occurrences <= 1, $"title appears {occurrences} times in the body");
    }

    [Fact]
    public void The_Truth_Social_post_is_one_quote_aligned_across_three_outlets()
    {
        var aligned = Corpus.Alignments.Where(a => a.Kind == AlignmentKind.Quote
                && a.Text.Contains("serious discussions with President Vladimir Putin", StringComparison.Ordinal))
            .ToList();
        var alignment = Assert.Single(aligned);
        Assert.Equal(3, alignment.Documents.Select(d => d.DocumentId).Distinct().Count());
        Assert.Equal("Truth Social", alignment.Channel);
        // An outlet that breaks the post into two quotations is aligned by both pieces; the main one must be there.
        foreach (var pieces in alignment.Documents.GroupBy(d => d.DocumentId))
        {
            var text = string.Join(" ", pieces.Select(m => Corpus.Find(m.DocumentId)!.Text[m.Start..m.End]));
            Assert.Contains("serious discussions", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Speakers_of_direct_quotes_resolve_to_full_canonical_names()
    {
        var names = Corpus.Entities.ToDictionary(e => e.Id, e => e.Name);
        var direct = Corpus.Documents.SelectMany(d => d.Layer(Layers.Quotes)).Where(q => q.Kind == QuoteKind.Direct && q.Speaker?.EntityId is not null).ToList();
        Assert.NotEmpty(direct);
        var speakers = direct.Select(q => names.GetValueOrDefault(q.Speaker!.EntityId!, q.Speaker.EntityId!)).ToHashSet();
        Assert.Contains("Donald Trump", speakers);
        Assert.Contains("Steve Witkoff", speakers);
        Assert.Contains("Kirill Dmitriev", speakers);
        // A person is never left under a bare surname when the corpus knows the full name.
        Assert.DoesNotContain("Trump", speakers);
        Assert.DoesNotContain("Witkoff", speakers);
    }

    [Fact]
    public void Trump_is_one_canonical_actor_whatever_the_outlet_calls_him()
    {
        var trump = Corpus.Entities.Where(e => e.Name == "Donald Trump").ToList();
        var entity = Assert.Single(trump);
        Assert.Contains(entity.Aliases, a => a == "Trump");
        Assert.Equal("USA", entity.Country);
        Assert.All(Corpus.Documents, d => Assert.Contains(d.Layer(Layers.Entities), m => m.EntityId == entity.Id));
    }

    [Fact]
    public void The_report_calling_the_sitting_president_former_is_flagged()
    {
        var document = Seed("003");
        Assert.Contains(Corpus.Discrepancies, d => d.Document == document.Id
            && document.Text[d.Start..d.End].Contains("Former", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Outlets_named_in_the_text_are_found()
    {
        Assert.Equal("Antiwar.com", Seed("000").Metadata.Outlet);
        Assert.Equal("The Moscow Times", Seed("002").Metadata.Outlet);
        Assert.Equal("Tampa Free Press", Seed("004").Metadata.Outlet);
    }

    [Fact]
    public void A_publication_date_found_in_the_text_or_story_is_marked_inferred()
    {
        var dated = Corpus.Documents.Where(d => d.Metadata.Published is not null).ToList();
        Assert.NotEmpty(dated);
        Assert.All(dated, d => Assert.True(d.Metadata.PublishedInferred));
        Assert.Contains(dated, d => d.Metadata.Published == new NodaTime.LocalDate(2025, 2, 24));
    }

    [Fact]
    public void Every_position_cell_carries_evidence_inside_its_document()
    {
        Assert.NotEmpty(Corpus.Positions);
        foreach (var position in Corpus.Positions)
        {
            Assert.NotEmpty(position.Evidence);
            foreach (var evidence in position.Evidence)
            {
                var document = Corpus.Find(evidence.Document);
                Assert.NotNull(document);
                Assert.InRange(evidence.End, evidence.Start + 1, document!.Text.Length);
            }
        }
    }
}

public sealed class SeedDossierFixture
{
    public AnalysisResult Result { get; } =
        Analyzer.Default.AnalyzeAsync([SharedData.Seeds]).GetAwaiter().GetResult();
}
