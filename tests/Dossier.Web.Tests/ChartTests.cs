using System.Globalization;
using System.Xml.Linq;
using Dossier.Storage;
using Dossier.Web.Charts;

namespace Dossier.Web.Tests;

public sealed class ChartTests
{
    private static readonly XNamespace None = "";

    /// <summary>The chart as XML: parsing proves it well-formed, so nothing in a name escaped its text node.</summary>
    private static XElement Draw(Action<TextWriter> draw)
    {
        using var output = new StringWriter();
        draw(output);
        return XElement.Parse(output.ToString());
    }

    private static double Number(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Coverage_stacks_one_bar_per_day_with_a_colour_per_outlet_and_folds_the_rest_into_other()
    {
        var points = new List<CoveragePoint>();
        for (var o = 0; o < 9; o++) points.Add(new CoveragePoint(o == 0 ? "<script>alert(1)</script>" : $"Outlet {o}", "2025-03-01", 9 - o));
        points.Add(new CoveragePoint("Late Outlet", "2025-03-02", 1));
        var svg = Draw(o => Svg.Coverage(o, points));

        var bars = svg.Elements("rect").Where(r => r.Element("title") is not null).ToList();
        // Day one: the seven busiest outlets on their own, two in "other"; day two: the eighth, also in "other".
        Assert.Equal(8 + 1, bars.Count);
        Assert.Contains(bars, r => r.Element("title")!.Value == "2025-03-01: 3 from other");
        Assert.Contains(svg.Elements("text"), t => t.Value == "other");
        var tallest = bars.Max(r => Number(r, "height"));
        Assert.Equal(tallest, Number(bars.Single(r => r.Element("title")!.Value.StartsWith("2025-03-01: 9 ", StringComparison.Ordinal)), "height"));
        Assert.Equal("2025-03-02: 1 from other", bars[^1].Element("title")!.Value);
        // A name is text in the legend, never markup.
        Assert.Contains(svg.Elements("text"), t => t.Value.StartsWith("<script>", StringComparison.Ordinal));
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "script");
    }

    [Fact]
    public void A_timeline_has_a_row_per_outlet_and_a_dot_per_day_that_grows_with_the_reports()
    {
        var svg = Draw(o => Svg.Timeline(o, [
            new CoveragePoint("Harbour Gazette", "2025-03-04", 1),
            new CoveragePoint("Harbour Gazette", "2025-03-06", 4),
            new CoveragePoint("Nordic <b>Wire</b>", "2025-03-05", 2),
        ]));
        var dots = svg.Elements("circle").ToList();
        Assert.Equal(3, dots.Count);
        var (first, busiest, wire) = (dots[0], dots[1], dots[2]);
        Assert.Equal("2025-03-04 · Harbour Gazette: 1 report", first.Element("title")!.Value);
        Assert.True(Number(busiest, "r") > Number(first, "r"));
        Assert.True(Number(first, "cx") < Number(wire, "cx") && Number(wire, "cx") < Number(busiest, "cx"));
        Assert.Equal(Number(first, "cy"), Number(busiest, "cy"));
        Assert.NotEqual(Number(first, "cy"), Number(wire, "cy"));
        Assert.Contains(svg.Elements("text"), t => t.Value == "Nordic <b>Wire</b>");
        Assert.Empty(svg.Descendants("b"));
    }

    [Fact]
    public void A_timeline_of_many_outlets_keeps_the_busiest_rows_and_one_for_the_rest()
    {
        var points = Enumerable.Range(0, 20).Select(i => new CoveragePoint($"Outlet {i:D2}", "2025-01-01", 20 - i)).ToList();
        var svg = Draw(o => Svg.Timeline(o, points));
        var labels = svg.Elements("text").Select(t => t.Value).Where(v => v.StartsWith("Outlet", StringComparison.Ordinal) || v == "other outlets").ToList();
        Assert.Equal(13, labels.Count);
        Assert.Equal("other outlets", labels[^1]);
        Assert.Equal(13, svg.Elements("circle").Count());
        // One day only: the dots stand in the middle of the line.
        Assert.Single(svg.Elements("circle").Select(c => c.Attribute("cx")!.Value).Distinct());
    }

    [Fact]
    public void Nothing_dated_draws_nothing()
    {
        using var output = new StringWriter();
        Svg.Timeline(output, [new CoveragePoint("Harbour Gazette", "not a date", 1)]);
        Svg.Coverage(output, []);
        Assert.Equal("", output.ToString());
    }
}
