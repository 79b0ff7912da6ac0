namespace Dossier.Reporting.Html;

/// <summary>A highlight on a span of text: CSS class, tooltip, and an optional in-page link and anchor.</summary>
public sealed record Mark(int Start, int End, string Class, string? Title = null, string? Href = null, string? Anchor = null);

/// <summary>
/// Renders text with highlights given by offsets. Marks may overlap or nest: the text is cut at every mark boundary
/// and each piece is one flat element carrying the classes of all marks covering it, so the HTML is always well
/// formed whatever the spans.
/// </summary>
public static class AnnotatedText
{
    public static void Write(TextWriter output, string text, IEnumerable<Mark> marks)
    {
        // Spans that do not fit the text (a stale or buggy layer) are clipped or dropped, never trusted.
        var valid = marks
            .Select(m => m with { Start = Math.Clamp(m.Start, 0, text.Length), End = Math.Clamp(m.End, 0, text.Length) })
            .Where(m => m.End > m.Start)
            .ToList();
        var cuts = valid.SelectMany(m => new[] { m.Start, m.End }).Append(0).Append(text.Length).Distinct().Order().ToList();
        // A sweep over the cuts: marks enter the active set where they start and leave where they end, so a document
        // with thousands of marks costs (cuts × marks open at once), not (cuts × all marks).
        var byStart = valid.OrderBy(m => m.Start).ToList();
        var next = 0;
        var active = new List<Mark>();
        var anchorsWritten = new HashSet<string>();

        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (start, end) = (cuts[i], cuts[i + 1]);
            active.RemoveAll(m => m.End <= start);
            while (next < byStart.Count && byStart[next].Start <= start)
            {
                var mark = byStart[next++];
                if (mark.Anchor is not null && anchorsWritten.Add(mark.Anchor)) output.Write($"<span id=\"{Html.E(mark.Anchor)}\"></span>");
                if (mark.End > start) active.Add(mark);
            }
            var piece = Html.E(text[start..end]);
            if (active.Count == 0)
            {
                output.Write(piece);
                continue;
            }
            var classes = string.Join(' ', active.Select(m => m.Class).Distinct());
            var titles = string.Join(" · ", active.Select(m => m.Title).OfType<string>().Distinct());
            var title = titles.Length == 0 ? "" : $" title=\"{Html.E(titles)}\"";
            if (active.Select(m => m.Href).OfType<string>().FirstOrDefault() is { } href)
                output.Write($"<a class=\"{Html.E(classes)}\" href=\"{Html.E(href)}\"{title}>{piece}</a>");
            else
                output.Write($"<span class=\"{Html.E(classes)}\"{title}>{piece}</span>");
        }
    }
}
