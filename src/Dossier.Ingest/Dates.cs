using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Dossier.Ingest;

/// <summary>Date parsing shared by manifests, JSONL records and page metadata.</summary>
internal static partial class Dates
{
    /// <summary>A calendar date from "YYYY-MM-DD" or an ISO 8601 date-time that starts with one; null otherwise.</summary>
    public static LocalDate? ParseIsoDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var match = IsoDate().Match(value.Trim());
        if (!match.Success) return null;
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        if (year < 1000 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)) return null;
        return new LocalDate(year, month, day);
    }

    /// <summary>A date written out: "March 17, 2025", "17 March 2025", "Mar. 17 2025", "2025/03/17", "17.03.2025".</summary>
    public static LocalDate? ParseLooseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var iso = ParseIsoDate(value);
        if (iso is not null) return iso;
        var m = MonthFirst().Match(value);
        if (m.Success && Month(m.Groups["m"].Value) is { } month1) return Make(m.Groups["y"].Value, month1, m.Groups["d"].Value);
        m = DayFirst().Match(value);
        if (m.Success && Month(m.Groups["m"].Value) is { } month2) return Make(m.Groups["y"].Value, month2, m.Groups["d"].Value);
        m = Numeric().Match(value);
        if (m.Success) return Make(m.Groups["y"].Value, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), m.Groups["d"].Value);
        m = SlashedIso().Match(value);
        if (m.Success) return Make(m.Groups["y"].Value, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), m.Groups["d"].Value);
        return null;
    }

    /// <summary>
    /// Every date written out in a running text, with its position: "March 17, 2025", "17. März 2025", "17.03.2025",
    /// "17.03.25", "2025-03-17", "2025/03/17", "17/03/2025". A slashed date that could be read either way ("03/04/2025") is read
    /// month first only when <paramref name="monthFirst"/> says the page is American.
    /// </summary>
    public static IEnumerable<(LocalDate Date, int Index)> FindDates(string text, bool monthFirst)
    {
        foreach (Match m in WrittenDate().Matches(text))
        {
            LocalDate? date = null;
            if (m.Groups["mname"].Success)
            {
                if (Month(m.Groups["mname"].Value) is { } month) date = Make(m.Groups["y1"].Value, month, m.Groups["d1"].Value);
            }
            else if (m.Groups["nmonth"].Success)
            {
                if (Month(m.Groups["nmonth"].Value) is { } month) date = Make(m.Groups["y2"].Value, month, m.Groups["d2"].Value);
            }
            else if (m.Groups["iy"].Success)
                date = Make(m.Groups["iy"].Value, int.Parse(m.Groups["im"].Value, CultureInfo.InvariantCulture), m.Groups["id"].Value);
            else if (m.Groups["dy"].Success)
                date = Make(FullYear(m.Groups["dy"].Value), int.Parse(m.Groups["dm"].Value, CultureInfo.InvariantCulture), m.Groups["dd"].Value);
            else if (m.Groups["sy"].Success)
            {
                var a = int.Parse(m.Groups["sa"].Value, CultureInfo.InvariantCulture);
                var b = int.Parse(m.Groups["sb"].Value, CultureInfo.InvariantCulture);
                // 25/12/2024 can only be day first, 12/25/2024 only month first; otherwise the page's convention decides.
                var dayFirst = a > 12 || (b <= 12 && !monthFirst);
                date = dayFirst ? Make(m.Groups["sy"].Value, b, a.ToString(CultureInfo.InvariantCulture))
                                : Make(m.Groups["sy"].Value, a, b.ToString(CultureInfo.InvariantCulture));
            }
            if (date is { } found) yield return (found, m.Index);
        }
    }

    /// <summary>"23" in "31.10.23" is 2023; two-digit years in date lines are this century's.</summary>
    private static string FullYear(string year) => year.Length == 2 ? "20" + year : year;

    // One pass over the text for all the written forms (month name first, day first, ISO, dotted, slashed).
    [GeneratedRegex(@"\b(?<mname>\p{L}{3,9}\.?)\s+(?<d1>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?<y1>[0-9]{4})\b|\b(?<d2>[0-9]{1,2})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(?<nmonth>\p{L}{3,9}\.?)\s+(?:de\s+)?(?<y2>[0-9]{4})\b|\b(?<iy>(?:19|20)[0-9]{2})(?<isep>[-/])(?<im>[0-9]{1,2})\k<isep>(?<id>[0-9]{1,2})\b|\b(?<dd>[0-9]{1,2})\.(?<dm>[0-9]{1,2})\.(?<dy>[0-9]{4}|[0-9]{2})(?![0-9.])|\b(?<sa>[0-9]{1,2})/(?<sb>[0-9]{1,2})/(?<sy>[0-9]{4})\b")]
    private static partial Regex WrittenDate();

    private static LocalDate? Make(string year, int month, string day)
    {
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (y < 1000 || month is < 1 or > 12 || d < 1 || d > CalendarSystem.Iso.GetDaysInMonth(y, month)) return null;
        return new LocalDate(y, month, d);
    }

    private static int? Month(string name)
    {
        var key = name.ToLowerInvariant().TrimEnd('.');
        string[] months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        for (var i = 0; i < months.Length; i++)
        {
            if (key.StartsWith(months[i], StringComparison.Ordinal)) return i + 1;
        }
        return key switch
        {
            "januar" or "jänner" or "janvier" or "enero" => 1,
            "februar" or "février" or "febrero" => 2,
            "märz" or "mars" or "marzo" => 3,
            "avril" or "abril" => 4,
            "mai" or "mayo" => 5,
            "juni" or "juin" or "junio" => 6,
            "juli" or "juillet" or "julio" => 7,
            "août" or "agosto" => 8,
            "septembre" or "septiembre" => 9,
            "oktober" or "octobre" or "octubre" => 10,
            "novembre" or "noviembre" => 11,
            "dezember" or "décembre" or "diciembre" => 12,
            _ => null,
        };
    }

    [GeneratedRegex(@"\b(?<m>[A-Za-z]{3,9}\.?)\s+(?<d>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?<y>[0-9]{4})\b")]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"\b(?<d>[0-9]{1,2})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(?<m>\p{L}{3,9}\.?)\s+(?:de\s+)?(?<y>[0-9]{4})\b")]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"\b(?<d>[0-9]{1,2})\.(?<m>[0-9]{1,2})\.(?<y>[0-9]{4})\b")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"\b(?<y>[0-9]{4})/(?<m>[0-9]{1,2})/(?<d>[0-9]{1,2})\b")]
    private static partial Regex SlashedIso();

    /// <summary>An ISO 8601 date-time with its UTC offset ("2023-12-22T22:22:07-0500", "…Z"); null without an offset.</summary>
    public static OffsetDateTime? ParseOffsetDateTime(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var m = IsoDateTime().Match(value.Trim());
        if (!m.Success || ParseIsoDate(value) is not { } date) return null;
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 59) return null;
        var offset = Offset.Zero;
        if (m.Groups["z"].Value is not ("Z" or "z"))
        {
            var sign = m.Groups["z"].Value[0] == '-' ? -1 : 1;
            var digits = m.Groups["z"].Value[1..].Replace(":", "");
            var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var minutes = int.Parse(digits[2..], CultureInfo.InvariantCulture);
            if (hours > 14 || minutes > 59) return null;
            offset = Offset.FromSeconds(sign * (hours * 3600 + minutes * 60));
        }
        return new OffsetDateTime(date.At(new LocalTime(hour, minute, second)), offset);
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[T ](?<h>[0-9]{2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:\.[0-9]+)?)?\s*(?<z>[Zz]|[+-][0-9]{2}:?[0-9]{2})$")]
    private static partial Regex IsoDateTime();

    /// <summary>An ISO 8601 date-time with seconds and no UTC offset ("2023-12-22 20:48:19", "2023-12-22T20:48:19.5"):
    /// a wall-clock time in some unstated zone. Null when an offset is given or the seconds are missing.</summary>
    public static LocalDateTime? ParseLocalDateTime(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var m = IsoLocalDateTime().Match(value.Trim());
        if (!m.Success || ParseIsoDate(value) is not { } date) return null;
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture);
        if (hour > 23 || minute > 59 || second > 59) return null;
        return date.At(new LocalTime(hour, minute, second));
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[T ](?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(?:\.[0-9]+)?$")]
    private static partial Regex IsoLocalDateTime();

    public static string? Format(LocalDate? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Whatever follows the day is the time, in whichever form (some sites write "2022-05-04-0305:49:00").
    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?![0-9])")]
    private static partial Regex IsoDate();
}
