using System.Collections.Immutable;
using Dossier.Core.Model;
using Dossier.Corpus.Shared;

namespace Dossier.Corpus.Duplicates;

/// <summary>MinHash/LSH settings. With 32 bands of 4 rows, pairs at Jaccard 0.5 are found with probability ≈ 0.87
/// and pairs at 0.8 with ≈ 1.0; candidates are then checked against <see cref="Threshold"/> on the exact Jaccard.</summary>
public sealed record NearDuplicateOptions
{
    public int ShingleWords { get; init; } = 5;
    public int Bands { get; init; } = 32;
    public int Rows { get; init; } = 4;
    /// <summary>Exact Jaccard of word-shingle sets from which two texts are near-duplicates.</summary>
    public double Threshold { get; init; } = 0.5;
    /// <summary>Shared passages reported per link (the longest).</summary>
    public int MaxPassages { get; init; } = 5;
}

/// <summary>
/// Near-duplicate detection with MinHash signatures over word shingles and locality-sensitive hashing in bands: each
/// document is compared only with the first member of each bucket it falls in, so the cost grows linearly with the
/// number of documents, even for 10,000 copies of one article. Only the band keys and the sorted shingle hashes of each
/// document are kept, so a million short texts fit in memory.
/// </summary>
public sealed class NearDuplicateDetector(NearDuplicateOptions? options = null)
{
    private readonly NearDuplicateOptions _o = options ?? new NearDuplicateOptions();

    public NearDuplicateOptions Options => _o;

    /// <summary>Groups of near-duplicates among the documents, each member explained against the representative.</summary>
    public ImmutableArray<DuplicateGroup> Find(IEnumerable<(string Id, string Text)> input)
    {
        var docs = input.GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.OrderBy(d => d.Text, StringComparer.Ordinal).First())
            .OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var shingles = docs.AsParallel().AsOrdered().Select(d => ShingleSet(d.Text)).ToArray();
        var roots = Roots(shingles);

