using System.Globalization;
using System.Text.RegularExpressions;
using Dossier.Core.Model;
using NodaTime;
using NodaTime.Calendars;

namespace Dossier.Language.Time;

/// <summary>
/// Rule-based TIMEX3 recognition and normalisation, in the manner of HeidelTime: patterns find DATE, TIME,
/// DURATION and SET expressions; relative ones are resolved against the document creation time (DCT), weekdays and
/// bare months by the tense of their sentence. Without a DCT, values stay underspecified (XXXX-WXX-1) and
/// <see cref="TimeExpression.Anchor"/> records how to resolve them ("DCT-P1W", "DCT&lt;1" = the previous Monday).
/// Every pattern runs with the non-backtracking engine, so time stays linear in the text length.
/// </summary>
public static class TimexRecognizer
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private const string MonthNames = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
    private const string WeekdayNames = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private const string NumberWords = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a|an|several|a few|few|a couple of|couple of|some|many|the";
    private const string Number = @"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|" + NumberWords + ")";
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
        new(new Regex(@"\b(?<y>\d{4})-(?<m>\d\d)-(?<d>\d\d)\b", Options), (m, _) => FullDate(m, int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)), 5),
        // (Monday,) February 24(, 2025)
        new(new Regex(@"\b(?:(?<wd>" + WeekdayNames + @"),?\s+)?(?<mon>" + MonthNames + @")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<y>\d{4})\b)?", Options), MonthDay, 4),
        // 24 February(, 2025), the 24th of February
        new(new Regex(@"\b(?:(?<wd>" + WeekdayNames + @"),?\s+)?(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>" + MonthNames + @")\b\.?(?:,?\s+(?<y>\d{4})\b)?", Options), MonthDay, 4),
        // February 2025
        new(new Regex(@"\b(?:(?<mod>early|late|mid)[\s-]+)?(?<mon>" + MonthNames + @")\.?,?\s+(?<y>\d{4})\b", Options), MonthYear, 3),
        // in February, since March, early May: a bare month needs a cue word, because "May" and "March" are also words.
        new(new Regex(@"\b(?<cue>in|since|until|till|by|through|during|from|to|before|after|between|and|or|of|last|next|this|early|late|mid|mid-|end of|beginning of|start of)\s+(?:early\s+|late\s+|mid-?)?(?<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept\.|oct\.|nov\.|dec\.)", Options), BareMonth, 2),
        // ranges inside a month: "March 3-5" is two dates, the second written as a bare day
        new(new Regex(@"\b(?<mon>" + MonthNames + @")\.?\s+\d{1,2}\s*[-–]\s*(?<d>\d{1,2})\b", Options), RangeEnd, 1),
        // weekdays: "Monday", "late Sunday", "Sunday night", "on Mondays" (a SET)
        new(new Regex(@"\b(?:(?<mod>late|early)\s+)?(?<wd>" + WeekdayNames + @")(?<pl>s)?\b(?:\s+(?<part>morning|afternoon|evening|night))?", Options), Weekday, 2),
        // today, yesterday, tomorrow, tonight, overnight
        new(new Regex(@"\b(?:the\s+day\s+(?<dir>before|after)\s+(?<base>yesterday|tomorrow)|(?<w>today|yesterday|tomorrow|tonight|overnight))\b", Options), DayWord, 2),
        // this morning, yesterday afternoon, last night
        new(new Regex(@"\b(?<rel>this|yesterday|tomorrow|last|early\s+this|late\s+last|earlier\s+this)\s+(?<part>morning|afternoon|evening|night)\b", Options), PartOfDay, 3),
        // last week, this month, next year, the coming weekend, earlier this year
        new(new Regex(@"\b(?:(?:earlier|later|early|late)\s+)?(?<rel>last|this|next|coming|previous|current|following|past)\s+(?<unit>week|weekend|month|year|quarter|decade|century)\b", Options), RelativePeriod, 2),
        // the past two weeks, the last three years, the next 30 days: a duration ending or starting at the DCT
        new(new Regex(@"\b(?:the\s+)?(?:past|last|next|coming|previous|first|final)\s+(?<n>" + Number + @")\s+(?<unit>" + Units + @")\b", Options), CountedDuration, 3),
        // the past week, the past year (TimeML marks these as durations)
        new(new Regex(@"\bthe\s+(?:past|last|previous)\s+(?<unit>week|month|year|decade|century|day|hour)\b", Options), PastUnitDuration, 3),
        // three years ago, two weeks earlier
        new(new Regex(@"\b(?<n>" + Number + @")\s+(?<unit>" + Units + @")\s+(?<dir>ago|earlier|before|later|from now|hence)\b", Options), Ago, 4),
        // three years, 30-day, two-year-old, 24 hours
        new(new Regex(@"\b(?<n>" + Number + @")[\s-]+(?<unit>" + Units + @")(?:[\s-]+(?:old|long))?\b", Options), Duration, 1),
        // weeks, for years, within months, several days
        new(new Regex(@"\b(?:(?<q>several|a\s+few|few|many|some|recent|coming)\s+)?(?<unit>seconds|minutes|hours|days|weeks|months|years|decades)\b", Options), FuzzyDuration, 0),
        // 1998, fiscal 1998
        new(new Regex(@"\b(?<fy>fiscal\s+(?:year\s+)?)?(?<y>(?:1[89]|20)\d\d)\b(?!\s*(?:%|percent|troops|people|soldiers|men|women|dollars|euros|tons|tonnes|km|miles|barrels|shares|jobs|units|cars|homes|votes|seats))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), Year, 1),
        // the 1990s, the '90s, the 20th century
        new(new Regex(@"\b(?:the\s+)?(?:(?<y>(?:1[89]|20)\d)0s|'(?<yy>\d)0s)\b|\b(?:the\s+)?(?<c>\d{1,2})(?:st|nd|rd|th)\s+century\b", Options), DecadeOrCentury, 2),
        // seasons: last summer, spring 2024, the winter
        new(new Regex(@"\b(?:(?<rel>last|this|next|past|coming)\s+)?(?:(?<mod>early|late|mid)[\s-]+)?(?<s>spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(?<y>\d{4})\b)?", Options), Season, 2),
        // quarters and halves: the third quarter (of 2024), Q3 2024, the first half
        new(new Regex(@"\b(?:the\s+)?(?:(?<rel>last|this|next|current|previous)\s+)?(?:fiscal\s+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?<unit>quarter|half)\b(?:\s+(?:of\s+)?(?:fiscal\s+)?(?<y>\d{4})\b)?|\bQ(?<q>[1-4])\s*(?<y2>\d{4})?\b|\b(?:the\s+)?(?<rel2>last|this|next|current|previous)\s+quarter\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), Quarter, 3),
        // now, currently, the past, the future
        new(new Regex(@"\b(?:(?<now>now|currently|nowadays|presently|right\s+now|at\s+present|at\s+the\s+moment|these\s+days|so\s+far)|(?<past>the\s+past|formerly|recently|once)|(?<future>the\s+future|soon|someday|in\s+the\s+coming\s+days))\b", Options), Reference, 0),
        // 3 p.m., 10:30 am, noon, midnight
        new(new Regex(@"\b(?<h>\d{1,2})(?::(?<mi>\d\d))?\s*(?<ap>a\.m\.|p\.m\.|am|pm)|\b(?<h>\d{1,2}):(?<mi>\d\d)\b|\b(?<word>noon|midnight|midday)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), ClockTime, 3),
        // every week, each Monday, twice a month, daily
        new(new Regex(@"\b(?:every|each)\s+(?:(?<n>other|\d+|two|three|four|five|six)\s+)?(?<unit>day|night|week|weekend|month|year|quarter|hour|minute|" + WeekdayNames + @"|morning|evening|summer|winter|spring)s?\b|\b(?<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly)\b|\b(?:once|twice|three\s+times|\d+\s+times)\s+(?:a|per|each|every)\s+(?<unit2>day|week|month|year)\b", Options), Set, 3),
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
        return [.. chosen.OrderBy(c => c.Span).Select(c => new TimeExpression(c.Span, c.Span.Of(text), c.Value.Type, c.Value.Value, c.Value.Anchor))];
    }

    private static TextSpan SentenceOf(IReadOnlyList<TextSpan> sentences, TextSpan span, string text)
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
        string[] ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        string[] tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        if (Array.IndexOf(ones, s) is var o and >= 0) return o;
        if (Array.IndexOf(tens, s) is var t and >= 2) return t * 10;
        if (s.Split('-') is [var a, var b] && Array.IndexOf(tens, a) is var t2 and >= 2 && Array.IndexOf(ones, b) is var o2 and > 0) return t2 * 10 + o2;
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
            "decade" => $"P{c}DE",
            "century" or "centurie" => $"P{c}CE",
            _ => null,
        };
    }

    // ---- resolvers --------------------------------------------------------------------------------------------

    private static Resolved FullDate(Match m, int year) =>
        new(TimexType.DATE, Date(new LocalDate(year, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture))));

    private static Resolved? MonthDay(Match m, Context c)
    {
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

    /// <summary>The year of a month written without one: the DCT's, unless the tense points across new year.</summary>
    private static int YearFor(LocalDate dct, int month, Tense tense) => tense switch
    {
        Tense.Past when month > dct.Month + 1 => dct.Year - 1,
        Tense.Future when month < dct.Month - 1 => dct.Year + 1,
        _ => dct.Year,
    };

    private static Resolved MonthYear(Match m, Context c)
    {
        var value = Month(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), MonthNumber(m.Groups["mon"].Value));
        return new(TimexType.DATE, value);
    }

    private static Resolved BareMonth(Match m, Context c)
    {
        var month = MonthNumber(m.Groups["mon"].Value);
        var cue = m.Groups["cue"];
        // The cue word is context, not part of the expression, except "last"/"next"/"this"/"early"… which modify it.
        var keepCue = cue.Value.ToLowerInvariant() is "last" or "next" or "this" or "early" or "late" or "mid" or "mid-";
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
            _ => YearFor(dct, month, c.Tense),
        };
        return new(TimexType.DATE, Month(year, month), null, trim);
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
        var part = m.Groups["part"].Success ? PartCode(m.Groups["part"].Value) : null;
        var tense = c.Tense;
        if (c.Dct is not { } dct)
            return new(part is null ? TimexType.DATE : TimexType.TIME, $"XXXX-WXX-{wd}" + (part is null ? "" : "T" + part), tense == Tense.Future ? $"DCT>{wd}" : $"DCT<{wd}");
        var date = ResolveWeekday(dct, wd, tense);
        return part is null ? new(TimexType.DATE, Date(date)) : new(TimexType.TIME, Date(date) + "T" + part);
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
                "tonight" => (0, TimexType.TIME, "NI"),
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
        var offset = rel switch
        {
            "last" or "previous" or "past" => -1,
            "next" or "coming" or "following" => 1,
            _ => 0,
        };
        if (c.Dct is not { } dct) return new(TimexType.DATE, unit switch { "week" => "XXXX-WXX", "month" => "XXXX-XX", "weekend" => "XXXX-WXX-WE", "quarter" => "XXXX-QX", _ => "XXXX" }, $"DCT{offset:+0;-0;+0}{unit}");
        return new(TimexType.DATE, unit switch
        {
            "week" => Week(dct.PlusWeeks(offset)),
            "weekend" => Week(offset == 0 && (int)dct.DayOfWeek == 1 ? dct.PlusDays(-1) : dct.PlusWeeks(offset)) + "-WE",
            "month" => Month(dct.PlusMonths(offset).Year, dct.PlusMonths(offset).Month),
            "year" => (dct.Year + offset).ToString("D4", CultureInfo.InvariantCulture),
            "quarter" => QuarterOf(dct, offset),
            "decade" => ((dct.Year / 10 + offset)).ToString(CultureInfo.InvariantCulture),
            _ => ((dct.Year / 100 + offset)).ToString(CultureInfo.InvariantCulture),
        }, "DCT");
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

    private static Resolved? PastUnitDuration(Match m, Context c)
    {
        var value = DurationValue(1, m.Groups["unit"].Value);
        return value is null ? null : new(TimexType.DURATION, value);
    }

    private static Resolved? Ago(Match m, Context c)
    {
        var n = ParseNumber(m.Groups["n"].Value);
        var unit = m.Groups["unit"].Value.ToLowerInvariant().TrimEnd('s');
        var dir = m.Groups["dir"].Value.ToLowerInvariant();
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
        var value = DurationValue(ParseNumber(raw), m.Groups["unit"].Value);
        return value is null ? null : new(TimexType.DURATION, value);
    }

    private static Resolved? FuzzyDuration(Match m, Context c)
    {
        var q = m.Groups["q"].Value.ToLowerInvariant();
        var unit = m.Groups["unit"].Value;
        // "recent years", "coming months": a vague period before or after the DCT
        if (q is "recent") return new(TimexType.DATE, "PAST_REF");
        if (q is "coming") return new(TimexType.DATE, "FUTURE_REF");
        var value = DurationValue(null, unit);
        return value is null ? null : new(TimexType.DURATION, value);
    }

    private static Resolved? Year(Match m, Context c)
    {
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var start = m.Index;
        // a number inside a larger one ("1,998", "$2000", "2025.5") is not a year
        if (start > 0 && c.Text[start - 1] is '$' or ',' or '.' or '£' or '€' or '#' or '-' or '/') return null;
        var end = m.Index + m.Length;
        if (end < c.Text.Length && c.Text[end] is ',' or '.' && end + 1 < c.Text.Length && char.IsDigit(c.Text[end + 1])) return null;
        return new(TimexType.DATE, m.Groups["fy"].Success ? $"FY{year:D4}" : year.ToString("D4", CultureInfo.InvariantCulture));
    }

    private static Resolved? DecadeOrCentury(Match m, Context c)
    {
        if (m.Groups["y"].Success) return new(TimexType.DATE, m.Groups["y"].Value);
        if (m.Groups["yy"].Success) return new(TimexType.DATE, "19" + m.Groups["yy"].Value);
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
        if (m.Groups["y"].Success) return new(TimexType.DATE, $"{m.Groups["y"].Value}-{code}");
        var rel = m.Groups["rel"].Value.ToLowerInvariant();
        if (c.Dct is not { } dct) return new(TimexType.DATE, $"XXXX-{code}", $"DCT:{(rel.Length == 0 ? "this" : rel)}");
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
        return new(TimexType.DATE, $"{year:D4}-{code}", "DCT");
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
        var ord = m.Groups["ord"].Value.ToLowerInvariant()[..1] switch { "f" when m.Groups["ord"].Value.StartsWith("fo", StringComparison.OrdinalIgnoreCase) => 4, "f" or "1" => 1, "s" or "2" => 2, "t" or "3" => 3, _ => 4 };
        var half = m.Groups["unit"].Value.Equals("half", StringComparison.OrdinalIgnoreCase);
        if (half && ord > 2) return null;
        var year = m.Groups["y"].Success ? m.Groups["y"].Value
            : c.Dct is { } dct ? (dct.Year + (offset < 0 ? -1 : offset)).ToString("D4", CultureInfo.InvariantCulture) : "XXXX";
        return new(TimexType.DATE, $"{year}-{(half ? "H" : "Q")}{ord}");
    }

    private static Resolved Reference(Match m, Context c) =>
        m.Groups["now"].Success ? new(TimexType.DATE, "PRESENT_REF")
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
