using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Language.Tests.Support;
using Dossier.Language.Time;
using NodaTime;

namespace Dossier.Language.Tests.Time;

public class TimeStageTests
{
    /// <summary>A Monday.</summary>
    private static readonly LocalDate Dct = new(2025, 2, 24);

    private static Document Run(string text, LocalDate? published) =>
        new TimeStage().Process(HandDocs.Make(text, published), StageContext.Default());

    private static TimeExpression Find(string text, string expression, LocalDate? published = null)
    {
        var doc = Run(text, published ?? Dct);
        var times = doc.Layer(Layers.Times);
        return times.FirstOrDefault(t => t.Text == expression)
            ?? throw new Xunit.Sdk.XunitException($"'{expression}' not found; got: {string.Join(" | ", times.Select(t => $"{t.Text}={t.Value}"))}");
    }

    [Theory]
    [InlineData("The minister said on Monday that talks had stalled.", "Monday", "2025-02-24")]
    [InlineData("Officials met on Saturday in Geneva.", "Saturday", "2025-02-22")]
    [InlineData("The two leaders will meet Tuesday in Riyadh.", "Tuesday", "2025-02-25")]
    [InlineData("Aides are preparing for a Thursday call that will cover trade.", "Thursday", "2025-02-27")]
    [InlineData("Drones struck the port late Sunday, officials said.", "late Sunday", "2025-02-23")]
    [InlineData("Most lenders had repaid the emergency loans by Friday, the central bank said.", "Friday", "2025-02-21")]
    [InlineData("Officials said the envoy would be returning to Kabul Thursday.", "Thursday", "2025-02-27")]
    public void Weekdays_resolve_by_the_tense_of_their_sentence(string text, string expression, string value)
    {
        var t = Find(text, expression);
        Assert.Equal(TimexType.DATE, t.Type);
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("Talks collapsed last week.", "last week", "DATE", "2025-W08")]
    [InlineData("He will travel this week.", "this week", "DATE", "2025-W09")]
    [InlineData("A vote is expected next week.", "next week", "DATE", "2025-W10")]
    [InlineData("Exports fell last month.", "last month", "DATE", "2025-01")]
    [InlineData("Growth will slow this year.", "this year", "DATE", "2025")]
    [InlineData("Prices have risen since last summer.", "last summer", "DATE", "2024-SU")]
    [InlineData("The war has lasted three years.", "three years", "DURATION", "P3Y")]
    [InlineData("Ukraine accepted a 30-day ceasefire.", "30-day", "DURATION", "P30D")]
    [InlineData("The hostages were held for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M")]
    [InlineData("The envoy spent 5 1/2 hours in Kigali.", "5 1/2 hours", "DURATION", "PT5H30M")]
    [InlineData("Markets fell in the last twenty four hours.", "the last twenty four hours", "DURATION", "PT24H")]
    [InlineData("The blast came a minute and a half after the alarm.", "a minute and a half", "DURATION", "PT1M30S")]
    [InlineData("A deal could come within weeks.", "weeks", "DURATION", "PXW")]
    [InlineData("The committee meets every week.", "every week", "SET", "P1W")]
    [InlineData("The ministers spoke yesterday.", "yesterday", "DATE", "2025-02-23")]
    [InlineData("The court rules tomorrow.", "tomorrow", "DATE", "2025-02-25")]
    [InlineData("Markets are calm today.", "today", "DATE", "2025-02-24")]
    [InlineData("Shelling continued overnight.", "overnight", "TIME", "2025-02-23TNI")]
    [InlineData("Shares in the miner fell in mid-afternoon yesterday.", "mid-afternoon yesterday", "TIME", "2025-02-23TAF")]
    [InlineData("Exports recovered in the last half of 2024.", "the last half of 2024", "DATE", "2024-H2")]
    [InlineData("Profits rose in the third quarter of 2024.", "the third quarter of 2024", "DATE", "2024-Q3")]
    [InlineData("Sales slumped in the 1990s.", "the 1990s", "DATE", "199")]
    [InlineData("Sales slumped through the nineties.", "the nineties", "DATE", "199")]
    [InlineData("The rebels split in mid-2016.", "mid-2016", "DATE", "2016")]
    [InlineData("The post-1991 borders were recognised by both sides.", "post-1991", "DATE", "1991")]
    [InlineData("The plant opened three years ago.", "three years ago", "DATE", "2022")]
    [InlineData("The summit starts at 3 p.m. local time.", "3 p.m.", "TIME", "2025-02-24T15:00")]
    [InlineData("Rebels seized two villages over the weekend, the army said.", "the weekend", "DATE", "2025-W08-WE")]
    [InlineData("Negotiators will meet again over the weekend.", "the weekend", "DATE", "2025-W09-WE")]
    [InlineData("The figures for October showed a sharp drop in exports.", "October", "DATE", "2024-10")]
    [InlineData("The dam was completed in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996")]
    [InlineData("The dam was completed in March nineteen ninety-six.", "March nineteen ninety-six", "DATE", "1996-03")]
    [InlineData("Prices peaked in the winter of nineteen ninety-four.", "winter of nineteen ninety-four", "DATE", "1994-WI")]
    [InlineData("Nobody expected this by the year two thousand.", "the year two thousand", "DATE", "2000")]
    [InlineData("Investors worry about current market conditions.", "current", "DATE", "PRESENT_REF")]
    [InlineData("The airline lost $40 million in the year ended March 31.", "the year", "DURATION", "P1Y")]
    [InlineData("For the year, the retailer expects sales to grow 4%.", "the year", "DATE", "2025")]
    [InlineData("The merger should close by year-end.", "year-end", "DATE", "2025")]
    [InlineData("Net income rose from year-earlier levels.", "year-earlier", "DATE", "2024")]
    [InlineData("The plant closed in June last year.", "June last year", "DATE", "2024-06")]
    [InlineData("Elections are due in October this year.", "October this year", "DATE", "2025-10")]
    [InlineData("Pilgrims flocked to Jerusalem for Easter.", "Easter", "DATE", "2025-04-20")]
    [InlineData("The candidates campaigned through Easter week 2024.", "Easter week 2024", "DATE", "2024-W13")]
    [InlineData("Turnout on Election Day 2024 was high.", "Election Day 2024", "DATE", "2024-11-05")]
    [InlineData("The trial is set for the week of March 10.", "the week of March 10", "DATE", "2025-W11")]
    [InlineData("The leaders agreed to meet again this September.", "this September", "DATE", "2025-09")]
    public void Relative_expressions_are_normalised_against_the_publication_date(string text, string expression, string type, string value)
    {
        var t = Find(text, expression);
        Assert.Equal(Enum.Parse<TimexType>(type), t.Type);
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("Chipmakers expect demand to recover in next year's first quarter.", "next year's first quarter", "2026-Q1")]
    [InlineData("The retailer lost money in the year-ago fourth quarter.", "the year-ago fourth quarter", "2023-Q4")]
    [InlineData("The insurer earned $2 billion in the third quarter of 2024, up from $1.5 billion in the 2023 period.", "the 2023 period", "2023-Q3")]
    [InlineData("The insurer earned $2 billion in the third quarter of 2024, against $1.5 billion in the corresponding period last year.", "the corresponding period last year", "2023-Q3")]
    [InlineData("Margins in the third quarter of 2024 were thinner than in the quarter a year earlier.", "the quarter a year earlier", "2023-Q3")]
    public void A_year_named_with_a_quarter_or_a_report_period_is_one_expression(string text, string expression, string value) =>
        Assert.Equal(value, Find(text, expression).Value);

