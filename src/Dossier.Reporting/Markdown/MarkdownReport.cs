using System.Text;
using Dossier.Core.Model;
using NodaTime.Text;

namespace Dossier.Reporting.Markdown;

/// <summary>
/// dossier.md: a report to read top to bottom. Per story its sources, the quotes several outlets carry and what
/// some leave out; then the negotiation map (issue × actor) with numbered evidence, then the entities.
/// Untrusted text is escaped so it can neither change the Markdown structure nor inject HTML into a renderer.
/// </summary>
public static class MarkdownReport
{
    public static void Write(Corpus corpus, TextWriter output)
    {
        var view = new CorpusView(corpus);
        output.WriteLine("# Dossier");
        output.WriteLine();
        output.WriteLine($"{corpus.Documents.Length} documents, {corpus.Stories.Length} stories, {corpus.Entities.Length} entities, " +
                         $"{corpus.Positions.Length} positions.");
        output.WriteLine();

        foreach (var story in corpus.Stories) WriteStory(view, story, output);

        var loose = view.Unstoried();
        if (loose.Count > 0)
        {
            output.WriteLine("## Documents in no story");
            output.WriteLine();
            foreach (var document in loose) output.WriteLine($"- {DocumentLine(document)}");
            output.WriteLine();
        }

        WriteMap(view, output);
        WriteEntities(view, output);
    }

    private static void WriteStory(CorpusView view, Story story, TextWriter output)
    {
        output.WriteLine($"## {Inline(story.Title)}");
        output.WriteLine();
        var outlets = view.OutletsOf(story);
        output.WriteLine($"- **Date:** {Inline(story.Date ?? "unknown")}");
        output.WriteLine($"- **Outlets:** {(outlets.Count == 0 ? "none known" : string.Join(", ", outlets.Select(Inline)))}");
        if (view.StorylineText(story) is { } storyline) output.WriteLine($"- **Storyline:** {Inline(storyline)}");
        output.WriteLine();
        if (!string.IsNullOrWhiteSpace(story.Summary))
        {
            output.WriteLine(Inline(story.Summary));
            output.WriteLine();
        }

        output.WriteLine("### Documents");
        output.WriteLine();
        foreach (var document in view.DocumentsOf(story)) output.WriteLine($"- {DocumentLine(document)}");
        output.WriteLine();

        var quotes = view.AlignmentsOf(story);
        if (quotes.Count > 0)
        {
            output.WriteLine("### Aligned quotes and claims");
            output.WriteLine();
            foreach (var alignment in quotes)
            {
                var who = alignment.Speaker is { } speaker ? $" — {Inline(view.ActorName(speaker))}" : "";
                var channel = alignment.Channel is { } c ? $" ({Inline(c)})" : "";
                var carriers = alignment.Documents.Select(d => view.OutletOf(d.DocumentId)).Distinct().Select(Inline);
                output.WriteLine($"- {(alignment.Kind == AlignmentKind.Quote ? "Quote" : "Claim")}: “{Inline(alignment.Text)}”{who}{channel}. " +
                                 $"Carried by {string.Join(", ", carriers)}" +
                                 (alignment.FirstOutlet is { } first ? $"; first by {Inline(first)}." : "."));
            }
            output.WriteLine();
        }

        WriteCoverage(StoryCoverage.Of(view, story), output);

        var discrepancies = view.DiscrepanciesOf(story);
        if (discrepancies.Count > 0)
        {
            output.WriteLine("### Discrepancies and omissions");
            output.WriteLine();
            foreach (var d in discrepancies)
                output.WriteLine($"- **{Inline(d.Kind)}** in {Inline(view.OutletOf(d.Document))}: “{Inline(d.Text)}” — {Inline(d.Explanation)}");
            output.WriteLine();
        }
    }

    /// <summary>The outlet × claim table: who carries each claim, who words it differently, who leaves it out.</summary>
    private static void WriteCoverage(StoryCoverage coverage, TextWriter output)
    {
        if (coverage.Rows.IsDefaultOrEmpty) return;
        output.WriteLine("### Coverage (outlet × claim)");
        output.WriteLine();
        output.WriteLine("✓ reports · ≠ reports it differently · ✗ leaves out what most others report · blank: not reported");
        output.WriteLine();
        output.WriteLine($"| Claim | Outlets | First | {string.Join(" | ", coverage.Outlets.Select(Inline))} |");
        output.WriteLine($"|---|---|---|{string.Concat(coverage.Outlets.Select(_ => "---|"))}");
        foreach (var row in coverage.Rows)
        {
            var text = row.Text.Length <= 120 ? row.Text : row.Text[..117] + "…";
            output.WriteLine($"| {Inline(row.Kind)}: {Inline(text)} | {row.Corroboration} | {Inline(row.FirstOutlet ?? "")} | " +
                             $"{string.Join(" | ", row.Cells.Select(Symbol))} |");
        }
        output.WriteLine();
        foreach (var o in coverage.PerOutlet)
            output.WriteLine($"- **{Inline(o.Outlet)}**: carries {o.Reports}, alone on {o.Exclusives}, leaves out {o.Omissions}, differs on {o.Differences}");
        output.WriteLine();
    }

