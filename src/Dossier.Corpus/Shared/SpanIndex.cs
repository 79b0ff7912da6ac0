using System.Collections.Immutable;
using Dossier.Core.Model;

namespace Dossier.Corpus.Shared;

/// <summary>Binary-search lookups in layers (which are sorted by span), so that per-sentence queries stay linear in
/// document size instead of scanning the whole layer for every sentence.</summary>
public static class SpanIndex
{
    /// <summary>Items of a span-sorted layer that lie inside <paramref name="span"/>.</summary>
    public static IEnumerable<T> Inside<T>(ImmutableArray<T> sorted, TextSpan span) where T : ISpanned
    {
        if (sorted.IsDefaultOrEmpty) yield break;
        for (var i = LowerBound(sorted, span.Start); i < sorted.Length && sorted[i].Span.Start < span.End; i++)
            if (span.Contains(sorted[i].Span)) yield return sorted[i];
    }

    /// <summary>The span in a sorted list of spans that contains <paramref name="position"/>, if any.</summary>
    public static TextSpan? Containing(ImmutableArray<TextSpan> sorted, int position)
    {
        int lo = 0, hi = sorted.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid].Start <= position) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found >= 0 && sorted[found].Contains(position) ? sorted[found] : null;
    }

    private static int LowerBound<T>(ImmutableArray<T> sorted, int start) where T : ISpanned
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid].Span.Start < start) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
