using Dossier.Core.Model;
using Dossier.Language.Numbers;
using Dossier.Language.Tokens;

namespace Dossier.Language.Tests.Numbers;

public class NumberRecognizerTests
{
    private static IReadOnlyList<NumberMention> Find(string text) => NumberRecognizer.Recognize(text, Tokenizer.Tokenize(text));

    private static NumberMention One(string text, string mention) => Assert.Single(Find(text), m => m.Text == mention);

    [Fact]
    public void Cardinals_in_digits_and_words()
    {
        Assert.Equal(30_000m, One("Some 30,000 troops moved.", "30,000").Value);
        Assert.Equal(72m, One("They had 72 hours.", "72").Value);
        Assert.Equal(3m, One("Three ships sank.", "Three").Value);
        Assert.Equal(300m, One("About three hundred people came.", "three hundred").Value);
        Assert.Equal(25m, One("Twenty-five soldiers were hurt.", "Twenty-five").Value);
        Assert.Equal(2_500_000m, One("It has 2.5 million residents.", "2.5 million").Value);
        Assert.All(Find("Some 30,000 troops"), m => Assert.Equal(NumberKind.Cardinal, m.Kind));
    }

    [Fact]
    public void Ordinals_in_words_and_digits()
    {
        var third = One("It was the third round of talks.", "third");
        Assert.Equal((NumberKind.Ordinal, 3m), (third.Kind, third.Value));
        Assert.Equal(21m, One("in the 21st century", "21st").Value);
    }

    [Fact]
    public void Money_with_symbols_multipliers_and_currency_words()
    {
        var two = One("It cost $2 each.", "$2");
        Assert.Equal((NumberKind.Money, 2m, "USD"), (two.Kind, two.Value, two.Unit));
        var euros = One("a €30bn package", "€30bn");
        Assert.Equal((NumberKind.Money, 30_000_000_000m, "EUR"), (euros.Kind, euros.Value, euros.Unit));
        var named = One("worth 5 million euros", "5 million euros");
        Assert.Equal((NumberKind.Money, 5_000_000m, "EUR"), (named.Kind, named.Value, named.Unit));
        Assert.Equal("AUD", One("raised A$40 million", "A$40 million").Unit);
    }

    [Fact]
    public void A_vague_amount_of_money_has_no_value()
    {
        var vague = One("They spent Tens of Billions of Dollars on it.", "Tens of Billions of Dollars");
        Assert.Equal((NumberKind.Money, (decimal?)null, "USD"), (vague.Kind, vague.Value, vague.Unit));
        var people = One("hundreds of thousands of people", "hundreds of thousands");
        Assert.Equal((NumberKind.Cardinal, (decimal?)null), (people.Kind, people.Value));
    }

    [Fact]
    public void Percentages()
    {
        Assert.Equal((NumberKind.Percent, 40m), (One("up 40% on the year", "40%").Kind, One("up 40% on the year", "40%").Value));
        Assert.Equal(12.5m, One("fell 12.5 percent", "12.5 percent").Value);
        Assert.Equal(NumberKind.Percent, One("rose 3 per cent", "3 per cent").Kind);
    }

    [Fact]
    public void Dates_times_scores_and_years_are_left_to_the_time_stage()
    {
        Assert.Empty(Find("On 2025-02-24 at 10:30 the score was 2-1, as in 2014 and since 1991."));
        Assert.Equal(100m, One("a 100m sprint", "100").Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("$ $ $ € £")]
    [InlineData("tens of of of")]
    [InlineData("99999999999999999999999999999999999999 trillion trillion trillion")]
    [InlineData("$99999999999999999999999999 trillion")]
    public void Odd_input_does_not_crash(string text)
    {
        foreach (var m in Find(text)) Assert.Equal(m.Text, m.Span.Of(text));
    }
}
