using System.Globalization;
using System.Text.RegularExpressions;
using Dossier.Core.Model;
using NodaTime;

namespace Dossier.Corpus.Dates;

/// <summary>
/// Calendar dates a document states in full (day, month and year). The times layer is the primary source; when no
/// times stage ran, a small pattern finder for the common written forms ("February 24, 2025", "24 Feb 2025",
/// "2025-02-24") stands in, so story dating also works on bare text.
/// </summary>
public static partial class TextDates
{
    public static IReadOnlyList<LocalDate> Explicit(Document doc)
    {
        var times = doc.Layer(Layers.Times);
        if (!times.IsDefaultOrEmpty)
            return [.. times.Where(t => t.Type == TimexType.DATE).Select(t => ParseIso(t.Value)).OfType<LocalDate>()];
        return Find(doc.Text);
    }

    public static IReadOnlyList<LocalDate> Find(string text)
    {
        var found = new List<LocalDate>();
        try
        {
            foreach (Match m in MonthDayYear().Matches(text)) Add(found, m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
            foreach (Match m in DayMonthYear().Matches(text)) Add(found, m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
            foreach (Match m in IsoDate().Matches(text))
                if (ParseIso(m.Value) is { } d) found.Add(d);
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological input: the dates found so far are still valid.
        }
        return found;
    }

    /// <summary>The publication date a text implies: the latest full date it states that is not after today
    /// (reports describe the past and the present; later dates are scheduled events).</summary>
    public static LocalDate? Implied(Document doc, LocalDate today)
    {
        var dates = Explicit(doc).Where(d => d <= today && d.Year >= 1900).ToList();
        return dates.Count == 0 ? null : dates.Max();
    }

    public static LocalDate? ParseIso(string? value)
    {
        if (value is null || value.Length < 10) return null;
        return DateTime.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
            ? LocalDate.FromDateTime(dt) : null;
    }

    private static void Add(List<LocalDate> found, string year, string month, string day)
    {
        var m = Month(month);
        if (m == 0 || !int.TryParse(year, out var y) || !int.TryParse(day, out var d)) return;
        if (d < 1 || d > DateTime.DaysInMonth(Math.Clamp(y, 1, 9999), m)) return;
        found.Add(new LocalDate(y, m, d));
    }

    private static int Month(string name)
    {
        var key = name.TrimEnd('.').ToLowerInvariant();
        if (key.Length < 3) return 0;
        string[] months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        var index = Array.IndexOf(months, key[..3]);
        return index + 1;
    }

    private const string MonthName = @"(?<m>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember)?|\.)?|Sept\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

    [GeneratedRegex(MonthName + @"\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(?<y>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase, 2000)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MonthName + @"\s*,?\s+(?<y>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase, 2000)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b", RegexOptions.None, 2000)]
    private static partial Regex IsoDate();
}
