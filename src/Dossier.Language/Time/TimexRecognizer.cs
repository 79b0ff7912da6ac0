using System.Globalization;
using System.Text.RegularExpressions;
using Dossier.Core.Model;
using NodaTime;
using NodaTime.Calendars;
using NodaTime.Text;

namespace Dossier.Language.Time;

/// <summary>
/// Rule-based TIMEX3 recognition and normalisation, in the manner of HeidelTime: patterns find DATE, TIME,
/// DURATION and SET expressions; relative ones are resolved against the document creation time (DCT), weekdays and
/// bare months by the tense of their sentence. Without a DCT, values stay underspecified (XXXX-WXX-1) and
/// <see cref="TimeExpression.Anchor"/> records how to resolve them ("DCT-P1W", "DCT&lt;1" = the previous Monday).
/// Patterns are source-generated and have no nested unbounded repetition, so each start position does bounded work
/// and time stays linear in the text length.
/// </summary>
public static partial class TimexRecognizer
{
    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d\d)-(?<d>\d\d)\b", Options)]
    private static partial Regex Rule1();

    [GeneratedRegex(@"\b(?:(?<wd>" + WeekdayNames + @"),?\s+)?(?<mon>" + MonthNames + @")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<y>\d{4})\b)?", Options)]
    private static partial Regex Rule2();

    [GeneratedRegex(@"\b(?:(?<wd>" + WeekdayNames + @"),?\s+)?(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>" + MonthNames + @")\b\.?(?:,?\s+(?<y>\d{4})\b)?", Options)]
    private static partial Regex Rule3();

    [GeneratedRegex(@"\b(?:(?<mod>early|late|mid)[\s-]+)?(?<mon>" + MonthNames + @")\.?,?\s+(?:(?<y>\d{4})|" + SpokenYearWords + @")\b", Options)]
    private static partial Regex Rule4();

    [GeneratedRegex(@"\b(?<cue>in|since|until|till|by|through|during|from|to|before|after|between|and|or|of|last|next|this|early|late|mid|mid-|end of|beginning of|start of)\s+(?:early\s+|late\s+|mid-?)?(?<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept\.|oct\.|nov\.|dec\.)", Options)]
    private static partial Regex Rule5();

    [GeneratedRegex(@"\b(?<mon>" + MonthNames + @")\.?\s+\d{1,2}\s*[-–]\s*(?<d>\d{1,2})\b", Options)]
    private static partial Regex Rule6();

    [GeneratedRegex(@"\b(?:(?<rel>last|next|this|previous|this\s+coming|the\s+previous|the\s+following)\s+)?(?:(?<mod>late|early)\s+)?(?<wd>" + WeekdayNames + @")(?<pl>s)?\b(?:\s+(?<part>morning|afternoon|evening|night))?", Options)]
    private static partial Regex Rule7();

    [GeneratedRegex(@"\b(?:the\s+day\s+(?<dir>before|after)\s+(?<base>yesterday|tomorrow)|(?<w>today|yesterday|tomorrow|tonight|overnight))\b", Options)]
    private static partial Regex Rule8();

    [GeneratedRegex(@"\b(?<rel>this|yesterday|tomorrow|last|early\s+this|late\s+last|earlier\s+this)\s+(?<part>morning|afternoon|evening|night)\b|\b(?:(?:mid|late|early)[\s-]+)?(?<part>morning|afternoon|evening)\s+(?<rel>yesterday|tomorrow)\b", Options)]
    private static partial Regex Rule9();

    [GeneratedRegex(@"\b(?:(?<pre>earlier|later|early|late)\s+)?(?<rel>last|this|next|coming|previous|current|following|past)\s+(?<unit>week|weekend|month|year|quarter|decade|century)\b", Options)]
    private static partial Regex Rule10();

    [GeneratedRegex(@"\b(?:the\s+)?(?:past|last|next|coming|previous|first|final)\s+(?<n>" + Number + @")\s+(?<unit>" + Units + @")\b", Options)]
    private static partial Regex Rule11();

    [GeneratedRegex(@"\bthe\s+(?:past|last|previous)\s+(?<unit>week|month|year|decade|century|day|hour)\b", Options)]
    private static partial Regex Rule12();

    [GeneratedRegex(@"\b(?<n>" + Number + @")\s+(?<unit>" + Units + @")\s+(?<dir>ago|earlier|before|later|from now|hence)\b", Options)]
    private static partial Regex Rule13();

    [GeneratedRegex(@"\b(?:(?<the>the)\s+)?(?<n>" + Number + @")(?<sep>[\s-]+)(?<unit>" + Units + @")(?:[\s-]+(?<age>old|long)|(?<half>\s+and\s+a\s+half))?\b", Options)]
    private static partial Regex Rule14();

    [GeneratedRegex(@"\b(?:(?<q>several|a\s+few|few|many|some|recent|coming)\s+)?(?<unit>seconds|minutes|hours|days|weeks|months|years|decades)\b", Options)]
    private static partial Regex Rule15();

    [GeneratedRegex(@"\b(?<fy>fiscal\s+(?:year\s+)?|(?:mid|post|pre)-)?(?<y>(?:1[89]|20)\d\d)\b(?!\s*(?:%|percent|troops|people|soldiers|men|women|dollars|euros|tons|tonnes|km|miles|barrels|shares|jobs|units|cars|homes|votes|seats))", Options)]
    private static partial Regex Rule16();

    [GeneratedRegex(@"\b(?:the\s+)?(?:(?<y>(?:1[89]|20)\d)0s|'(?<yy>\d)0s)\b|\b(?:the\s+)?(?<c>\d{1,2})(?:st|nd|rd|th)\s+century\b|\bthe\s+(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", Options)]
    private static partial Regex Rule17();

    [GeneratedRegex(@"\b(?:(?<cue>in|the|during|since|until|by|through|of|this|last|next|past|coming|early|late|mid)\s+)(?:(?<rel>last|this|next|past|coming)\s+)?(?:(?<mod>early|late|mid)[\s-]+)?(?<s>spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(?:(?<y>\d{4})|" + SpokenYearWords + @")\b)?", Options)]
    private static partial Regex Rule18();

    [GeneratedRegex(@"\b(?:the\s+)?(?:(?<rel>last|this|next|current|previous)\s+)?(?:(?<ry>last|this|next)\s+year['’]s\s+|(?<y0>(?:1[89]|20)\d\d)\s+|(?<ya>year-ago|year-earlier|prior-year|year-before)\s+)?(?:fiscal\s+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|last(?=[\s-]+half))[\s-]+(?<unit>quarter|half)\b(?:\s+(?:of\s+)?(?:fiscal\s+)?(?<y>\d{4})\b)?|\bQ(?<q>[1-4])\s*(?<y2>\d{4})?\b|\b(?:the\s+)?(?<rel2>last|this|next|current|previous)\s+quarter\b", Options)]
    private static partial Regex Rule19();

    [GeneratedRegex(@"\b(?:(?<now>now|currently|nowadays|presently|right\s+now|at\s+present|at\s+the\s+moment|these\s+days))|(?<past>the\s+past|recently)|the\s+(?<future>future)\b|(?<future>the\s+near\s+term|the\s+short\s+term)\b", Options)]
    private static partial Regex Rule20();

    [GeneratedRegex(@"\b(?<h>Christmas\s+Eve|Christmas(?:\s+Day)?|New\s+Year's\s+(?:Day|Eve)|New\s+Year’s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Independence\s+Day|Halloween|Valentine's\s+Day|Labor\s+Day|Memorial\s+Day|Election\s+Day|Easter(?:\s+(?:Sunday|(?<week>week)))?)\b(?:,?\s+(?<y>\d{4})\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex Rule21();

    [GeneratedRegex(@"\bthe\s+(?:(?<which>latest|current|same|corresponding|year-ago|year-earlier|comparable|prior-year|year-before|fiscal)[\s-]+)?(?<unit>quarter|period)\b(?:\s+(?<ago>a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)\b)?|\b(?<which>year-ago|year-earlier)\s+(?<unit>quarter|period)\b|\b(?:the\s+(?<y>(?:1[89]|20)\d\d)|(?<which>last)\s+year['’]s)\s+(?<unit>quarter|period)\b", Options)]
    private static partial Regex Rule22();

    [GeneratedRegex(@"\b(?<h>\d{1,2})(?::(?<mi>\d\d))?\s*(?<ap>a\.m\.|p\.m\.|am|pm)|\b(?<h>\d{1,2}):(?<mi>\d\d)\b|\b(?<word>noon|midnight|midday)\b", Options)]
    private static partial Regex Rule23();

    [GeneratedRegex(@"\b(?:every|each)\s+(?:(?<n>other|\d+|two|three|four|five|six)\s+)?(?<unit>day|night|week|weekend|month|year|quarter|hour|minute|" + WeekdayNames + @"|morning|evening|summer|winter|spring)s?\b|\b(?<adv>daily|weekly|hourly|nightly)\b|\b(?:once|twice|three\s+times|\d+\s+times)\s+(?:a|per|each|every)\s+(?<unit2>day|week|month|year)\b", Options)]
    private static partial Regex Rule24();

    [GeneratedRegex(@"\b(?<mon>January|February|April|June|July|August|September|October|November|December)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Rule25();

    [GeneratedRegex(@"\b(?:(?<over>over|during|on|at)\s+)?the\s+weekend\b", Options)]
    private static partial Regex Rule26();

    [GeneratedRegex(@"\b(?:the\s+year\s+)?" + SpokenYearWords + @"\b(?!\s+(?:" + Units + @"|people|dollars|troops))", Options)]
    private static partial Regex Rule27();

    [GeneratedRegex(@"\bcurrent\b", Options)]
    private static partial Regex Rule28();

    [GeneratedRegex(@"\bthe\s+(?:(?<which>full|current|entire|whole|latest)\s+)?(?:fiscal\s+)?year\b(?!-)(?=(?<ended>\s+(?:ended|ending|through|to\s+(?:date|June|March|Sept|Dec)))?)", Options)]
    private static partial Regex Rule29();

    [GeneratedRegex(@"\byear-(?:ago|earlier)\b", Options)]
    private static partial Regex Rule30();

    [GeneratedRegex(@"\b(?<mon>" + MonthNames + @")\.?\s+(?:of\s+)?(?<rel>last|this|next)\s+year\b", Options)]
    private static partial Regex Rule31();

    [GeneratedRegex(@"\b(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?(?<unit>day|morning|afternoon|evening|night|week|month|year|quarter)\b|\bthe\s+(?:(?<rel>following|previous|preceding)\s+(?<unit>day|morning|afternoon|evening|night|week|month|year)|(?<rel>next)\s+(?<unit>day|morning|afternoon|evening|night))\b", Options)]
    private static partial Regex Rule32();

    [GeneratedRegex(@"\byear(?:-|\s+|['’]s\s+)end\b(?=\s*(?:[.,;:!?)""']|$)|\s+(?:and|or|to|when|as|in|at|for|of)\b)", Options)]
    private static partial Regex Rule33();

    [GeneratedRegex(@"\bthe\s+week\s+of\s+(?<mon>" + MonthNames + @")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<y>\d{4})\b)?", Options)]
    private static partial Regex Rule34();

    /// <summary>A year read out ("nineteen ninety-six", "two thousand and one"): groups c + yy, or k.</summary>
    private const string SpokenYearWords = @"(?:(?<c>nineteen|eighteen)\s+(?<yy>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?<k0>two\s+thousand)(?:\s+and\s+(?<k>one|two|three|four|five|six|seven|eight|nine|ten))?)";

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const string MonthNames = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
    private const string WeekdayNames = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private const string NumberWords = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a|an|several|a few|few|a couple of|couple of|some|many|the";
    private const string Number = @"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b|" + NumberWords + ")";
    private const string Units = "seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|years?|decades?|centuries|century|quarters?";

    private sealed record Rule(Regex Pattern, Func<Match, Context, Resolved?> Resolve, int Priority = 0);

    /// <summary>What a rule returns: the type, the value, the anchor formula when it could not be resolved.</summary>
    private sealed record Resolved(TimexType Type, string? Value, string? Anchor = null, int TrimStart = 0, int TrimEnd = 0);

    private sealed record Context(string Text, LocalDate? Dct, TextSpan Sentence, TextSpan Span)
    {
        public Tense Tense => TenseCues.Of(Text, Sentence, Span);
    }

    private static readonly Rule[] Rules =
    [
        // 2025-02-24
        new(Rule1(), (m, _) => FullDate(m, int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)), 5),
        // (Monday,) February 24(, 2025)
        new(Rule2(), MonthDay, 4),
        // 24 February(, 2025), the 24th of February
        new(Rule3(), MonthDay, 4),
        // February 2025
        new(Rule4(), MonthYear, 3),
        // in February, since March, early May: a bare month needs a cue word, because "May" and "March" are also words.
        new(Rule5(), BareMonth, 2),
        // ranges inside a month: "March 3-5" is two dates, the second written as a bare day
        new(Rule6(), RangeEnd, 1),
        // weekdays: "Monday", "late Sunday", "Sunday night", "on Mondays" (a SET)
        new(Rule7(), Weekday, 2),
        // today, yesterday, tomorrow, tonight, overnight
        new(Rule8(), DayWord, 2),
        // this morning, yesterday afternoon, last night
        new(Rule9(), PartOfDay, 3),
        // last week, this month, next year, the coming weekend, earlier this year
        new(Rule10(), RelativePeriod, 2),
        // the past two weeks, the last three years, the next 30 days: a duration ending or starting at the DCT
        new(Rule11(), CountedDuration, 3),
        // the past week, the past year
        new(Rule12(), PastUnit, 3),
        // three years ago, two weeks earlier
        new(Rule13(), Ago, 4),
        // three years, 30-day, two-year-old, 24 hours
        new(Rule14(), Duration, 1),
        // weeks, for years, within months, several days
        new(Rule15(), FuzzyDuration, 0),
        // 1998, fiscal 1998
        new(Rule16(), Year, 1),
        // the 1990s, the '90s, the 20th century
        new(Rule17(), DecadeOrCentury, 2),
        // seasons: last summer, spring 2024, the winter
        new(Rule18(), Season, 2),
        // quarters and halves: the third quarter (of 2024), Q3 2024, the first half
        new(Rule19(), Quarter, 3),
        // now, currently, the past, the future
        new(Rule20(), Reference, 0),
        // holidays with a fixed rule
        new(Rule21(), Holiday, 3),
        // the quarter, the latest quarter, the year-ago quarter, the year-earlier period: the quarter a financial report is about
        new(Rule22(), ReportQuarter, 1),
        // 3 p.m., 10:30 am, noon, midnight
        new(Rule23(), ClockTime, 3),
        // every week, each Monday, twice a month, daily
        new(Rule24(), Set, 3),
        // a capitalised month name alone ("the October slaying", "figures for January"): only "May" and "March" are
        // also common words, and they need a cue (rule 5)
        new(Rule25(), BareMonth, 1),
        // "over the weekend": the last weekend in a past-tense sentence, the coming one in a future-tense one
        new(Rule26(), TheWeekend, 2),
        // years read out in transcripts: "nineteen ninety-six", "the year two thousand"
        new(Rule27(), SpokenYear, 2),
        // "for the year", "the fiscal year ended June 30": the report's year, or a year-long period when it ends on a date
        new(Rule29(), TheYear, 1),
        // "year-earlier results": a year back from the period the report is about (the longer rules take "the year-ago quarter")
        new(Rule30(), (_, c) => c.Dct is { } d ? new(TimexType.DATE, (d.Year - 1).ToString("D4", CultureInfo.InvariantCulture), "DCT") : new(TimexType.DATE, "XXXX", "DCT-P1Y"), 0),
        // "June last year", "January this year": the month of the year named relative to the DCT
        new(Rule31(), MonthOfRelativeYear, 3),
        // "that year", "later that day", "the following month", "the next morning": the reference time of the narrative
        new(Rule32(), Narrative, 3),
        // "the week of March 6": the week that day falls in
        new(Rule34(), (m, c) => MonthDay(m, c) is { Value: { Length: 10 } day } && char.IsDigit(day[0])
            ? new(TimexType.DATE, Week(LocalDatePattern.Iso.Parse(day).Value)) : null, 4),
        // "by year-end", "around year end": the DCT's year (its end); "year-end results" is an adjective and left alone
        new(Rule33(), (_, c) => c.Dct is { } d ? new(TimexType.DATE, d.Year.ToString("D4", CultureInfo.InvariantCulture), "DCT") : new(TimexType.DATE, "XXXX", "DCT:year"), 2),
        // "current" (conditions, prices): TimeML marks it as the present; longer rules take "the current quarter"
        new(Rule28(), (_, _) => new(TimexType.DATE, "PRESENT_REF"), 0),
    ];

    /// <summary>Recognises and normalises the time expressions of a text against an optional DCT.</summary>
    public static IReadOnlyList<TimeExpression> Recognize(string text, IReadOnlyList<TextSpan> sentences, LocalDate? dct)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var candidates = new List<(TextSpan Span, Resolved Value, int Priority)>();
        foreach (var rule in Rules)
        {
            foreach (Match m in rule.Pattern.Matches(text))
            {
                var span = new TextSpan(m.Index, m.Index + m.Length);
                var context = new Context(text, dct, SentenceOf(sentences, span, text), span);
                Resolved? resolved;
                try { resolved = rule.Resolve(m, context); }
                catch (Exception ex) when (ex is ArgumentOutOfRangeException or FormatException or OverflowException) { resolved = null; } // "February 30"
                if (resolved is null) continue;
                var trimmed = new TextSpan(span.Start + resolved.TrimStart, span.End - resolved.TrimEnd);
                if (trimmed.IsEmpty) continue;
                candidates.Add((trimmed, resolved, rule.Priority));
            }
        }
        // Longest first, then the more specific rule, then leftmost: one reading per stretch of text.
        var chosen = new List<(TextSpan Span, Resolved Value)>();
        var taken = new bool[text.Length];
        foreach (var c in candidates.OrderByDescending(c => c.Span.Length).ThenByDescending(c => c.Priority).ThenBy(c => c.Span.Start))
        {
            var free = true;
            for (var i = c.Span.Start; i < c.Span.End && free; i++) free = !taken[i];
            if (!free) continue;
            for (var i = c.Span.Start; i < c.Span.End; i++) taken[i] = true;
            chosen.Add((c.Span, c.Value));
        }
        return DateClockTimes(text, sentences, ResolveNarrative(dct, ResolveReportQuarters(text, sentences, dct, [.. chosen.OrderBy(c => c.Span).Select(c => new TimeExpression(c.Span, c.Span.Of(text), c.Value.Type, c.Value.Value, c.Value.Anchor))])));
    }

    private const string ReferenceAnchor = "REF";

    /// <summary>
    /// "that year", "the following month", "the next morning" count from the narrative's reference time, the last
    /// concrete date written before them ("In June 1998 … later that year"), not from the DCT; without one, or when the
    /// reference is too coarse ("1995 … the following day"), from the DCT.
    /// </summary>
    private static List<TimeExpression> ResolveNarrative(LocalDate? dct, List<TimeExpression> times)
    {
        string? reference = null, quarter = null;
        for (var i = 0; i < times.Count; i++)
        {
            var t = times[i];
            if (t.Anchor is { } anchor && anchor.StartsWith(ReferenceAnchor, StringComparison.Ordinal) && anchor.Length > ReferenceAnchor.Length + 2)
            {
                var offset = anchor[ReferenceAnchor.Length] == '-' ? -1 : anchor[ReferenceAnchor.Length + 1] == '0' ? 0 : 1;
                var unit = anchor[(ReferenceAnchor.Length + 2)..];
                // "that quarter" is the last quarter named, even when a date was written since ("the quarter ended Oct. 31")
                var from = unit == "quarter" && quarter is not null ? quarter : reference;
                var value = (from is null ? null : FromReference(from, unit, offset)) ?? (dct is { } d ? FromReference(Date(d), unit, offset) : null);
                if (value is not null) times[i] = t = t with { Value = value, Anchor = from is null ? "DCT" : null };
            }
            if (t.Type is TimexType.DATE or TimexType.TIME && t.Value is { Length: >= 4 } v && char.IsDigit(v[0]) && char.IsDigit(v[3]))
            {
                reference = v;
                if (v.Length == 7 && v[5] == 'Q') quarter = v;
            }
        }
        return times;
    }

    /// <summary>The value <paramref name="offset"/> units from a reference value, or null when the reference is coarser than the unit.</summary>
    private static string? FromReference(string reference, string unit, int offset)
    {
        var year = int.Parse(reference[..4], CultureInfo.InvariantCulture);
        int? month = reference.Length >= 7 && reference[4] == '-' && char.IsDigit(reference[5]) && char.IsDigit(reference[6]) ? int.Parse(reference[5..7], CultureInfo.InvariantCulture) : null;
        int? day = month is not null && reference.Length >= 10 && reference[7] == '-' && char.IsDigit(reference[8]) && char.IsDigit(reference[9]) ? int.Parse(reference[8..10], CultureInfo.InvariantCulture) : null;
        if (month is < 1 or > 12 || day is < 1 || day > 31) return null;
        LocalDate? date = day is { } dd && month is { } mm && dd <= CalendarSystem.Iso.GetDaysInMonth(year, mm) ? new LocalDate(year, mm, dd) : null;
        switch (unit)
        {
            case "year":
                return (year + offset).ToString("D4", CultureInfo.InvariantCulture);
            case "quarter":
                if (offset == 0 && reference.Length == 7 && reference[5] == 'Q') return reference;
                return month is { } qm && offset == 0 ? $"{year:D4}-Q{(qm - 1) / 3 + 1}" : null;
            case "month":
                if (month is not { } m) return null;
                var shifted = new LocalDate(year, m, 1).PlusMonths(offset);
                return Month(shifted.Year, shifted.Month);
            case "week":
                if (offset == 0 && reference.Length == 8 && reference[5] == 'W') return reference;
                return date is { } wd ? Week(wd.PlusWeeks(offset)) : null;
            default: // a day or a part of one: the date, as for "Friday night"
                return date is { } dday ? Date(dday.PlusDays(offset)) : null;
        }
    }

    /// <summary>
    /// A clock time takes the date written next to it ("at noon Thursday", "Tuesday at 9 a.m.", "5 p.m. EST, Nov. 9"),
    /// not the DCT's: the nearest full date in the same sentence within a few words.
    /// </summary>
    private static List<TimeExpression> DateClockTimes(string text, IReadOnlyList<TextSpan> sentences, List<TimeExpression> times)
    {
        for (var i = 0; i < times.Count; i++)
        {
            var t = times[i];
            if (t.Type != TimexType.TIME || t.Value is not { } v || v.IndexOf('T') is not (10 and var tIndex) || !char.IsDigit(v[tIndex + 1])) continue;
            var sentence = SentenceOf(sentences, t.Span, text);
            TimeExpression? best = null;
            var bestGap = int.MaxValue;
            foreach (var j in new[] { i - 1, i + 1 })
            {
                if (j < 0 || j >= times.Count) continue;
                var d = times[j];
                if (d.Type != TimexType.DATE || d.Value is not { Length: 10 } || !char.IsDigit(d.Value[0]) || !sentence.Contains(d.Span)) continue;
                var gap = d.Span.Start >= t.Span.End ? d.Span.Start - t.Span.End : t.Span.Start - d.Span.End;
                if (gap <= 25 && gap < bestGap) { best = d; bestGap = gap; }
            }
            if (best?.Value is not { } date) continue;
            times[i] = t with { Value = date + v[10..] };
            // "9 a.m. Tuesday", "noon EST Friday": a clock time followed by its day is one TIMEX3
            if (best.Span.Start >= t.Span.End && char.IsUpper(best.Text[0]) && ClockThenDay().IsMatch(text.AsSpan(t.Span.End, best.Span.Start - t.Span.End)))
            {
                var span = new TextSpan(t.Span.Start, best.Span.End);
                times[i] = times[i] with { Span = span, Text = span.Of(text) };
                times.RemoveAt(i + 1);
            }
        }
        return times;
    }

    /// <summary>What may stand between a clock time and its named day (a weekday, a date) in one expression: spaces and a time zone.</summary>
    [GeneratedRegex(@"^\s+(?:[A-Z]{2,4}\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockThenDay();

    private const string ReportQuarterAnchor = "REPORT_QUARTER";

    /// <summary>"quarter" in the sentence, looked for no further than a clause's reach so long lines stay linear.</summary>
    private static bool NearbyQuarter(string text, IReadOnlyList<TextSpan> sentences, TextSpan span)
    {
        var sentence = SentenceOf(sentences, span, text);
        var start = Math.Max(sentence.Start, span.Start - 200);
        var end = Math.Min(sentence.End, span.End + 200);
        return end > start && text.AsSpan(start, end - start).Contains("quarter", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Comparisons that, once a report has named its quarter, always mean that quarter a year back.</summary>
    private static readonly Regex YearAgoStrict = new(@"^a\s+year\s+(?:ago|earlier)$", Options);

    private static readonly Regex Comparison = new(@"year-(?:ago|earlier|before)|prior-year|last\s+year", Options);

    private static readonly Regex YearAgo = new(@"^(?:a\s+year\s+(?:ago|earlier)|last\s+year|year-(?:ago|earlier))$", Options);

    /// <summary>
    /// Financial reports compare a quarter with "the year-ago quarter" or "a year earlier": those mean the quarter under
    /// report, a year back. The quarter under report is the last quarter the text named, else the last one completed
    /// before the DCT.
    /// </summary>
    private static List<TimeExpression> ResolveReportQuarters(string text, IReadOnlyList<TextSpan> sentences, LocalDate? dct, List<TimeExpression> times)
    {
        string? current = null;
        for (var i = 0; i < times.Count; i++)
        {
            var t = times[i];
            // the comparison quarter ("the year-ago third quarter") is not the one under report
            // and neither is one not yet over ("losses through the third quarter of 1990"): a report is about a completed quarter
            if (t.Value is { Length: 7 } v && v[4] == '-' && v[5] == 'Q' && char.IsDigit(v[0]))
            {
                if (!Comparison.IsMatch(t.Text) && (dct is not { } now || string.CompareOrdinal(v, QuarterOf(now, 0)) < 0)) current = v;
                continue;
            }
            var back = t.Anchor == ReportQuarterAnchor + "-1" || (YearAgo.IsMatch(t.Text) && NearbyQuarter(text, sentences, t.Span)) || (current is not null && YearAgoStrict.IsMatch(t.Text));
            if (t.Anchor?.StartsWith(ReportQuarterAnchor, StringComparison.Ordinal) != true && !back) continue;
            // "the latest quarter" is the last one completed, whatever quarter the text looked ahead to
            var latest = t.Text.Contains("latest", StringComparison.OrdinalIgnoreCase);
            var reference = (latest ? null : current) ?? (dct is { } d ? QuarterOf(d, -1) : null);
            if (reference is null) { times[i] = t with { Value = "XXXX-QX", Anchor = null }; continue; }
            var named = t.Anchor?.StartsWith(ReportQuarterAnchor + "@", StringComparison.Ordinal) == true;
            var year = named ? int.Parse(t.Anchor![(ReportQuarterAnchor.Length + 1)..], CultureInfo.InvariantCulture)
                : int.Parse(reference[..4], CultureInfo.InvariantCulture) - (back ? 1 : 0);
            times[i] = t with { Type = TimexType.DATE, Value = $"{year:D4}{reference[4..]}", Anchor = null };
        }
        return times;
    }

    internal static TextSpan SentenceOf(IReadOnlyList<TextSpan> sentences, TextSpan span, string text)
    {
        // Binary search: sentences are sorted and do not overlap.
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (sentences[mid].End <= span.Start) lo = mid + 1;
            else if (sentences[mid].Start > span.Start) hi = mid - 1;
            else return sentences[mid];
        }
        return new TextSpan(Math.Max(0, span.Start - 150), Math.Min(text.Length, span.End + 150));
    }

    // ---- formatting -------------------------------------------------------------------------------------------

    private static string Date(LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Month(int year, int month) => $"{year:D4}-{month:D2}";
    private static string Week(LocalDate d) =>
        $"{WeekYearRules.Iso.GetWeekYear(d):D4}-W{WeekYearRules.Iso.GetWeekOfWeekYear(d):D2}";

    private static int MonthNumber(string name)
    {
        var n = name.TrimEnd('.').ToLowerInvariant();
        return n[..3] switch
        {
            "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
            "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12,
            _ => throw new FormatException(name),
        };
    }

    private static int WeekdayNumber(string name) => name.ToLowerInvariant()[..3] switch
    {
        "mon" => 1, "tue" => 2, "wed" => 3, "thu" => 4, "fri" => 5, "sat" => 6, _ => 7,
    };

    internal static double? ParseNumber(string raw)
    {
        var s = raw.Trim().ToLowerInvariant();
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        // "5 1/2"
        if (s.EndsWith(" 1/2", StringComparison.Ordinal) && double.TryParse(s[..^4], NumberStyles.Float, CultureInfo.InvariantCulture, out var whole)) return whole + 0.5;
        string[] ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        string[] tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        if (Array.IndexOf(ones, s) is var o and >= 0) return o;
        if (Array.IndexOf(tens, s) is var t and >= 2) return t * 10;
        if (s.Split('-', ' ') is [var a, var b] && Array.IndexOf(tens, a) is var t2 and >= 2 && Array.IndexOf(ones, b) is var o2 and > 0) return t2 * 10 + o2;
        return s switch
        {
            "a" or "an" or "the" => 1,
            "a couple of" or "couple of" => 2,
            "hundred" => 100,
            _ => null, // several, a few, some, many: an unknown count (X)
        };
    }

    private static string Count(double? n) => n is null ? "X" : n.Value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>TIMEX3 duration value for a count and unit word.</summary>
    private static string? DurationValue(double? n, string unitWord)
    {
        var unit = unitWord.ToLowerInvariant().TrimEnd('s');
        var c = Count(n);
        // a half written in the next smaller unit: "5 1/2 hours" is PT5H30M, "2 1/2 years" P2Y6M
        if (n is { } h && h - Math.Floor(h) == 0.5)
        {
            var w = Count(Math.Floor(h));
            switch (unit)
            {
                case "minute": return $"PT{w}M30S";
                case "hour": return $"PT{w}H30M";
                case "day": return $"P{w}DT12H";
                case "year": return $"P{w}Y6M";
            }
        }
        return unit switch
        {
            "second" => $"PT{c}S",
            "minute" => $"PT{c}M",
            "hour" => $"PT{c}H",
            "day" or "night" => $"P{c}D",
            "week" => $"P{c}W",
            "weekend" => $"P{c}WE",
            "month" => $"P{c}M",
            "year" => $"P{c}Y",
            "quarter" => $"P{c}Q",
            "decade" => n is null ? "PXDE" : $"P{Count(n * 10)}Y",
            "century" or "centurie" => n is null ? "PXCE" : $"P{Count(n * 100)}Y",
            _ => null,
        };
    }

    // ---- resolvers --------------------------------------------------------------------------------------------

    private static Resolved FullDate(Match m, int year) =>
        new(TimexType.DATE, Date(new LocalDate(year, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture))));

    private static Resolved? MonthDay(Match m, Context c)
    {
        if (!char.IsUpper(m.Groups["mon"].Value[0])) return null;
        var month = MonthNumber(m.Groups["mon"].Value);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (day is < 1 or > 31) return null;
        if (m.Groups["y"].Success)
        {
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            return new(TimexType.DATE, Date(new LocalDate(year, month, day)));
        }
        if (c.Dct is not { } dct) return new(TimexType.DATE, $"XXXX-{month:D2}-{day:D2}", "DCT:year");
        return new(TimexType.DATE, Date(new LocalDate(YearFor(dct, month, c.Tense), month, day)));
    }

    /// <summary>
    /// The year of a month written without one: the year that puts it nearest the DCT ("December" in a January report
    /// is last December, "February" in a November report next February). Tense was tried and did worse on TimeBank:
    /// announcements ("payable Dec. 7") carry past-tense verbs.
    /// </summary>
    private static int YearFor(LocalDate dct, int month, Tense tense)
    {
        var diff = month - dct.Month;
        // Far from the DCT, a clear tense still keeps the DCT's year ("stepped down in March" in an October report).
        if (diff > 5 && tense != Tense.Future) return dct.Year - 1;
        if (diff < -6 && tense != Tense.Past) return dct.Year + 1;
        return dct.Year;
    }

    private static Resolved? MonthYear(Match m, Context c)
    {
        var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : SpokenYearOf(m);
        return year is null ? null : new(TimexType.DATE, Month(year.Value, MonthNumber(m.Groups["mon"].Value)));
    }

    private static Resolved? BareMonth(Match m, Context c)
    {
        if (!char.IsUpper(m.Groups["mon"].Value[0])) return null; // "may", "march" as words
        var month = MonthNumber(m.Groups["mon"].Value);
        var cue = m.Groups["cue"];
        // The cue word is context, not part of the expression, except "last"/"next"/"this"/"early"… which modify it.
        var keepCue = !cue.Success || cue.Value.ToLowerInvariant() is "last" or "next" or "this" or "early" or "late" or "mid" or "mid-";
        var trim = 0;
        if (!keepCue)
        {
            trim = cue.Index + cue.Length - m.Index;
            while (trim < m.Value.Length && char.IsWhiteSpace(m.Value[trim])) trim++;
        }
        if (c.Dct is not { } dct) return new(TimexType.DATE, $"XXXX-{month:D2}", "DCT:year", trim);
        var year = cue.Value.ToLowerInvariant() switch
        {
            "last" => month >= dct.Month ? dct.Year - 1 : dct.Year,
            "next" => month <= dct.Month ? dct.Year + 1 : dct.Year,
            "this" => dct.Year, // "this September" is in the DCT's year, before or after it
            _ => YearFor(dct, month, c.Tense),
        };
        return new(TimexType.DATE, Month(year, month), null, trim);
    }

    private static Resolved TheWeekend(Match m, Context c)
    {
        var trim = m.Groups["over"].Success ? m.Groups["over"].Length + 1 : 0;
        while (m.Index + trim < c.Text.Length && char.IsWhiteSpace(c.Text[m.Index + trim]) && trim < m.Length) trim++;
        var future = FutureLeaning(c) || c.Tense == Tense.Future;
        if (c.Dct is not { } dct) return new(TimexType.DATE, "XXXX-WXX-WE", future ? "DCT>WE" : "DCT<WE", trim);
        // Saturday or Sunday: the weekend under way. Otherwise the one just past, or the coming one.
        var day = (int)dct.DayOfWeek;
        var week = day >= 6 || future ? dct : dct.PlusWeeks(-1);
        return new(TimexType.DATE, Week(week) + "-WE", "DCT", trim);
    }

    private static Resolved? MonthOfRelativeYear(Match m, Context c)
    {
        if (!char.IsUpper(m.Groups["mon"].Value[0])) return null; // "may", "march" as words
        var month = MonthNumber(m.Groups["mon"].Value);
        var offset = m.Groups["rel"].Value.ToLowerInvariant() switch { "last" => -1, "next" => 1, _ => 0 };
        return c.Dct is { } dct
            ? new(TimexType.DATE, Month(dct.Year + offset, month), "DCT")
            : new(TimexType.DATE, $"XXXX-{month:D2}", $"DCT{offset:+0;-0;+0}year");
    }

    private static Resolved TheYear(Match m, Context c)
    {
        // "the year ended Sept. 30" is the twelve months up to that date; "for the year", "the full year" the DCT's year
        if (m.Groups["ended"].Success && m.Groups["ended"].Length > 0) return new(TimexType.DURATION, "P1Y");
        var back = m.Groups["which"].Value.Equals("latest", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        return c.Dct is { } dct
            ? new(TimexType.DATE, (dct.Year - back).ToString("D4", CultureInfo.InvariantCulture), "DCT")
            : new(TimexType.DATE, "XXXX", back == 0 ? "DCT:year" : "DCT-P1Y");
    }

    private static Resolved? SpokenYear(Match m, Context c) =>
        SpokenYearOf(m) is { } year ? new(TimexType.DATE, year.ToString("D4", CultureInfo.InvariantCulture)) : null;

    /// <summary>The year matched by <see cref="SpokenYearWords"/>, or null when the match has none.</summary>
    private static int? SpokenYearOf(Match m)
    {
        if (m.Groups["c"].Success)
        {
            var century = m.Groups["c"].Value.Equals("nineteen", StringComparison.OrdinalIgnoreCase) ? 1900 : 1800;
            return ParseNumber(m.Groups["yy"].Value) is { } yy ? century + (int)yy : null;
        }
        if (!m.Groups["k0"].Success) return null;
        return 2000 + (m.Groups["k"].Success && ParseNumber(m.Groups["k"].Value) is { } k ? (int)k : 0);
    }

    private static Resolved? RangeEnd(Match m, Context c)
    {
        var month = MonthNumber(m.Groups["mon"].Value);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var g = m.Groups["d"];
        var trim = g.Index - m.Index;
        var year = c.Dct is { } dct ? YearFor(dct, month, c.Tense) : (int?)null;
        return new(TimexType.DATE, year is null ? $"XXXX-{month:D2}-{day:D2}" : Date(new LocalDate(year.Value, month, day)), null, trim);
    }

    private static Resolved Weekday(Match m, Context c)
    {
        var wd = WeekdayNumber(m.Groups["wd"].Value);
        if (m.Groups["pl"].Success) return new(TimexType.SET, $"XXXX-WXX-{wd}");
        // "Friday night" is that Friday: TimeBank values it as the date more often than with a part of day, and the
        // date is what a reader of the dossier needs.
        string? part = null;
        var rel = m.Groups["rel"].Value.ToLowerInvariant();
        var tense = rel switch
        {
            "last" or "previous" or "the previous" => Tense.Past,
            "next" or "this coming" or "the following" => Tense.Future,
            _ => FutureLeaning(c) ? Tense.Future : Tense.Past,
        };
        if (c.Dct is not { } dct)
            return new(part is null ? TimexType.DATE : TimexType.TIME, $"XXXX-WXX-{wd}" + (part is null ? "" : "T" + part), tense == Tense.Future ? $"DCT>{wd}" : $"DCT<{wd}");
        // "last Monday" is the Monday of last week, "next Tuesday" the Tuesday of next week
        var date = rel switch
        {
            "last" => dct.PlusWeeks(-1).PlusDays(wd - (int)dct.DayOfWeek),
            "next" => dct.PlusWeeks(1).PlusDays(wd - (int)dct.DayOfWeek),
            _ => ResolveWeekday(dct, wd, tense),
        };
        return part is null ? new(TimexType.DATE, Date(date)) : new(TimexType.TIME, Date(date) + "T" + part);
    }

    private static readonly Regex FutureCue = new(@"\b(?:will|won't|shall|'ll|’ll|going\s+to|expected|scheduled|set\s+to|due|plans?\s+to|planning|until|as\s+(?:soon|early)\s+as|starting|beginning|next|upcoming|would\s+(?:meet|hold|vote|visit|travel|arrive|come|leave|begin|start|announce|sign|decide|resume|be\s+\w+ing)|to\s+be|to\s+(?:meet|hold|vote|visit|travel|arrive|leave|begin|start|announce|sign|decide|resume|speak|talk|attend|host))\b[^.;,]{0,30}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\b(?<h>[ap])\.m\.", Options)]
    private static partial Regex ClockPeriods();

    private static readonly Regex PastCue = new(@"\b(?:said|says|told|announced|reported|was|were|had|did)\b[^.;]{0,40}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// News mostly dates what already happened, so a weekday is the past one unless a future cue stands right before it
    /// in its clause ("will meet Tuesday", "as early as Tuesday") or the nearest cue of the sentence is a future one
    /// with no reporting verb in between. Measured on TimeBank, the broad sentence tense alone chose the future too often.
    /// "by" and "before" are no cues: they mark a limit, past as often as future ("had filed reports by Wednesday").
    /// </summary>
    private static bool FutureLeaning(Context c)
    {
        var start = Math.Max(c.Sentence.Start, c.Span.Start - 60);
        if (start >= c.Span.Start) return false;
        // the periods of "a.m."/"p.m." do not end the clause: "until 9 a.m. Tuesday"
        var before = ClockPeriods().Replace(c.Text[start..c.Span.Start], "${h}m");
        if (FutureCue.IsMatch(before) && !PastCue.IsMatch(before[Math.Max(0, FutureCue.Match(before).Index)..])) return true;
        // "a Thursday call that will cover trade": a weekday as a modifier of an event follows the sentence's tense
        return (before.EndsWith(" a ", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" an ", StringComparison.OrdinalIgnoreCase)) && c.Tense == Tense.Future;
    }

    /// <summary>The weekday nearest the DCT in the direction of the tense; the DCT's own weekday is the DCT itself.</summary>
    internal static LocalDate ResolveWeekday(LocalDate dct, int weekday, Tense tense)
    {
        var current = (int)dct.DayOfWeek;
        if (current == weekday) return dct;
        if (tense == Tense.Future) return dct.PlusDays((weekday - current + 7) % 7);
        return dct.PlusDays(-((current - weekday + 7) % 7));
    }

    private static string PartCode(string part) => part.ToLowerInvariant() switch
    {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        _ => "NI",
    };

    private static Resolved DayWord(Match m, Context c)
    {
        var (offset, type, part) = m.Groups["w"].Success
            ? m.Groups["w"].Value.ToLowerInvariant() switch
            {
                "today" => (0, TimexType.DATE, (string?)null),
                "yesterday" => (-1, TimexType.DATE, null),
                "tomorrow" => (1, TimexType.DATE, null),
                "tonight" => (0, TimexType.TIME, null),
                _ => (-1, TimexType.TIME, "NI"), // overnight: the night before the report
            }
            : (m.Groups["base"].Value.Equals("yesterday", StringComparison.OrdinalIgnoreCase) ? -2 : 2, TimexType.DATE, null);
        if (c.Dct is not { } dct) return new(type, "XXXX-XX-XX" + (part is null ? "" : "T" + part), $"DCT{offset:+0;-0;+0}D");
        return new(type, Date(dct.PlusDays(offset)) + (part is null ? "" : "T" + part), "DCT");
    }

    private static Resolved PartOfDay(Match m, Context c)
    {
        var rel = m.Groups["rel"].Value.ToLowerInvariant();
        var part = PartCode(m.Groups["part"].Value);
        var offset = rel.EndsWith("yesterday", StringComparison.Ordinal) || rel.EndsWith("last", StringComparison.Ordinal) ? -1 : rel == "tomorrow" ? 1 : 0;
        if (c.Dct is not { } dct) return new(TimexType.TIME, "XXXX-XX-XXT" + part, $"DCT{offset:+0;-0;+0}D");
        return new(TimexType.TIME, Date(dct.PlusDays(offset)) + "T" + part, "DCT");
    }

    private static Resolved? RelativePeriod(Match m, Context c)
    {
        var rel = m.Groups["rel"].Value.ToLowerInvariant();
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        // TimeML leaves "earlier"/"later" out of "earlier this week"
        var trim = m.Groups["pre"].Value.ToLowerInvariant() is "earlier" or "later" ? m.Groups["rel"].Index - m.Index : 0;
        var offset = rel switch
        {
            "last" or "previous" or "past" => -1,
            "next" or "coming" or "following" => 1,
            _ => 0,
        };
        return Period(unit, offset, c.Dct, trim);
    }

    /// <summary>The calendar week, month, year… <paramref name="offset"/> units from the DCT's.</summary>
    private static Resolved Period(string unit, int offset, LocalDate? dctOrNull, int trim = 0)
    {
        if (dctOrNull is not { } dct) return new(TimexType.DATE, unit switch { "week" => "XXXX-WXX", "month" => "XXXX-XX", "weekend" => "XXXX-WXX-WE", "quarter" => "XXXX-QX", _ => "XXXX" }, $"DCT{offset:+0;-0;+0}{unit}", trim);
        return new(TimexType.DATE, unit switch
        {
            "week" => Week(dct.PlusWeeks(offset)),
            "weekend" => Week(offset == 0 && (int)dct.DayOfWeek == 1 ? dct.PlusDays(-1) : dct.PlusWeeks(offset)) + "-WE",
            "month" => Month(dct.PlusMonths(offset).Year, dct.PlusMonths(offset).Month),
            "year" => (dct.Year + offset).ToString("D4", CultureInfo.InvariantCulture),
            "quarter" => QuarterOf(dct, offset),
            "decade" => ((dct.Year / 10 + offset)).ToString(CultureInfo.InvariantCulture),
            _ => ((dct.Year / 100 + offset)).ToString(CultureInfo.InvariantCulture),
        }, "DCT", trim);
    }

    private static string QuarterOf(LocalDate dct, int offset)
    {
        var index = dct.Year * 4 + (dct.Month - 1) / 3 + offset;
        return $"{index / 4:D4}-Q{index % 4 + 1}";
    }

    private static Resolved? CountedDuration(Match m, Context c)
    {
        var value = DurationValue(ParseNumber(m.Groups["n"].Value), m.Groups["unit"].Value);
        return value is null ? null : new(TimexType.DURATION, value);
    }

    private static Resolved Narrative(Match m, Context c)
    {
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        var offset = m.Groups["rel"].Value.ToLowerInvariant() switch { "following" or "next" => 1, "previous" or "preceding" => -1, _ => 0 };
        // resolved once the whole text is read (ResolveNarrative); the placeholder is what stays without any date
        var placeholder = unit switch { "year" => "XXXX", "quarter" => "XXXX-QX", "month" => "XXXX-XX", "week" => "XXXX-WXX", _ => "XXXX-XX-XX" };
        return new(TimexType.DATE, placeholder, $"{ReferenceAnchor}{offset:+0;-0;+0}{unit}");
    }

    private static Resolved? PastUnit(Match m, Context c)
    {
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        // "the past year", "over the last decade": TimeBank values them as the calendar unit before the DCT's, like
        // "last year"; "the past day", "the last hour" stay durations
        if (unit is "week" or "month" or "year" or "decade" or "century") return Period(unit, -1, c.Dct);
        var value = DurationValue(1, unit);
        return value is null ? null : new(TimexType.DURATION, value);
    }

    private static Resolved? Ago(Match m, Context c)
    {
        var n = ParseNumber(m.Groups["n"].Value);
        var unit = m.Groups["unit"].Value.ToLowerInvariant().TrimEnd('s');
        var dir = m.Groups["dir"].Value.ToLowerInvariant();
        // "three days later", "30 days before the vote": TimeBank marks the amount of time, without the direction word,
        // and "a day earlier" as a duration too; "a year earlier" in reports and "ago" are the dates they point to
        // ("the day before the vote" is a day, not an amount)
        var counted = !m.Groups["n"].Value.Equals("the", StringComparison.OrdinalIgnoreCase);
        if (counted && dir is "later" or "before" && DurationValue(n, unit) is { } amount)
            return new(TimexType.DURATION, amount, null, 0, m.Index + m.Length - (m.Groups["unit"].Index + m.Groups["unit"].Length));
        if (counted && dir == "earlier" && unit != "year" && DurationValue(n, unit) is { } span) return new(TimexType.DURATION, span);
        var sign = dir is "ago" or "earlier" or "before" ? -1 : 1;
        if (c.Dct is not { } dct || n is null || n != Math.Floor(n.Value))
            return new(TimexType.DATE, unit switch { "year" => "XXXX", "month" => "XXXX-XX", "week" => "XXXX-WXX", _ => "XXXX-XX-XX" }, $"DCT{(sign < 0 ? "-" : "+")}{DurationValue(n, unit)}");
        var k = (int)n.Value * sign;
        return unit switch
        {
            "year" => new(TimexType.DATE, (dct.Year + k).ToString("D4", CultureInfo.InvariantCulture), "DCT"),
            "month" => new(TimexType.DATE, Month(dct.PlusMonths(k).Year, dct.PlusMonths(k).Month), "DCT"),
            "week" => new(TimexType.DATE, Week(dct.PlusWeeks(k)), "DCT"),
            "day" or "night" => new(TimexType.DATE, Date(dct.PlusDays(k)), "DCT"),
            "decade" => new(TimexType.DATE, ((dct.Year + 10 * k) / 10).ToString(CultureInfo.InvariantCulture), "DCT"),
            _ => null,
        };
    }

    private static Resolved? Duration(Match m, Context c)
    {
        var raw = m.Groups["n"].Value.ToLowerInvariant();
        if (raw == "the") return null; // "the day" is not a duration
        if (m.Groups["age"].Value.Equals("old", StringComparison.OrdinalIgnoreCase)) return null; // an age, not a period of time
        // "three-quarters", "a quarter of the market" are fractions ("several quarters of losses" is not)
        if (m.Groups["unit"].Value.StartsWith("quarter", StringComparison.OrdinalIgnoreCase)
            && (m.Groups["sep"].Value.Contains('-') || m.Groups["unit"].Value.Equals("quarter", StringComparison.OrdinalIgnoreCase) && c.Text.AsSpan(m.Index + m.Length).TrimStart().StartsWith("of ", StringComparison.OrdinalIgnoreCase))) return null;
        if (ParseNumber(raw) >= 1000) return null; // "the 1988 quarter": a year, which the year rule reads
        var value = DurationValue(ParseNumber(raw) + (m.Groups["half"].Success ? 0.5 : 0), m.Groups["unit"].Value);
        if (value is null) return null;
        // "the nine months" keeps its article in TimeML; "the 30-day truce" is an adjective and does not
        var trim = m.Groups["the"].Success && m.Groups["sep"].Value.Contains('-') ? m.Groups["n"].Index - m.Index : 0;
        return new(TimexType.DURATION, value, null, trim);
    }

    private static Resolved? FuzzyDuration(Match m, Context c)
    {
        var q = m.Groups["q"].Value.ToLowerInvariant();
        var unit = m.Groups["unit"].Value;
        // "recent years", "coming months": a vague period before or after the DCT
        // A bare "years" or "months" is more often a noun than a period TimeML marks; "days" and "weeks" usually are periods.
        if (q.Length == 0 && unit.ToLowerInvariant() is not ("days" or "weeks")) return null;
        var value = DurationValue(null, unit);
        return value is null ? null : new(TimexType.DURATION, value);
    }

    private static Resolved? Year(Match m, Context c)
    {
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var start = m.Index;
        // a number inside a larger one ("1,998", "$2000", "2025.5") is not a year; "mid-1996", "post-1959" are
        if (start > 0 && c.Text[start - 1] is '$' or ',' or '.' or '£' or '€' or '#' or '-' or '/') return null;
        var end = m.Index + m.Length;
        if (end < c.Text.Length && c.Text[end] is ',' or '.' && end + 1 < c.Text.Length && char.IsDigit(c.Text[end + 1])) return null;
        // "fiscal 1998": TimeML values it as the year
        return new(TimexType.DATE, year.ToString("D4", CultureInfo.InvariantCulture));
    }

    private static readonly string[] DecadeWords = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];

    private static Resolved? DecadeOrCentury(Match m, Context c)
    {
        if (m.Groups["y"].Success) return new(TimexType.DATE, m.Groups["y"].Value);
        if (m.Groups["yy"].Success) return new(TimexType.DATE, "19" + m.Groups["yy"].Value);
        // "the nineties": the decade of the century news of the time means, the 1900s
        if (m.Groups["w"].Success) return new(TimexType.DATE, "19" + (Array.IndexOf(DecadeWords, m.Groups["w"].Value.ToLowerInvariant()) + 2).ToString(CultureInfo.InvariantCulture));
        var century = int.Parse(m.Groups["c"].Value, CultureInfo.InvariantCulture);
        return century is < 1 or > 30 ? null : new(TimexType.DATE, (century - 1).ToString("D2", CultureInfo.InvariantCulture));
    }

    private static Resolved Season(Match m, Context c)
    {
        var code = m.Groups["s"].Value.ToLowerInvariant() switch
        {
            "spring" => "SP",
            "summer" => "SU",
            "winter" => "WI",
            _ => "FA",
        };
        var cue = m.Groups["cue"].Value.ToLowerInvariant();
        var rel = m.Groups["rel"].Value.ToLowerInvariant();
        if (rel.Length == 0 && cue is "this" or "last" or "next" or "past" or "coming") rel = cue;
        // a preposition or article before the season is context, not part of the expression
        var trim = cue is "this" or "last" or "next" or "past" or "coming" or "early" or "late" or "mid" ? 0 : m.Groups["cue"].Length + 1;
        while (m.Index + trim < c.Text.Length && c.Text[m.Index + trim] == ' ') trim++;
        if (m.Groups["y"].Success) return new(TimexType.DATE, $"{m.Groups["y"].Value}-{code}", null, trim);
        if (SpokenYearOf(m) is { } spoken) return new(TimexType.DATE, $"{spoken:D4}-{code}", null, trim);
        if (c.Dct is not { } dct) return new(TimexType.DATE, $"XXXX-{code}", $"DCT:{(rel.Length == 0 ? "this" : rel)}", trim);
        // Season of a date: winter is Dec–Feb and belongs to the year it starts in.
        var start = code switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };
        var seasonYearOfDct = dct.Month < 3 && code == "WI" ? dct.Year - 1 : dct.Year;
        var inSeason = code == "WI" ? dct.Month is 12 or 1 or 2 : dct.Month >= start && dct.Month < start + 3;
        var startedThisYear = code == "WI" ? inSeason : dct.Month >= start;
        var year = rel switch
        {
            // the most recent such season that is over
            "last" or "past" => inSeason || !startedThisYear ? seasonYearOfDct - 1 : seasonYearOfDct,
            "next" or "coming" => startedThisYear ? seasonYearOfDct + 1 : seasonYearOfDct,
            _ => code == "WI" ? seasonYearOfDct : dct.Year,
        };
        return new(TimexType.DATE, $"{year:D4}-{code}", "DCT", trim);
    }

    private static Resolved? Quarter(Match m, Context c)
    {
        if (m.Groups["q"].Success)
        {
            var y2 = m.Groups["y2"].Success ? m.Groups["y2"].Value : c.Dct?.Year.ToString("D4", CultureInfo.InvariantCulture) ?? "XXXX";
            return new(TimexType.DATE, $"{y2}-Q{m.Groups["q"].Value}");
        }
        var relGroup = m.Groups["rel2"].Success ? m.Groups["rel2"] : m.Groups["rel"];
        var offset = relGroup.Value.ToLowerInvariant() switch { "last" or "previous" => -1, "next" => 1, _ => 0 };
        if (m.Groups["rel2"].Success)
            return c.Dct is { } d ? new(TimexType.DATE, QuarterOf(d, offset), "DCT") : new(TimexType.DATE, "XXXX-QX", $"DCT{offset:+0;-0;+0}quarter");
        var ord = m.Groups["ord"].Value.ToLowerInvariant()[..1] switch { "l" => 2, "f" when m.Groups["ord"].Value.StartsWith("fo", StringComparison.OrdinalIgnoreCase) => 4, "f" or "1" => 1, "s" or "2" => 2, "t" or "3" => 3, _ => 4 };
        var half = m.Groups["unit"].Value.Equals("half", StringComparison.OrdinalIgnoreCase);
        if (half && ord > 2) return null;
        // "the last half of 1989" is H2; "the last half" alone may be of anything ("of the '80s", "of the game")
        if (m.Groups["ord"].Value.StartsWith("last", StringComparison.OrdinalIgnoreCase) && !m.Groups["y"].Success) return null;
        // "the year-ago third quarter", "last year's first half": a year back; "next year's first quarter" a year on
        var back = m.Groups["ya"].Success || YearAgoBefore(c.Text, m.Index) ? 1 : 0;
        if (m.Groups["ry"].Success)
        {
            var shift = m.Groups["ry"].Value.ToLowerInvariant() switch { "last" => -1, "next" => 1, _ => 0 };
            return c.Dct is { } d0
                ? new(TimexType.DATE, $"{d0.Year + shift:D4}-{(half ? "H" : "Q")}{ord}", "DCT")
                : new(TimexType.DATE, $"XXXX-{(half ? "H" : "Q")}{ord}", $"DCT{shift:+0;-0;+0}year");
        }
        // A quarter that has not begun at the DCT is last year's, unless announced as future ("next quarter").
        var year = m.Groups["y"].Success ? m.Groups["y"].Value : m.Groups["y0"].Success ? m.Groups["y0"].Value
            : c.Dct is { } dct ? (dct.Year - back + (offset < 0 ? -1 : offset) - (!half && offset == 0 && ord > (dct.Month - 1) / 3 + 1 && !FutureLeaning(c) ? 1 : 0)).ToString("D4", CultureInfo.InvariantCulture) : "XXXX";
        return new(TimexType.DATE, $"{year}-{(half ? "H" : "Q")}{ord}");
    }

    private static bool YearAgoBefore(string text, int start)
    {
        var from = Math.Max(0, start - 30);
        var before = text[from..start];
        return before.EndsWith("year-ago ", StringComparison.OrdinalIgnoreCase) || before.EndsWith("year-earlier ", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("last year's ", StringComparison.OrdinalIgnoreCase) || before.EndsWith("prior-year ", StringComparison.OrdinalIgnoreCase);
    }

    private static Resolved? ReportQuarter(Match m, Context c)
    {
        var which = m.Groups["which"].Value.ToLowerInvariant();
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        var back = which is "year-ago" or "year-earlier" or "comparable" or "prior-year" or "year-before" or "last" || m.Groups["ago"].Success;
        // "the 1988 period", "the 1989 quarter": the quarter under report, in the year named
        if (m.Groups["y"].Success) return new(TimexType.DATE, "XXXX-QX", ReportQuarterAnchor + "@" + m.Groups["y"].Value);
        // "the period" alone is not a time expression; "the year-ago period" is the quarter a year back
        if (unit == "period" && !back && which != "latest") return null;
        if (which == "fiscal") return null;
        return new(TimexType.DATE, "XXXX-QX", ReportQuarterAnchor + (back ? "-1" : ""));
    }

    private static Resolved? Holiday(Match m, Context c)
    {
        var name = m.Groups["h"].Value.ToLowerInvariant().Replace('’', '\'');
        var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)
            : c.Dct is { } dct ? YearFor(dct, name.StartsWith("christmas", StringComparison.Ordinal) || name.EndsWith("eve", StringComparison.Ordinal) ? 12 : name.StartsWith("thanksgiving", StringComparison.Ordinal) ? 11 : name.StartsWith("labor", StringComparison.Ordinal) ? 9 : name.StartsWith("independence", StringComparison.Ordinal) ? 7 : name.StartsWith("halloween", StringComparison.Ordinal) ? 10 : name.StartsWith("election", StringComparison.Ordinal) ? 11 : name.StartsWith("easter", StringComparison.Ordinal) ? 4 : name.StartsWith("valentine", StringComparison.Ordinal) || name.StartsWith("new", StringComparison.Ordinal) ? 1 : 5, c.Tense)
            : (int?)null;
        (int Month, int Day)? fixedDate = name switch
        {
            _ when name.StartsWith("christmas eve", StringComparison.Ordinal) => (12, 24),
            _ when name.StartsWith("christmas", StringComparison.Ordinal) => (12, 25),
            "new year's day" => (1, 1),
            "new year's eve" => (12, 31),
            "independence day" => (7, 4),
            "halloween" => (10, 31),
            "valentine's day" => (2, 14),
            _ => null,
        };
        if (year is null) return new(TimexType.DATE, fixedDate is { } f0 ? $"XXXX-{f0.Month:D2}-{f0.Day:D2}" : "XXXX-XX-XX", "DCT:year");
        if (fixedDate is { } f) return new(TimexType.DATE, Date(new LocalDate(year.Value, f.Month, f.Day)));
        // Rules by weekday: Thanksgiving is the fourth Thursday of November, Labor Day the first Monday of September,
        // Memorial Day the last Monday of May, Election Day the Tuesday after the first Monday of November (US
        // holidays, the ones US news dates by); Easter by the Gregorian computus.
        var date = name switch
        {
            _ when name.StartsWith("thanksgiving", StringComparison.Ordinal) => NthWeekday(year.Value, 11, IsoDayOfWeek.Thursday, 4),
            _ when name.StartsWith("easter", StringComparison.Ordinal) => Easter(year.Value),
            "labor day" => NthWeekday(year.Value, 9, IsoDayOfWeek.Monday, 1),
            "election day" => NthWeekday(year.Value, 11, IsoDayOfWeek.Monday, 1).PlusDays(1),
            _ => NthWeekday(year.Value, 6, IsoDayOfWeek.Monday, 1).PlusWeeks(-1),
        };
        return new(TimexType.DATE, m.Groups["week"].Success ? Week(date) : Date(date));
    }

    /// <summary>Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    internal static LocalDate Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new LocalDate(year, month, day);
    }

    private static LocalDate NthWeekday(int year, int month, IsoDayOfWeek weekday, int n)
    {
        var first = new LocalDate(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.PlusDays(offset + 7 * (n - 1));
    }

    private static Resolved Reference(Match m, Context c) =>
        m.Groups["now"].Success ? new(TimexType.DATE, "PRESENT_REF")
        : m.Groups["future"].Success && m.Groups["future"].Value.Equals("future", StringComparison.OrdinalIgnoreCase) ? new(TimexType.DATE, "FUTURE_REF", null, m.Groups["future"].Index - m.Index)
        : m.Groups["past"].Success ? new(TimexType.DATE, "PAST_REF")
        : new(TimexType.DATE, "FUTURE_REF");

    private static Resolved? ClockTime(Match m, Context c)
    {
        string hhmm;
        if (m.Groups["word"].Success)
            hhmm = m.Groups["word"].Value.ToLowerInvariant() == "midnight" ? "24:00" : "12:00";
        else
        {
            var h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var mi = m.Groups["mi"].Success ? int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture) : 0;
            if (m.Groups["ap"].Value is "Am" or "Pm") return null; // "12 Am" in a title-cased headline is not a clock time
            var ap = m.Groups["ap"].Value.ToLowerInvariant();
            if (ap.StartsWith('p') && h < 12) h += 12;
            if (ap.StartsWith('a') && h == 12) h = 0;
            if (h > 24 || mi > 59) return null;
            hhmm = $"{h:D2}:{mi:D2}";
        }
        return c.Dct is { } dct ? new(TimexType.TIME, Date(dct) + "T" + hhmm, "DCT") : new(TimexType.TIME, "XXXX-XX-XXT" + hhmm, "DCT");
    }

    private static Resolved? Set(Match m, Context c)
    {
        if (m.Groups["adv"].Success)
        {
            return new(TimexType.SET, m.Groups["adv"].Value.ToLowerInvariant() switch
            {
                "daily" or "nightly" => "P1D",
                "weekly" => "P1W",
                "monthly" => "P1M",
                "quarterly" => "P1Q",
                "hourly" => "PT1H",
                _ => "P1Y",
            });
        }
        var unit = (m.Groups["unit"].Success ? m.Groups["unit"] : m.Groups["unit2"]).Value.ToLowerInvariant();
        if (unit.Length >= 3 && WeekdayNames.Contains(unit, StringComparison.Ordinal) && unit.EndsWith("day", StringComparison.Ordinal) && unit != "day")
            return new(TimexType.SET, $"XXXX-WXX-{WeekdayNumber(unit)}");
        if (unit is "morning" or "evening") return new(TimexType.SET, "XXXX-XX-XXT" + PartCode(unit));
        if (unit is "summer" or "winter" or "spring") return new(TimexType.SET, "XXXX-" + (unit == "summer" ? "SU" : unit == "winter" ? "WI" : "SP"));
        var n = m.Groups["n"].Value.ToLowerInvariant() switch { "" => 1, "other" => 2, var s => ParseNumber(s) };
        return DurationValue(n, unit) is { } v ? new(TimexType.SET, v) : null;
    }
}
