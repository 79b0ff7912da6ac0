using System.Text.RegularExpressions;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Ingest.Extraction;
using Dossier.Testing;

namespace Dossier.Ingest.Tests;

/// <summary>The five seed reports (read from ../shared at run time, never copied): what a careful reader expects.</summary>
public class SeedTests
{
    private static readonly Lazy<(IReadOnlyList<string> Raw, IReadOnlyList<Document> Docs)> Seeds = new(() =>
    {
        var bag = new DiagnosticBag();
        var raws = InputReader.Read([SharedData.Seeds], null, bag).ToList();
        var docs = Extractor.Extract(raws, new StageContext(NodaTime.SystemClock.Instance, bag));
        return (raws.Select(r => r.Content).ToList(), docs);
    });

    private static IReadOnlyList<Document> Docs => Seeds.Value.Docs;

    [Fact]
    public void All_five_seeds_are_extracted()
    {
        Assert.Equal(5, Docs.Count);
        Assert.All(Docs, d => Assert.Equal("en", d.Metadata.Language));
    }

    [Theory]
    [InlineData(@"(?i)leave a comment")]
    [InlineData(@"(?i)^READ:")]
    [InlineData(@"(?i)remind me later")]
    [InlineData(@"(?i)donation|dear readers|support us|newsletter|subscribe")]
    [InlineData(@"(?i)^(by|author:)\s")]
    [InlineData(@"(?i)is the news editor of|follow (him|her) on")]
    [InlineData(@"pic\.twitter\.com|\(@\w+\)")]
    [InlineData(@"(?i)photo of author")]
    [InlineData(@"(?i)connect with us|follow the .* on facebook")]
    public void No_boilerplate_line_remains(string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.Multiline);
        Assert.All(Docs, d => Assert.DoesNotMatch(regex, d.Text));
    }

    [Fact]
    public void No_body_repeats_its_title()
    {
        foreach (var doc in Docs.Where(d => d.Metadata.Title is not null))
        {
            var title = TextCleaner.Key(doc.Metadata.Title!);
            Assert.DoesNotContain(doc.Layer(Layers.Paragraphs), p => TextCleaner.Key(doc.TextOf(p.Span)).Replace(title, "").Trim().Length == 0);
        }
    }

    [Fact]
    public void Every_paragraph_is_either_kept_or_removed_with_a_reason()
    {
        var (raw, docs) = Seeds.Value;
        for (var i = 0; i < docs.Count; i++)
        {
            var doc = docs[i];
            var accounted = doc.Layer(Layers.Paragraphs).Select(p => doc.TextOf(p.Span)).Concat(doc.Removed.Select(r => r.Text)).ToHashSet();
            if (doc.Metadata.Title is not null) accounted.Add(doc.Metadata.Title);
            foreach (var line in raw[i].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                Assert.Contains(line, accounted);
        }
    }

    [Fact]
    public void Real_paragraphs_are_kept()
    {
        // Every paragraph of prose (long, ends a sentence, not an appeal) must survive; checked generically.
        var (raw, docs) = Seeds.Value;
        for (var i = 0; i < docs.Count; i++)
        {
            // Long removed blocks may only be appeals, bios, embedded posts or repeats of the title, never prose.
            string[] allowed = [RemovalReasons.DonationAppeal, RemovalReasons.AuthorBio, RemovalReasons.SocialEmbed, RemovalReasons.RepeatedTitle];
            var removed = docs[i].Removed.Where(r => r.Text.Length > 150 && !allowed.Contains(r.Reason));
            Assert.Empty(removed);
            Assert.True(docs[i].Layer(Layers.Paragraphs).Length >= 8, $"{docs[i].Source} kept only {docs[i].Layer(Layers.Paragraphs).Length} paragraphs");
        }
    }

    [Fact]
    public void Quotes_that_repeat_headline_words_stay()
    {
        var quoted = Docs.Where(d => d.Metadata.Title is not null)
            .SelectMany(d => d.Layer(Layers.Paragraphs).Select(p => d.TextOf(p.Span)))
            .Count(p => p.Contains('“'));
        Assert.True(quoted >= 4);
    }

    [Fact]
    public void Outlets_are_found_where_the_text_names_them()
    {
        var outlets = Docs.Select(d => d.Metadata.Outlet).ToList();
        // Each outlet the text names about itself (an editor's bio, a message or donation appeal, a desk credit).
        Assert.Equal(4, outlets.Count(o => o is not null));
        Assert.All(outlets.Where(o => o is not null), o => Assert.DoesNotMatch(@"(?i)newsroom|[,:;.]$", o!));
        foreach (var doc in Docs.Where(d => d.Metadata.Outlet is not null))
            Assert.Contains(doc.Removed, r => r.Text.Contains(doc.Metadata.Outlet!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Authors_are_clean_names()
    {
        var authors = Docs.SelectMany(d => d.Metadata.Authors).ToList();
        Assert.Equal(2, authors.Count);
        Assert.All(authors, a => Assert.Matches(@"^\p{Lu}\p{L}+( \p{Lu}\p{L}+)*$", a));
        Assert.All(authors, a => Assert.DoesNotMatch(@"(?i)\bby\b|newsroom|media|\d", a));
    }
}
