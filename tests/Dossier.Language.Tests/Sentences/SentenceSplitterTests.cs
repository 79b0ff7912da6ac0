using Dossier.Language.Sentences;

namespace Dossier.Language.Tests.Sentences;

public class SentenceSplitterTests
{
    private static string[] Split(string text) => [.. SentenceSplitter.Split(text).Select(s => s.Span.Of(text))];

    [Fact]
    public void Titles_initials_and_acronyms_inside_a_sentence_do_not_end_it()
    {
        Assert.Equal(
            ["Gen. Mark Smith told U.S. lawmakers on Feb. 3 that J. R. Doe had left.", "He declined to comment."],
            Split("Gen. Mark Smith told U.S. lawmakers on Feb. 3 that J. R. Doe had left. He declined to comment."));
    }

    [Fact]
    public void An_acronym_ends_a_sentence_when_a_typical_opener_follows()
    {
        Assert.Equal(["Exports fell sharply in the U.S.", "The decline was steepest in steel."],
            Split("Exports fell sharply in the U.S. The decline was steepest in steel."));
    }

    [Fact]
    public void A_quotation_ending_in_an_exclamation_stays_with_its_reporting_clause()
    {
        Assert.Equal(["“We will rebuild every bridge, and we will do it fast!” Mayor Jones wrote on Friday.", "Critics were unconvinced."],
            Split("“We will rebuild every bridge, and we will do it fast!” Mayor Jones wrote on Friday. Critics were unconvinced."));
        Assert.Equal(["\"Is this the end?\" she asked.", "Nobody answered."],
            Split("\"Is this the end?\" she asked. Nobody answered."));
    }

    [Fact]
    public void A_quotation_that_closes_a_sentence_is_followed_by_a_new_one()
    {
        Assert.Equal(["“The deal is done.”", "Officials left the room an hour later."],
            Split("“The deal is done.” Officials left the room an hour later."));
        Assert.Equal(["“We won!”", "The crowd cheered for an hour."],
            Split("“We won!” The crowd cheered for an hour."));
    }

    [Fact]
    public void A_sentence_inside_a_quotation_splits_when_the_next_one_starts()
    {
        Assert.Equal(["“We waited for years.", "Now we act,” the minister said."],
            Split("“We waited for years. Now we act,” the minister said."));
    }

    [Fact]
    public void Headline_and_dateline_lines_without_punctuation_stand_alone()
    {
        Assert.Equal(["Ceasefire talks resume in Geneva", "By Jane Doe", "GENEVA (Reuters) - Diplomats met on Tuesday."],
            Split("Ceasefire talks resume in Geneva\nBy Jane Doe\n\nGENEVA (Reuters) - Diplomats met on Tuesday."));
    }

    [Fact]
    public void A_line_wrapped_in_the_middle_of_a_sentence_continues_it()
    {
        Assert.Equal(["The committee said it would publish\nits findings next week."],
            Split("The committee said it would publish\nits findings next week."));
    }

    [Fact]
    public void Ellipses_split_only_before_a_new_sentence()
    {
        Assert.Equal(["He paused...", "Then he spoke again."], Split("He paused... Then he spoke again."));
        Assert.Equal(["He paused... and then spoke again."], Split("He paused... and then spoke again."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("...!?!.")]
    [InlineData("”””“““ ) ] ” .")]
    [InlineData("\u0000\u0001\n\n\u0002")]
    public void Odd_input_yields_sentences_inside_the_text(string text)
    {
        var sentences = SentenceSplitter.Split(text);
        var end = 0;
        foreach (var s in sentences)
        {
            Assert.True(s.Span.Start >= end && s.Span.End > s.Span.Start && s.Span.End <= text.Length);
            end = s.Span.End;
        }
    }

    [Fact]
    public void A_huge_text_without_any_break_is_one_sentence()
    {
        var text = string.Concat(Enumerable.Repeat("word ", 1_000_000));
        var sentence = Assert.Single(SentenceSplitter.Split(text));
        Assert.Equal(text.TrimEnd().Length, sentence.Span.Length);
    }
}