    [Fact]
    public void A_forecast_quarter_is_not_the_quarter_under_report() =>
        Assert.Equal("2023-Q4", Recognized("Analysts expect losses through the fourth quarter of 2025. In the year-ago period, the bank earned $2 million.", "the year-ago period").Value);

    [Theory]
    [InlineData("The board declared a special dividend payable Jan. 15.", "Jan. 15", "2026-01-15")]
    [InlineData("Ms. Ortiz will succeed him Jan. 5 as chief executive.", "Jan. 5", "2026-01-05")]
    [InlineData("The plant was closed in March after a fire.", "March", "2025-03")]
    public void A_date_without_a_year_takes_its_year_from_the_tense_near_it(string text, string expression, string value) =>
        Assert.Equal(value, Find(text, expression, new LocalDate(2025, 11, 20)).Value);

    [Theory]
    [InlineData("The firm was founded in June 1998 and went public later that year.", "later that year", "1998")]
    [InlineData("Fighting broke out on March 3, 2024, and the truce collapsed the following day.", "the following day", "2024-03-04")]
    [InlineData("The minister resigned on January 10, 2023. The following month, parliament was dissolved.", "The following month", "2023-02")]
    [InlineData("The bank lost money in the third quarter of 2023, after a sharp drop in lending. Results for that quarter included a write-down.", "that quarter", "2023-Q3")]
    [InlineData("The talks ended on May 2, 2024, and the envoys flew home the next morning.", "the next morning", "2024-05-03")]
    public void Narrative_expressions_count_from_the_last_date_written(string text, string expression, string value) =>
        Assert.Equal(value, Recognized(text, expression).Value);

