using Dossier.Core.Model;
using Dossier.Corpus.Dates;

namespace Dossier.Corpus.Tests;

public sealed class StoryDateTests
{
    private static Story StoryOf(params string[] ids) => new("s1", "t", null, [.. ids], "");

    [Fact]
    public void Undated_member_gets_the_earliest_given_date_of_its_story()
    {
        var dated = new DocBuilder("a", "Floods hit the valley.").Published(2024, 9, 14).Build();
        var later = new DocBuilder("b", "Floods recede in the valley.").Published(2024, 9, 15).Build();
        var undated = new DocBuilder("c", "The valley floods displaced thousands.").Build();
        var corpus = TestCorpus.Of(dated, later, undated) with { Stories = [StoryOf("a", "b", "c")] };
        var result = new StoryDateStage().Process(corpus, TestCorpus.Context());
        var c = result.Find("c")!;
        Assert.Equal(new NodaTime.LocalDate(2024, 9, 14), c.Metadata.Published);
        Assert.True(c.Metadata.PublishedInferred);
        Assert.False(result.Find("a")!.Metadata.PublishedInferred);
        Assert.Equal("2024-09-14", Assert.Single(result.Stories).Date);
    }

    [Fact]
    public void Without_given_dates_the_dates_stated_in_the_texts_are_used()
    {
        var a = new DocBuilder("a", "The summit opened in Lima on Nov. 4, 2024, and closed a day later.").Build();
        var b = new DocBuilder("b", "Delegates left Lima after the summit.").Build();
        var corpus = TestCorpus.Of(a, b) with { Stories = [StoryOf("a", "b")] };
        var result = new StoryDateStage().Process(corpus, TestCorpus.Context());
        Assert.All(result.Documents, d => Assert.Equal(new NodaTime.LocalDate(2024, 11, 4), d.Metadata.Published));
        Assert.All(result.Documents, d => Assert.True(d.Metadata.PublishedInferred));
    }

    [Fact]
    public void Future_dates_in_the_text_are_not_publication_dates_and_no_date_leaves_the_story_undated()
    {
        var a = new DocBuilder("a", "The vote is scheduled for January 12, 2031.").Build();
        var corpus = TestCorpus.Of(a) with { Stories = [StoryOf("a")] };
        var result = new StoryDateStage().Process(corpus, TestCorpus.Context(2025, 1, 1));
        Assert.Null(result.Find("a")!.Metadata.Published);
        Assert.Null(Assert.Single(result.Stories).Date);
    }

    [Theory]
    [InlineData("Released on 24 February 2025 at noon.", "2025-02-24")]
    [InlineData("Dated 2023-07-01 in the filing.", "2023-07-01")]
    [InlineData("On Sept. 9th, 2022 the court ruled.", "2022-09-09")]
    public void Written_dates_are_found(string text, string expected)
    {
        Assert.Equal(expected, NodaTime.Text.LocalDatePattern.Iso.Format(Assert.Single(TextDates.Find(text))));
    }

    [Fact]
    public void Impossible_dates_are_ignored() => Assert.Empty(TextDates.Find("February 30, 2025 and 2025-13-01"));
}
