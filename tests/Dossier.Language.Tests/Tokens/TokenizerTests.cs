using System.Text;
using Dossier.Core.Model;
using Dossier.Language.Tokens;

namespace Dossier.Language.Tests.Tokens;

public class TokenizerTests
{
    private static string[] Words(string text) => [.. Tokenizer.Tokenize(text).Select(t => t.Span.Of(text))];

    private static TokenKind KindOf(string text, string token) =>
        Tokenizer.Tokenize(text).Single(t => t.Span.Of(text) == token).Kind;

    [Fact]
    public void Abbreviations_and_initials_keep_their_period_and_the_sentence_period_stands_alone()
    {
        var words = Words("Gen. Mark Smith met U.S. and U.N. envoys with Dr. J. Doe on Feb. 3 in St. Louis.");
        Assert.Equal(["Gen.", "Mark", "Smith", "met", "U.S.", "and", "U.N.", "envoys", "with", "Dr.", "J.", "Doe", "on", "Feb.", "3", "in", "St.", "Louis", "."], words);
    }

    [Fact]
    public void A_plain_word_before_a_period_does_not_take_it()
    {
        Assert.Equal(["The", "talks", "ended", "."], Words("The talks ended."));
        Assert.Equal(["It", "ranks", "No.", "1"], Words("It ranks No. 1"));
        Assert.Equal(["The", "answer", "was", "No", "."], Words("The answer was No."));
    }

    [Fact]
    public void Possessives_and_contractions_split_as_in_the_treebank_with_curly_or_straight_apostrophes()
    {
        Assert.Equal(["Russia", "’s", "economy"], Words("Russia’s economy"));
        Assert.Equal(["Kyiv", "'s", "allies"], Words("Kyiv's allies"));
        Assert.Equal(["We", "do", "n't", "know", ",", "they", "’re", "sure"], Words("We don't know, they’re sure"));
        Assert.Equal(["O'Neill", "and", "D’Amato", "spoke"], Words("O'Neill and D’Amato spoke"));
        Assert.Equal(["the", "ministers", "’", "meeting"], Words("the ministers’ meeting"));
    }

    [Fact]
    public void Quotes_and_dashes_are_their_own_tokens()
    {
        Assert.Equal(["“", "Peace", "—", "at", "last", "!", "”", "he", "said", "."], Words("“Peace—at last!” he said."));
        Assert.Equal(["a", "well-known", "pro-Western", "leader", "--", "ousted"], Words("a well-known pro-Western leader -- ousted"));
    }

    [Fact]
    public void Numbers_keep_their_separators_and_currencies_and_multipliers_split_off()
    {
        Assert.Equal(["$", "2", "and", "€", "30", "bn", "for", "30,000", "troops", ",", "2.5", "%", "more"], Words("$2 and €30bn for 30,000 troops, 2.5% more"));
        Assert.Equal(["on", "1996-08-22", "at", "10:30", "in", "the", "1990s", "and", "the", "3rd", "round"], Words("on 1996-08-22 at 10:30 in the 1990s and the 3rd round"));
        Assert.Equal(TokenKind.Number, KindOf("costs .5 more", ".5"));
        Assert.Equal(["the", ".45", "-", "caliber", "gun", "and", ".5", "x", "zoom"], Words("the .45-caliber gun and .5x zoom"));
        Assert.Equal(["F-16", "jets", "and", "COVID-19", "in", "G7", "states"], Words("F-16 jets and COVID-19 in G7 states"));
    }

    [Fact]
    public void Urls_emails_handles_and_hashtags_stay_whole()
    {
        const string text = "See https://example.org/news/story?id=42&x=(1). Write to press.office@example.co.uk or follow @World_Desk and #PeaceTalks (www.example.com).";
        var words = Words(text);
        Assert.Contains("https://example.org/news/story?id=42&x=(1)", words);
        Assert.Contains("press.office@example.co.uk", words);
        Assert.Contains("@World_Desk", words);
        Assert.Contains("#PeaceTalks", words);
        Assert.Contains("www.example.com", words);
        Assert.Equal(TokenKind.Url, KindOf(text, "www.example.com"));
        Assert.Equal(TokenKind.Email, KindOf(text, "press.office@example.co.uk"));
        Assert.Equal(TokenKind.Handle, KindOf(text, "@World_Desk"));
        Assert.Equal(TokenKind.Hashtag, KindOf(text, "#PeaceTalks"));
        Assert.Equal(".", words[Array.IndexOf(words, "https://example.org/news/story?id=42&x=(1)") + 1]);
    }

    [Fact]
    public void Ellipses_and_repeated_marks_are_one_token()
    {
        Assert.Equal(["Wait", "...", "what", "?!", "No", "…"], Words("Wait... what?! No…"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\r\n  ")]
    [InlineData("!!!...,,,;;;---“”‘’\"'()[]{}")]
    [InlineData("\u0000\u0001\u0007abc\u001b[31mred\u007f\uFEFF\u200B")]
    [InlineData("\uD800 lone high and lone low \uDC00 surrogates")]
    [InlineData("emoji 👍🏽 and 🇺🇦 flags, Кириллица, العربية, 中文字符")]
    [InlineData("a@b @ # $ http:// www. ' ’s '")]
    public void Odd_input_gives_tokens_that_tile_the_text_without_whitespace(string text) => AssertWellFormed(text);

    [Fact]
    public void Huge_single_line_and_huge_tokens_do_not_break_it()
    {
        var line = new StringBuilder();
        var random = new Random(7);
        const string alphabet = "abc XYZ.,;!?'’“”-—@#$%0123456789 U.S. https://x.org ";
        while (line.Length < 5_000_000) line.Append(alphabet[random.Next(alphabet.Length)]);
        AssertWellFormed(line.ToString());

        var longWord = new string('a', 100_000);
        var tokens = Tokenizer.Tokenize(longWord);
        Assert.Single(tokens);
        Assert.Equal(100_000, tokens[0].Span.Length);

        AssertWellFormed(string.Concat(Enumerable.Repeat("a.", 50_000)));
        AssertWellFormed(string.Concat(Enumerable.Repeat("a@", 50_000)) + ".com");
        AssertWellFormed(new string('.', 100_000) + new string('-', 100_000) + "1" + string.Concat(Enumerable.Repeat(",1", 50_000)));
    }

    private static void AssertWellFormed(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var end = 0;
        foreach (var token in tokens)
        {
            Assert.True(token.Span.Start >= end && token.Span.End > token.Span.Start && token.Span.End <= text.Length);
            Assert.DoesNotContain(token.Span.Of(text), char.IsWhiteSpace);
            end = token.Span.End;
        }
    }
}