    [Fact]
    public void Narrative_expressions_without_an_earlier_date_count_from_the_publication_date() =>
        Assert.Equal("2025-02-25", Recognized("Police said the suspect would appear in court the following day.", "the following day").Value);

    [Theory]
    [InlineData("Food prices have doubled over the past year.", "the past year", "2024")]
    [InlineData("Violence has fallen in the last decade.", "the last decade", "201")]
    public void The_past_unit_is_the_calendar_unit_before_the_publication_date(string text, string expression, string value) =>
        Assert.Equal(value, Recognized(text, expression).Value);

    /// <summary>Recognition over the project's own sentence split (the hand-made test documents split at every ". ").</summary>
    private static TimeExpression Recognized(string text, string expression)
    {
        var times = TimexRecognizer.Recognize(text, TimeStage.SplitSentences(text), Dct);
        return times.FirstOrDefault(t => t.Text == expression)
            ?? throw new Xunit.Sdk.XunitException($"'{expression}' not found; got: {string.Join(" | ", times.Select(t => $"{t.Text}={t.Value}"))}");
    }

    [Theory]
    [InlineData("The rebels have until 9 a.m. Wednesday to leave the city.", "9 a.m. Wednesday", "2025-02-26T09:00")]
    [InlineData("Polls will close at 8 p.m. EST Tuesday.", "8 p.m. EST Tuesday", "2025-02-25T20:00")]
    [InlineData("The ceasefire took effect at noon Saturday, the army said.", "noon Saturday", "2025-02-22T12:00")]
    public void A_clock_time_and_its_day_are_one_expression(string text, string expression, string value)
    {
        var t = Recognized(text, expression);
        Assert.Equal(TimexType.TIME, t.Type);
        Assert.Equal(value, t.Value);
    }

    [Theory]
    [InlineData("The invasion began on February 24, 2022.", "February 24, 2022", "2022-02-24")]
    [InlineData("The report is dated 24 Feb 2025.", "24 Feb 2025", "2025-02-24")]
    [InlineData("Filed 2025-02-24 by the clerk.", "2025-02-24", "2025-02-24")]
    [InlineData("The envoy will return on March 3.", "March 3", "2025-03-03")]
    [InlineData("The vote was held in December.", "December", "2024-12")]
    public void Absolute_dates_are_recognised(string text, string expression, string value) =>
        Assert.Equal(value, Find(text, expression).Value);

