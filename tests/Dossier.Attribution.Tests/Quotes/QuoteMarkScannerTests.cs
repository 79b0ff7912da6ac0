using Dossier.Attribution.Quotes;

namespace Dossier.Attribution.Tests.Quotes;

public class QuoteMarkScannerTests
{
    private static List<string> Inner(string text) =>
        QuoteMarkScanner.Scan(text).Select(q => q.Inner.Of(text)).ToList();

    [Theory]
    [InlineData("The mayor said: “We will rebuild the bridge.”", "We will rebuild the bridge.")]
    [InlineData("The mayor said: \"We will rebuild the bridge.\"", "We will rebuild the bridge.")]
    [InlineData("The mayor said: ‘We will rebuild the bridge.’", "We will rebuild the bridge.")]
    [InlineData("The mayor said: 'We will rebuild the bridge.'", "We will rebuild the bridge.")]
    [InlineData("Le maire a déclaré : « Nous reconstruirons le pont. »", " Nous reconstruirons le pont. ")]
    [InlineData("Der Bürgermeister sagte: „Wir bauen die Brücke wieder auf.“", "Wir bauen die Brücke wieder auf.")]
    public void Finds_quotations_in_every_convention(string text, string expected)
    {
        Assert.Equal([expected], Inner(text));
    }

    [Fact]
    public void Apostrophes_are_not_quotation_marks()
    {
        var text = "Ukraine’s allies can’t agree, and the ’90s deal is gone. The leaders’ plans differ. ‘It’s over,’ she said.";
        Assert.Equal(["It’s over,"], Inner(text));
    }

    [Fact]
    public void Straight_apostrophes_are_not_quotation_marks()
    {
        var text = "Ukraine's allies can't agree on the '90s treaty. 'We won't sign it,' the envoy said.";
        Assert.Equal(["We won't sign it,"], Inner(text));
    }

    [Fact]
    public void A_nested_quotation_belongs_to_its_outer_quotation()
    {
        var text = "“We back the “Green Harbour Accord” and hope it is signed soon,” the minister said. “He called it ‘a fair deal,’ and I agree.”";
        Assert.Equal(
            ["We back the “Green Harbour Accord” and hope it is signed soon,", "He called it ‘a fair deal,’ and I agree."],
            Inner(text));
    }

    [Fact]
    public void A_quotation_over_several_paragraphs_repeats_its_opening_mark()
    {
        var text = "The governor said:\n\n“We have lost three towns to the water.\n\n“We will rebuild every one of them.”\n\nOfficials left.";
        var quotes = QuoteMarkScanner.Scan(text);
        var q = Assert.Single(quotes);
        Assert.Equal("“We have lost three towns to the water.\n\n“We will rebuild every one of them.”", q.Outer.Of(text));
    }

    [Fact]
    public void An_unclosed_mark_is_dropped_at_the_paragraph_end()
    {
        var text = "The minister said “we are close to a deal.\nThe talks resume on Monday. “Nothing is agreed yet,” an aide said.";
        Assert.Equal(["Nothing is agreed yet,"], Inner(text));
    }

    [Fact]
    public void An_unclosed_outer_mark_keeps_the_closed_quotation_inside_it()
    {
        var text = "“The vote was close. “We lost by ten seats,” she said.\nNext paragraph without marks.";
        Assert.Equal(["We lost by ten seats,"], Inner(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("”””’’’»»»")]
    [InlineData("““““““““““““““““““““““““““““““““““")]
    [InlineData("\"")]
    [InlineData("'")]
    public void Junk_input_yields_no_invented_quotation(string text)
    {
        Assert.Empty(QuoteMarkScanner.Scan(text));
    }

    [Fact]
    public void Ten_thousand_quotations_are_all_found()
    {
        var text = string.Concat(Enumerable.Repeat("“Ready,” he said. ", 10_000));
        Assert.Equal(10_000, QuoteMarkScanner.Scan(text).Count);
    }

    [Fact]
    public void Every_quotation_the_scanner_finds_opens_and_closes_with_a_mark_it_reports_as_one()
    {
        var text = "She said “yes”, he said \"no\", they wrote ‘maybe’ and «peut-être», ‹vielleicht› and „ja“ and 'perhaps'.";
        var found = QuoteMarkScanner.Scan(text);
        Assert.Equal(7, found.Count);
        Assert.All(found, q =>
        {
            Assert.True(QuoteMarkScanner.IsQuoteMark(text[q.Outer.Start]));
            Assert.True(QuoteMarkScanner.IsQuoteMark(text[q.Outer.End - 1]));
        });
        Assert.False(QuoteMarkScanner.IsQuoteMark('a'));
        Assert.False(QuoteMarkScanner.IsQuoteMark(','));
    }
}