    internal static string Symbol(CoverageState state) => state switch
    {
        CoverageState.Reports => "✓",
        CoverageState.Differs => "≠",
        CoverageState.Omits => "✗",
        _ => "",
    };

    private static string DocumentLine(Document document)
    {
        var m = document.Metadata;
        var date = m.Published is { } p ? LocalDatePattern.Iso.Format(p) + (m.PublishedInferred ? " (inferred)" : "") : "undated";
        var authors = m.Authors.IsDefaultOrEmpty ? "" : $" by {string.Join(", ", m.Authors.Select(Inline))}";
        return $"**{Inline(m.Outlet ?? "unknown outlet")}**: {Inline(m.Title ?? "(untitled)")}{authors}, {date} `{Code(document.Id)}`";
    }

    private static void WriteMap(CorpusView view, TextWriter output)
    {
        var map = view.Map();
        if (map.Issues.Count == 0) return;
        output.WriteLine("## Negotiation map");
        output.WriteLine();
        output.WriteLine($"| Issue | {string.Join(" | ", map.Actors.Select(a => Inline(view.ActorName(a))))} |");
        output.WriteLine($"|---|{string.Concat(map.Actors.Select(_ => "---|"))}");

        var evidence = new List<(Position Position, Evidence Evidence)>();
        foreach (var issue in map.Issues)
        {
            var cells = map.Actors.Select(actor => string.Join("; ", map.Cell(issue, actor).Select(p =>
            {
                var refs = p.Evidence.Select(e =>
                {
                    evidence.Add((p, e));
                    return $"[E{evidence.Count}]";
                }).ToList();
                var date = p.Date is null ? "" : $" {p.Date}";
                var condition = p.Condition is null ? "" : $": {p.Condition}";
                return Inline($"{Names.Of(p.Stance)}{date}{condition}") + (p.Evidence.IsDefaultOrEmpty ? "" : " " + string.Join("", refs));
            })));
            output.WriteLine($"| {Inline(issue)} | {string.Join(" | ", cells)} |");
        }
        output.WriteLine();

        if (evidence.Count > 0)
        {
            output.WriteLine("### Evidence");
            output.WriteLine();
            for (var i = 0; i < evidence.Count; i++)
            {
                var (position, e) = evidence[i];
                var quoted = e.Text ?? view.TextOf(e.Document, e.Start, e.End);
                output.WriteLine($"- [E{i + 1}] {Inline(position.Issue)} / {Inline(view.ActorName(position.Actor))}: " +
                                 $"{Inline(e.Outlet ?? view.OutletOf(e.Document))}, `{Code(e.Document)}` [{e.Start}–{e.End}]" +
                                 (quoted is null ? "" : $": “{Inline(quoted)}”"));
            }
            output.WriteLine();
        }
    }

    private static void WriteEntities(CorpusView view, TextWriter output)
    {
        if (view.Corpus.Entities.IsDefaultOrEmpty) return;
        output.WriteLine("## Entities");
        output.WriteLine();
        output.WriteLine("| Name | Type | Country | Aliases | Roles |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var e in view.Corpus.Entities)
        {
            var roles = string.Join("; ", e.Roles.Select(r => r.Date is null ? r.Title : $"{r.Title} ({r.Date})"));
            output.WriteLine($"| {Inline(e.Name)} | {Inline(e.Type)} | {Inline(e.Country ?? "")} | {Inline(string.Join(", ", e.Aliases))} | {Inline(roles)} |");
        }
        output.WriteLine();
    }

    /// <summary>
    /// Untrusted text as inline Markdown: one line, Markdown punctuation backslash-escaped, and &lt; &amp; as entities
    /// so a renderer that allows raw HTML still shows it as text.
    /// </summary>
    internal static string Inline(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r' or '\n' or '\t': builder.Append(' '); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '|' or '!' or '~' or '{' or '}':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    if (!char.IsControl(c)) builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>An id inside a code span: backticks cannot close it early.</summary>
    private static string Code(string text) => text.Replace('`', '\'').Replace('\n', ' ');
}
