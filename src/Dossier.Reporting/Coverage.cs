using System.Collections.Immutable;
using Dossier.Core.Model;

namespace Dossier.Reporting;

/// <summary>How one outlet treats one claim of a story.</summary>
public enum CoverageState
{
    /// <summary>None of the outlet's reports carries it (and it is not one most others carry).</summary>
    Absent,
    /// <summary>The outlet carries it as the others do.</summary>
    Reports,
    /// <summary>The outlet carries it with a discrepancy (another number, date, role, speaker or wording).</summary>
    Differs,
    /// <summary>Most other reports of the story carry it; this outlet leaves it out.</summary>
    Omits,
}

/// <summary>One row of a story's coverage table: an aligned claim or quote, or a fact only one outlet reports.</summary>
public sealed record CoverageRow(string Kind, string Text, int Corroboration, string? FirstOutlet, int? Alignment,
    ImmutableArray<CoverageState> Cells);

/// <summary>Per outlet of a story: how many rows it carries, alone, leaves out or words differently.</summary>
public sealed record OutletCoverage(string Outlet, int Reports, int Exclusives, int Omissions, int Differences);

/// <summary>A story's coverage table: outlets (columns) × claims (rows), and the per-outlet totals.</summary>
public sealed record StoryCoverage(string Story, ImmutableArray<string> Outlets, ImmutableArray<CoverageRow> Rows,
    ImmutableArray<OutletCoverage> PerOutlet)
{
    /// <summary>
    /// Built from the story's alignments and discrepancies: a cell is <see cref="CoverageState.Reports"/> when one of
    /// the outlet's documents is a member of the alignment, <see cref="CoverageState.Differs"/> when a discrepancy of that
    /// document overlaps its member span, <see cref="CoverageState.Omits"/> when an omission of that outlet names the
    /// row's text. Facts only one outlet reports (exclusives) are rows carried by that outlet alone.
    /// </summary>
    public static StoryCoverage Of(CorpusView view, Story story)
    {
        string OutletOf(string documentId) => view.Document(documentId) is { } d ? d.Metadata.Outlet ?? d.Source : documentId;
        var outlets = story.DocumentIds.Select(OutletOf).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        var column = outlets.Select((o, i) => (o, i)).ToDictionary(x => x.o, x => x.i, StringComparer.Ordinal);
        var discrepancies = view.DiscrepanciesOf(story);
        // Indexed once, so a story of thousands of reports stays linear.
        var differencesOf = discrepancies.Where(d => d.Kind is not ("omission" or "exclusive")).ToLookup(d => d.Document, StringComparer.Ordinal);
        var omissionsOf = discrepancies.Where(d => d.Kind == "omission").ToLookup(d => d.Text, StringComparer.Ordinal);
        var rows = new List<CoverageRow>();
        foreach (var a in view.AlignmentIndicesOf(story))
        {
            var alignment = view.Corpus.Alignments[a];
            var cells = new CoverageState[outlets.Length];
            foreach (var member in alignment.Documents)
            {
                if (!column.TryGetValue(OutletOf(member.DocumentId), out var c)) continue;
                var differs = differencesOf[member.DocumentId].Any(d => d.Start < member.End && member.Start < d.End);
                if (differs || cells[c] != CoverageState.Differs) cells[c] = differs ? CoverageState.Differs : CoverageState.Reports;
            }
            foreach (var omission in omissionsOf[alignment.Text])
                if (column.TryGetValue(OutletOf(omission.Document), out var c) && cells[c] == CoverageState.Absent) cells[c] = CoverageState.Omits;
            var kind = alignment.Kind == AlignmentKind.Quote ? "quote" : "claim";
            rows.Add(new CoverageRow(kind, alignment.Text, alignment.Documents.Select(d => OutletOf(d.DocumentId)).Distinct().Count(),
                alignment.FirstOutlet, a, [.. cells]));
        }
        foreach (var exclusive in discrepancies.Where(d => d.Kind == "exclusive"))
        {
            var cells = new CoverageState[outlets.Length];
            if (column.TryGetValue(OutletOf(exclusive.Document), out var c)) cells[c] = CoverageState.Reports;
            rows.Add(new CoverageRow("exclusive", exclusive.Text, 1, OutletOf(exclusive.Document), null, [.. cells]));
        }
        var perOutlet = outlets.Select((o, c) => new OutletCoverage(o,
            rows.Count(r => r.Cells[c] is CoverageState.Reports or CoverageState.Differs),
            rows.Count(r => r.Kind == "exclusive" && r.Cells[c] == CoverageState.Reports),
            rows.Count(r => r.Cells[c] == CoverageState.Omits),
            rows.Count(r => r.Cells[c] == CoverageState.Differs))).ToImmutableArray();
        return new StoryCoverage(story.Id, outlets, [.. rows], perOutlet);
    }
}
