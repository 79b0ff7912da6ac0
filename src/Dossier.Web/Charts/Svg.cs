using System.Globalization;
using Dossier.Storage;
using static Dossier.Reporting.Html.Html;

namespace Dossier.Web.Charts;

/// <summary>Charts drawn on the server as inline SVG: no script, no external resource, text encoded like any other.</summary>
internal static class Svg
{
    private static readonly string[] Palette = ["#2456a6", "#c2185b", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#8d6e63", "#546e7a"];

    public static string ColourOf(int index) => Palette[index % Palette.Length];

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Documents per day, one stacked bar per day, one colour per outlet (the busiest eight; the rest as "other").</summary>
    public static void Coverage(TextWriter output, IReadOnlyList<CoveragePoint> points)
    {
        if (points.Count == 0) return;
        var outlets = points.GroupBy(p => p.Outlet).OrderByDescending(g => g.Sum(p => p.Documents)).Select(g => g.Key).ToList();
        var shown = outlets.Take(Palette.Length - 1).ToList();
        string Series(string outlet) => shown.Contains(outlet) ? outlet : "other";
        var series = shown.Concat(outlets.Count > shown.Count ? ["other"] : Array.Empty<string>()).ToList();
        var days = points.Select(p => p.Date).Distinct().Order(StringComparer.Ordinal).ToList();
        var totals = days.ToDictionary(d => d, d => points.Where(p => p.Date == d).Sum(p => p.Documents));
        var max = Math.Max(1, totals.Values.Max());

        const double height = 160, left = 36, top = 10;
        var barWidth = Math.Clamp(640.0 / days.Count, 3, 40);
        var legendWidth = series.Sum(LegendWidth);
        // Wide enough for the legend and the two date labels, however few days there are.
        var width = Math.Max(Math.Max(left + days.Count * barWidth + 10, left + legendWidth), 320);
        output.WriteLine($"<svg class=\"chart\" viewBox=\"0 0 {N(width)} {N(height + 60)}\" width=\"{N(width)}\" height=\"{N(height + 60)}\" role=\"img\" aria-label=\"Documents per day and outlet\">");
        output.WriteLine($"<text x=\"2\" y=\"{N(top + 8)}\" font-size=\"10\" fill=\"#5c6670\">{max}</text>");
        output.WriteLine($"<line x1=\"{N(left)}\" y1=\"{N(top + height)}\" x2=\"{N(width)}\" y2=\"{N(top + height)}\" stroke=\"#b8c2cc\"/>");
        for (var i = 0; i < days.Count; i++)
        {
            var y = top + height;
            foreach (var group in points.Where(p => p.Date == days[i]).GroupBy(p => Series(p.Outlet)).OrderBy(g => series.IndexOf(g.Key)))
            {
                var count = group.Sum(p => p.Documents);
                var h = height * count / max;
                y -= h;
                output.WriteLine($"<rect x=\"{N(left + i * barWidth + 1)}\" y=\"{N(y)}\" width=\"{N(barWidth - 2)}\" height=\"{N(h)}\" " +
                                 $"fill=\"{ColourOf(series.IndexOf(group.Key))}\"><title>{E(days[i])}: {count} from {E(group.Key)}</title></rect>");
            }
        }
        output.WriteLine($"<text x=\"{N(left)}\" y=\"{N(top + height + 14)}\" font-size=\"10\" fill=\"#5c6670\">{E(days[0])}</text>");
        if (days.Count > 1)
            output.WriteLine($"<text x=\"{N(left + days.Count * barWidth)}\" y=\"{N(top + height + 14)}\" font-size=\"10\" text-anchor=\"end\" fill=\"#5c6670\">{E(days[^1])}</text>");
        var x = left;
        foreach (var (name, index) in series.Select((s, i) => (s, i)))
        {
            output.WriteLine($"<rect x=\"{N(x)}\" y=\"{N(top + height + 26)}\" width=\"10\" height=\"10\" fill=\"{ColourOf(index)}\"/>" +
                             $"<text x=\"{N(x + 14)}\" y=\"{N(top + height + 35)}\" font-size=\"11\" fill=\"#1d232b\">{E(Shorten(name))}</text>");
            x += LegendWidth(name);
        }
        output.WriteLine("</svg>");
    }

    /// <summary>
    /// A story's reports on a date line, one row per outlet, one dot per outlet and day (larger for more reports), so
    /// the chart stays the same size whether the story has three reports or three thousand.
    /// </summary>
    public static void Timeline(TextWriter output, IReadOnlyList<CoveragePoint> reports)
    {
        var dated = reports.Where(r => DateOnly.TryParseExact(r.Date, "yyyy-MM-dd", out _)).ToList();
        if (dated.Count == 0) return;
        // The busiest outlets get a row each; the rest share one.
        var outlets = dated.GroupBy(r => r.Outlet).OrderByDescending(g => g.Sum(r => r.Documents)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        var shown = outlets.Take(MaxRows).ToList();
        var rows = outlets.Count > shown.Count ? [.. shown, "other outlets"] : shown;
        int Row(string outlet) => shown.IndexOf(outlet) is var i and >= 0 ? i : rows.Count - 1;
        var dots = dated.GroupBy(r => (Row: Row(r.Outlet), r.Date)).Select(g => (g.Key.Row, g.Key.Date, Documents: g.Sum(r => r.Documents))).ToList();
        var days = dots.Select(d => DateOnly.ParseExact(d.Date, "yyyy-MM-dd").DayNumber).ToList();
        var (first, last) = (days.Min(), days.Max());
        var span = Math.Max(1, last - first);
        const double left = 150, right = 30, rowHeight = 26, plot = 480;
        var height = rows.Count * rowHeight + 30;
        output.WriteLine($"<svg class=\"chart timeline\" viewBox=\"0 0 {N(left + plot + right)} {N(height)}\" width=\"{N(left + plot + right)}\" height=\"{N(height)}\" role=\"img\" aria-label=\"Story timeline: reports per outlet and day\">");
        for (var o = 0; o < rows.Count; o++)
        {
            var y = 14 + o * rowHeight;
            output.WriteLine($"<text x=\"4\" y=\"{N(y + 4)}\" font-size=\"12\" fill=\"#1d232b\">{E(Shorten(rows[o]))}</text>" +
                             $"<line x1=\"{N(left)}\" y1=\"{N(y)}\" x2=\"{N(left + plot)}\" y2=\"{N(y)}\" stroke=\"#dde2e7\"/>");
        }
        for (var i = 0; i < dots.Count; i++)
        {
            // All on one day: the dots stand in the middle rather than at the left edge.
            var x = last == first ? left + plot / 2 : left + plot * (days[i] - first) / span;
            var y = 14 + dots[i].Row * rowHeight;
            var radius = Math.Min(11, 4 + 2 * Math.Log2(dots[i].Documents));
            output.WriteLine($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(radius)}\" fill=\"{ColourOf(dots[i].Row)}\" fill-opacity=\"0.8\">" +
                             $"<title>{E(dots[i].Date)} · {E(rows[dots[i].Row])}: {dots[i].Documents} {(dots[i].Documents == 1 ? "report" : "reports")}</title></circle>");
        }
        string Day(int day) => E(DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (last == first)
        {
            output.WriteLine($"<text x=\"{N(left + plot / 2)}\" y=\"{N(height - 4)}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#5c6670\">{Day(first)}</text>");
        }
        else
        {
            output.WriteLine($"<text x=\"{N(left)}\" y=\"{N(height - 4)}\" font-size=\"10\" fill=\"#5c6670\">{Day(first)}</text>");
            output.WriteLine($"<text x=\"{N(left + plot)}\" y=\"{N(height - 4)}\" font-size=\"10\" text-anchor=\"end\" fill=\"#5c6670\">{Day(last)}</text>");
        }
        output.WriteLine("</svg>");
    }

    /// <summary>Rows of a timeline before the rest are folded into one.</summary>
    private const int MaxRows = 12;

    /// <summary>Room for one legend entry: swatch, gap, and the (shortened) name at about 6.5 px a character.</summary>
    private static double LegendWidth(string name) => 24 + Shorten(name).Length * 6.5;

    private static string Shorten(string text) => text.Length <= 22 ? text : text[..21] + "…";
}
