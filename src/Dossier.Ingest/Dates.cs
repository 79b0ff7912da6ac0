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

    [GeneratedRegex(@"\b(?<m>[A-Za-z]{3,9}\.?)\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})\b")]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(?<m>\p{L}{3,9}\.?)\s+(?:de\s+)?(?<y>\d{4})\b")]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})\b")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"\b(?<y>\d{4})/(?<m>\d{1,2})/(?<d>\d{1,2})\b")]
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

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}[T ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?\s*(?<z>[Zz]|[+-]\d{2}:?\d{2})$")]
    private static partial Regex IsoDateTime();

    public static string? Format(LocalDate? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Whatever follows the day is the time, in whichever form (some sites write "2022-05-04-0305:49:00").
    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")]
    private static partial Regex IsoDate();
}
