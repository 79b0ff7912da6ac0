using System.Collections.Immutable;
using Dossier.Core.Model;
using Dossier.Corpus.Shared;

namespace Dossier.Corpus.Alignment;

/// <summary>A group of quote occurrences that are the same statement, in one or more documents.</summary>
public sealed record QuoteGroup(ImmutableArray<(Document Doc, Quote Quote)> Members)
{
    public int DocumentCount => Members.Select(m => m.Doc.Id).Distinct().Count();
}

/// <summary>
/// Finds the same quote carried by several outlets: quote texts are folded (case, punctuation, quote marks and
/// ellipses ignored) and two occurrences match when the shorter is contained in the longer or they share a long common
/// run of words — which catches truncated ("…"), re-punctuated and partially quoted versions.
/// </summary>
public static class QuoteAligner
{
    private const int MinWords = 3;
    private const int MinRun = 6;
    private const int MaxWords = 400;
    private const int MaxPosting = 500;

    public static List<QuoteGroup> Group(IReadOnlyList<Document> documents)
    {
        var items = new List<(Document Doc, Quote Quote, string[] Words)>();
        foreach (var d in documents)
            foreach (var q in d.Layer(Layers.Quotes))
            {
                if (q.Kind == QuoteKind.Indirect) continue; // paraphrase: not the same words, claims cover it
                var words = Words.Tokenize(q.Text).Select(w => w.Norm).Take(MaxWords).ToArray();
                if (words.Length >= MinWords) items.Add((d, q, words));
            }
        var parent = Enumerable.Range(0, items.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }

        // Candidates: quotes sharing a word trigram.
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
            foreach (var g in Trigrams(items[i].Words).Distinct())
            {
                if (!index.TryGetValue(g, out var list)) index[g] = list = [];
                list.Add(i);
            }
        var checkedPairs = new HashSet<(int, int)>();
        foreach (var list in index.Values)
        {
            if (list.Count > MaxPosting) continue;
            for (var x = 0; x < list.Count; x++)
                for (var y = x + 1; y < list.Count; y++)
                {
                    var (a, b) = (list[x], list[y]);
                    if (!checkedPairs.Add((a, b)) || Find(a) == Find(b)) continue;
                    if (Same(items[a].Words, items[b].Words)) parent[Find(a)] = Find(b);
                }
        }
        return [.. Enumerable.Range(0, items.Count).GroupBy(Find)
            .Select(g => new QuoteGroup([.. g.Select(i => (items[i].Doc, items[i].Quote))]))];
    }

    /// <summary>Same statement: the shorter is inside the longer, or they share a long run of words.</summary>
    public static bool Same(string[] a, string[] b)
    {
        var run = LongestCommonRun(a, b);
        var shorter = Math.Min(a.Length, b.Length);
        return run == shorter || run >= MinRun && run >= shorter / 2;
    }

    public static int LongestCommonRun(string[] a, string[] b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        var best = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : 0;
                if (cur[j] > best) best = cur[j];
            }
            (prev, cur) = (cur, prev);
        }
        return best;
    }

    // Quotes have at least MinWords (3) words, so every quote has a trigram.
    private static IEnumerable<string> Trigrams(string[] words)
    {
        for (var i = 0; i + 3 <= words.Length; i++) yield return words[i] + " " + words[i + 1] + " " + words[i + 2];
    }
}
