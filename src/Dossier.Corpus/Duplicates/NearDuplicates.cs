using System.Collections.Immutable;
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

/// <summary>A passage of a member document that the group's representative also contains (member offsets).</summary>
public sealed record SharedPassage(int Start, int End, string Text);

/// <summary>Why a document is in a near-duplicate group: its similarity to the representative and what they share.</summary>
public sealed record DuplicateLink(string DocumentId, double EstimatedJaccard, double ExactJaccard, ImmutableArray<SharedPassage> Passages);

/// <summary>Documents that are copies or light rewrites of one another (wire copy, syndication, one article under two
/// URLs). <see cref="Representative"/> is the smallest id; every other member has a <see cref="DuplicateLink"/>.</summary>
public sealed record NearDuplicateGroup(string Representative, ImmutableArray<string> DocumentIds, ImmutableArray<DuplicateLink> Links);

/// <summary>
/// Near-duplicate detection with MinHash signatures over word shingles and locality-sensitive hashing in bands: each
/// document is compared only with the first member of each bucket it falls in, so the cost grows linearly with the
/// number of documents, even for 10,000 copies of one article.
/// </summary>
public sealed class NearDuplicateDetector(NearDuplicateOptions? options = null)
{
    private readonly NearDuplicateOptions _o = options ?? new NearDuplicateOptions();

    public ImmutableArray<NearDuplicateGroup> Find(IEnumerable<(string Id, string Text)> input)
    {
        var docs = input.GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var features = docs.AsParallel().AsOrdered().Select(d => Shingle(d.Text)).ToList();
        var signatures = features.AsParallel().AsOrdered().Select(f => Signature(f.Set)).ToList();

        var parent = Enumerable.Range(0, docs.Count).ToArray();
        int Root(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        for (var band = 0; band < _o.Bands; band++)
        {
            var buckets = new Dictionary<ulong, int>();
            for (var i = 0; i < docs.Count; i++)
            {
                if (features[i].Set.Count == 0) continue;
                var key = BandKey(signatures[i], band);
                if (!buckets.TryGetValue(key, out var first)) { buckets[key] = i; continue; }
                if (Root(first) == Root(i)) continue;
                if (Jaccard(features[first].Set, features[i].Set) >= _o.Threshold) parent[Root(i)] = Root(first);
            }
        }

        var groups = ImmutableArray.CreateBuilder<NearDuplicateGroup>();
        foreach (var members in Enumerable.Range(0, docs.Count).GroupBy(Root).Where(g => g.Count() > 1))
        {
            var ordered = members.OrderBy(i => docs[i].Id, StringComparer.Ordinal).ToList();
            var rep = ordered[0];
            var links = ordered.Skip(1).Select(i => new DuplicateLink(docs[i].Id,
                Estimate(signatures[rep], signatures[i]), Jaccard(features[rep].Set, features[i].Set),
                Passages(docs[i].Text, features[i], features[rep].Set))).ToImmutableArray();
            groups.Add(new NearDuplicateGroup(docs[rep].Id, [.. ordered.Select(i => docs[i].Id)], links));
        }
        return groups.ToImmutable();
    }

    /// <summary>Estimated and exact Jaccard of two texts, and the passages of <paramref name="b"/> found in <paramref name="a"/>.</summary>
    public DuplicateLink Compare(string a, string b, string idOfB = "b")
    {
        var (fa, fb) = (Shingle(a), Shingle(b));
        return new DuplicateLink(idOfB, Estimate(Signature(fa.Set), Signature(fb.Set)), Jaccard(fa.Set, fb.Set), Passages(b, fb, fa.Set));
    }

    private sealed record Features(HashSet<ulong> Set, ulong[] Sequence, List<Word> Words);

    private Features Shingle(string text)
    {
        var words = Words.Tokenize(text);
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
        return new Features([.. sequence], sequence, words);
    }

    private ulong[] Signature(HashSet<ulong> set)
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

    private ulong BandKey(ulong[] sig, int band)
    {
        ulong h = (ulong)band * 0x9E3779B97F4A7C15UL;
        for (var r = 0; r < _o.Rows; r++) h = Mix(h ^ sig[band * _o.Rows + r]);
        return h;
    }

    private static double Estimate(ulong[] a, ulong[] b)
    {
        var same = 0;
        for (var i = 0; i < a.Length; i++) if (a[i] == b[i] && a[i] != ulong.MaxValue) same++;
        return a.Length == 0 ? 0 : same / (double)a.Length;
    }

    private static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count < b.Count ? (a, b) : (b, a);
        var common = small.Count(large.Contains);
        return common / (double)(a.Count + b.Count - common);
    }

    /// <summary>Maximal runs of consecutive shingles of a document that the other document also has, as text spans.</summary>
    private ImmutableArray<SharedPassage> Passages(string text, Features doc, HashSet<ulong> other)
    {
        var runs = new List<(int From, int To)>();
        var start = -1;
        for (var i = 0; i <= doc.Sequence.Length; i++)
        {
            var shared = i < doc.Sequence.Length && other.Contains(doc.Sequence[i]);
            if (shared && start < 0) start = i;
            if (!shared && start >= 0) { runs.Add((start, i - 1 + _o.ShingleWords - 1)); start = -1; }
        }
        return [.. runs.OrderByDescending(r => r.To - r.From).ThenBy(r => r.From).Take(_o.MaxPassages).OrderBy(r => r.From)
            .Select(r => new SharedPassage(doc.Words[r.From].Start, doc.Words[r.To].End, text[doc.Words[r.From].Start..doc.Words[r.To].End]))];
    }

    private static ulong Mix(ulong h)
    {
        h ^= h >> 33; h *= 0xff51afd7ed558ccdUL; h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53UL; h ^= h >> 33;
        return h;
    }
}