        var groups = ImmutableArray.CreateBuilder<DuplicateGroup>();
        foreach (var members in Enumerable.Range(0, docs.Count).GroupBy(i => roots[i]).Where(g => g.Count() > 1))
        {
            // Roots are the smallest index of their group and documents are sorted by id: the root is the smallest id.
            var rep = members.Key;
            var repSignature = Signature(shingles[rep]);
            var links = members.Where(i => i != rep).Select(i => Link(docs[i].Id, docs[i].Text, shingles[i], repSignature, shingles[rep]))
                .ToImmutableArray();
            groups.Add(new DuplicateGroup(docs[rep].Id, [.. members.Select(i => docs[i].Id)], links));
        }
        return groups.ToImmutable();
    }

    /// <summary>Estimated and exact Jaccard of two texts, and the passages of <paramref name="b"/> found in <paramref name="a"/>.</summary>
    public DuplicateLink Compare(string a, string b, string idOfB = "b")
    {
        var (sa, sb) = (ShingleSet(a), ShingleSet(b));
        return Link(idOfB, b, sb, Signature(sa), sa);
    }

    /// <summary>
    /// For each item (by index), the smallest index of its near-duplicate group. <paramref name="canJoin"/> may veto a
    /// pair (the story clusterer keeps copies published years apart apart). Items are visited in index order, so the
    /// result depends on the items' order only through their indices, which callers derive from sorted ids.
    /// </summary>
    public int[] Roots(IReadOnlyList<ulong[]> shingles, Func<int, int, bool>? canJoin = null)
    {
        var keys = new ulong[shingles.Count][];
        Parallel.For(0, shingles.Count, i => keys[i] = BandKeys(Signature(shingles[i])));
        var parent = Enumerable.Range(0, shingles.Count).ToArray();
        int Root(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        void Union(int a, int b)
        {
            var (ra, rb) = (Root(a), Root(b));
            if (ra < rb) parent[rb] = ra; else parent[ra] = rb;
        }
        var buckets = new Dictionary<ulong, int>();
        for (var band = 0; band < _o.Bands; band++)
        {
            buckets.Clear();
            for (var i = 0; i < shingles.Count; i++)
            {
                if (shingles[i].Length == 0) continue;
                var key = keys[i][band];
                if (!buckets.TryGetValue(key, out var first)) { buckets[key] = i; continue; }
                if (Root(first) == Root(i) || canJoin is not null && !canJoin(first, i)) continue;
                if (Jaccard(shingles[first], shingles[i]) >= _o.Threshold) Union(first, i);
            }
        }
        var roots = new int[shingles.Count];
        for (var i = 0; i < roots.Length; i++) roots[i] = Root(i);
        return roots;
    }

    /// <summary>The distinct hashes of a text's word shingles, sorted (compact, and merged in linear time).</summary>
    public ulong[] ShingleSet(string text)
    {
        var sequence = Sequence(Words.Tokenize(text));
        Array.Sort(sequence);
        var n = 0;
        for (var i = 0; i < sequence.Length; i++)
            if (i == 0 || sequence[i] != sequence[i - 1]) sequence[n++] = sequence[i];
        return sequence[..n];
    }

    private DuplicateLink Link(string id, string text, ulong[] set, ulong[] repSignature, ulong[] repSet) =>
        new(id, Estimate(repSignature, Signature(set)), Jaccard(repSet, set), Passages(id, text, repSet));

    /// <summary>Hashes of consecutive word shingles in text order.</summary>
    private ulong[] Sequence(List<Word> words)
    {
        var k = _o.ShingleWords;
        var sequence = new ulong[Math.Max(0, words.Count - k + 1)];
        for (var i = 0; i < sequence.Length; i++)
        {
            ulong h = 14695981039346656037UL;
            for (var j = 0; j < k; j++)
            {
                foreach (var c in words[i + j].Norm) { h ^= c; h *= 1099511628211UL; }
                h ^= ' '; h *= 1099511628211UL;
            }
            sequence[i] = Mix(h);
        }
        return sequence;
    }

    private ulong[] Signature(ulong[] set)
    {
        var n = _o.Bands * _o.Rows;
        var sig = new ulong[n];
        Array.Fill(sig, ulong.MaxValue);
        foreach (var h in set)
            for (var k = 0; k < n; k++)
            {
                // One hash function per slot: the shingle hash re-mixed with a per-slot seed.
                var v = Mix(h ^ (0x9E3779B97F4A7C15UL * (ulong)(k + 1)));
                if (v < sig[k]) sig[k] = v;
            }
        return sig;
    }

    private ulong[] BandKeys(ulong[] sig)
    {
        var keys = new ulong[_o.Bands];
        for (var band = 0; band < _o.Bands; band++)
        {
            ulong h = (ulong)band * 0x9E3779B97F4A7C15UL;
            for (var r = 0; r < _o.Rows; r++) h = Mix(h ^ sig[band * _o.Rows + r]);
            keys[band] = h;
        }
        return keys;
    }

    private static double Estimate(ulong[] a, ulong[] b)
    {
        var same = 0;
        for (var i = 0; i < a.Length; i++) if (a[i] == b[i] && a[i] != ulong.MaxValue) same++;
        return a.Length == 0 ? 0 : same / (double)a.Length;
    }

    /// <summary>Exact Jaccard of two sorted sets, by merging.</summary>
    public static double Jaccard(ulong[] a, ulong[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return common / (double)(a.Length + b.Length - common);
    }

    /// <summary>Maximal runs of consecutive shingles of a document that the other document also has, as text spans.</summary>
    private ImmutableArray<DocSpan> Passages(string id, string text, ulong[] other)
    {
        var words = Words.Tokenize(text);
        var sequence = Sequence(words);
        var runs = new List<(int From, int To)>();
        var start = -1;
        for (var i = 0; i <= sequence.Length; i++)
        {
            var shared = i < sequence.Length && Array.BinarySearch(other, sequence[i]) >= 0;
            if (shared && start < 0) start = i;
            if (!shared && start >= 0) { runs.Add((start, i - 1 + _o.ShingleWords - 1)); start = -1; }
        }
        return [.. runs.OrderByDescending(r => r.To - r.From).ThenBy(r => r.From).Take(_o.MaxPassages).OrderBy(r => r.From)
            .Select(r => new DocSpan(id, words[r.From].Start, words[r.To].End))];
    }

    private static ulong Mix(ulong h)
    {
        h ^= h >> 33; h *= 0xff51afd7ed558ccdUL; h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53UL; h ^= h >> 33;
        return h;
    }
}