    [Theory]
    [InlineData("She may resign, and he will march on.")]
    [InlineData("The city has stood for more than two thousand years.")]
    [InlineData("Crowds gathered for the March on the capital.")]
    [InlineData("The year-end bonus pool shrank.")]
    public void Words_that_only_look_like_dates_are_left_alone(string text) =>
        Assert.DoesNotContain(Run(text, Dct).Layer(Layers.Times), t => t.Value is { } v && (v.StartsWith("2025", StringComparison.Ordinal) || v == "2000"));

    [Theory]
    [InlineData("The rebels seized the town. Three days later, they withdrew.", "Three days", "P3D")]
    [InlineData("The reforms passed 30 days before the election.", "30 days", "P30D")]
    [InlineData("A day earlier, talks in Doha had collapsed.", "A day earlier", "P1D")]
    public void An_amount_of_time_before_or_after_an_event_is_a_duration(string text, string expression, string value)
    {
        var t = Recognized(text, expression);
        Assert.Equal(TimexType.DURATION, t.Type);
        Assert.Equal(value, t.Value);
    }

    [Fact]
    public void The_day_before_an_event_is_a_date() =>
        Assert.Equal("2025-02-23", Recognized("Protesters gathered the day before the vote.", "the day before").Value);

    [Fact]
    public void A_quarter_of_something_is_a_fraction_not_a_period() =>
        Assert.Empty(Run("The fund holds a quarter of the country's gold reserves.", Dct).Layer(Layers.Times));

    [Fact]
    public void A_range_inside_a_month_gives_both_ends()
    {
        var doc = Run("The fair runs March 3-5 in Berlin.", Dct);
        Assert.Equal(new string?[] { "2025-03-03", "2025-03-05" }, doc.Layer(Layers.Times).Select(t => t.Value).ToList());
    }

    [Fact]
    public void Without_a_publication_date_relative_values_stay_underspecified_with_an_anchor()
    {
        var doc = Run("The minister said on Monday that talks would resume next week.", published: null);
        var monday = doc.Layer(Layers.Times).Single(t => t.Text == "Monday");
        Assert.Equal("XXXX-WXX-1", monday.Value);
        Assert.Equal("DCT<1", monday.Anchor);
        Assert.Null(doc.Metadata.Published);
    }

    [Fact]
    public void A_missing_publication_date_is_inferred_from_the_latest_past_full_date_and_used()
    {
        var doc = Run("Posted on February 24, 2025. Officials met on Saturday after a January 30, 2025 meeting. A summit will be held on March 15, 2025.", published: null);
        Assert.Equal(new LocalDate(2025, 2, 24), doc.Metadata.Published);
        Assert.True(doc.Metadata.PublishedInferred);
        Assert.Equal("2025-02-22", doc.Layer(Layers.Times).Single(t => t.Text == "Saturday").Value);
    }

    [Fact]
    public void A_given_publication_date_is_kept()
    {
        var doc = Run("Posted on February 20, 2025.", Dct);
        Assert.Equal(Dct, doc.Metadata.Published);
        Assert.False(doc.Metadata.PublishedInferred);
    }

    [Theory]
    [InlineData("")]
    [InlineData("February 30, 2025 and 99:99 pm and the 0th century")]
    [InlineData("\0\u0001\uFFFD ... !!! ''' ---")]
    public void Odd_input_does_not_crash(string text)
    {
        var doc = Run(text, null);
        Assert.True(doc.Has(Layers.Times));
    }

    [Fact]
    public void A_long_single_line_is_processed()
    {
        var text = string.Concat(Enumerable.Repeat("Officials said on Monday that three years of war had passed since February 24, 2022 ", 10_000));
        var doc = Run(text, Dct);
        Assert.Equal(30_000, doc.Layer(Layers.Times).Length);
    }
}
