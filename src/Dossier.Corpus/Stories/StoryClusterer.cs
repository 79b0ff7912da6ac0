using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Dossier.Corpus.Duplicates;
using Dossier.Corpus.Shared;
using NodaTime;

namespace Dossier.Corpus.Stories;

/// <summary>What the clusterer needs to know about one document. <see cref="Entities"/> are canonical entity ids
/// (or folded names) when an entity stage ran; <see cref="Quotes"/> the quoted texts when a quote stage ran (else
/// the clusterer takes what stands between quotation marks). The clusterer also works from text alone.</summary>
public sealed record StoryDocument(
    string Id,
    string Text,
    string? Title = null,
    LocalDate? Date = null,
    IReadOnlyCollection<string>? Entities = null,
    IReadOnlyCollection<string>? Quotes = null);

/// <summary>The knobs of the story clusterer. Threshold, attachment, fragment size and name weight were chosen on the
/// ECB+ train split with <c>StoryEvaluator.Tune</c> + <c>StoryEvaluator.Choose</c>; the rest are fixed by design.</summary>
public sealed record StoryClusterOptions
{
    /// <summary>Average-linkage similarity two groups need to merge.</summary>
    public double Threshold { get; init; } = 0.28;
    /// <summary>Weight of shared canonical entities (Dice over entity sets, each entity weighted by its rarity in the
    /// corpus: an actor every report names says nothing about which story a report is in).</summary>
    public double EntityWeight { get; init; } = 0.15;
    /// <summary>Weight of shared quoted words (word trigrams inside quotes), saturating at <see cref="QuoteSaturation"/>:
    /// outlets covering one event quote the same people, even when they cut the quotes differently.</summary>
    public double QuoteWeight { get; init; } = 0.15;
    public int QuoteSaturation { get; init; } = 3;
    /// <summary>Weight of shared verbatim passages (quotes, wire copy), saturating at <see cref="PassageSaturation"/> shared shingles.</summary>
    public double PassageWeight { get; init; } = 0.25;
    public int PassageSaturation { get; init; } = 4;
    /// <summary>Extra weight of capitalised words (names) in the term vector.</summary>
    public double NameBoost { get; init; } = 3.0;
    /// <summary>Extra weight of numbers (counts, tolls, amounts are specific to one event).</summary>
    public double NumberBoost { get; init; } = 1.0;
    /// <summary>Extra weight of title words.</summary>
    public double TitleBoost { get; init; } = 2.0;
    /// <summary>Days two dated documents may lie apart before their similarity decays, and the decay constant.</summary>
    public int DateToleranceDays { get; init; } = 3;
    public double DateDecayDays { get; init; } = 7;
    /// <summary>Blocking: the key terms per document that generate candidate pairs, the longest posting list used,
    /// and the most candidates scored per document. Together they keep clustering near-linear.</summary>
    public int KeyTerms { get; init; } = 24;

    public int MaxPosting { get; init; } = 500;

    /// <summary>Near-duplicates collapsed into one node before clustering (null switches it off). Stricter than the
    /// detector's default: only copies and light rewrites, whose story is certainly the same.</summary>
    public NearDuplicateOptions? NearDuplicates { get; init; } = new() { Threshold = 0.7 };
    public int MaxCandidates { get; init; } = 100;

    /// <summary>Document frequencies of general news mixed into the corpus's own (<see cref="BackgroundTerms.None"/> to switch off).</summary>
    public BackgroundTerms Background { get; init; } = BackgroundTerms.Default;

    /// <summary>Fragments (groups of at most <see cref="FragmentSize"/> documents) join the larger story they are on
    /// average this similar to (0 switches it off).</summary>
    public double AttachThreshold { get; init; } = 0.05;
    /// <summary>Two groups of two or more merge only when their average link is at least this share of the geometric
    /// mean of their cohesions (average similarity inside each).</summary>
    public double CohesionRatio { get; init; } = 0.5;
    public int FragmentSize { get; init; } = 4;
    /// <summary>How many times larger than a fragment a group must be to absorb it: two groups of similar size are
    /// two stories, not a story and its fragment.</summary>
    public double FragmentRatio { get; init; } = 2;

    public static StoryClusterOptions Default { get; } = new();
}

/// <summary>Groups of documents about the same event, each with its members' similarity to the group.</summary>
public sealed record StoryCluster(ImmutableArray<string> DocumentIds, ImmutableArray<double> Centrality);

/// <summary>
/// Order-independent story clustering: documents are sorted by id, represented by TF-IDF key terms, canonical
/// entities, shared verbatim passages (quotes carried by several outlets, wire copy) and their dates; candidate pairs
/// come from an inverted index over each document's key terms (no all-pairs), and groups are formed by average-linkage
/// agglomeration over that sparse similarity graph with deterministic tie-breaking. Identical texts, then near-duplicates
/// (MinHash + LSH), are collapsed first, so 10,000 copies or rewrites of one article cost one node.
/// </summary>
public sealed class StoryClusterer(StoryClusterOptions? options = null)
{
    private readonly StoryClusterOptions _o = options ?? StoryClusterOptions.Default;

    public ImmutableArray<StoryCluster> Cluster(IEnumerable<StoryDocument> input)
    {
        var docs = Distinct(input);
        if (docs.Count == 0) return [];

        // Identical texts (folded) are one node whose weight is the number of copies.
        var nodeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var nodeMembers = new List<List<int>>();
        var keys = docs.AsParallel().AsOrdered().Select(d => Fingerprint(d.Text)).ToList();
        var firsts = new List<int>();
        for (var i = 0; i < docs.Count; i++)
        {
            var key = keys[i];
            if (key.Length > 0 && nodeOf.TryGetValue(key, out var n)) { nodeMembers[n].Add(i); continue; }
            if (key.Length > 0) nodeOf[key] = nodeMembers.Count;
            firsts.Add(i);
            nodeMembers.Add([i]);
        }
        keys.Clear();
        nodeOf.Clear();
        if (_o.NearDuplicates is { } near) (firsts, nodeMembers) = CollapseNearDuplicates(docs, firsts, nodeMembers, near);
        var nodes = firsts.AsParallel().AsOrdered().Select(i => Featurize(docs[i])).ToList();

        Weigh(nodes);
        var edges = CandidateEdges(nodes);
        var groups = AverageLinkage(nodes.Count, nodeMembers.Select(m => (double)m.Count).ToArray(), edges);
        if (_o.AttachThreshold > 0) groups = AttachFragments(groups, nodeMembers, edges);

        // Centrality: a node's weighted mean similarity to the other members of its story (copies count fully, a copy
        // is similarity 1 to its original), summed over the story's own edges, so a story of thousands stays linear.
        var groupOf = new int[nodes.Count];
        var copies = new double[groups.Count];
        for (var g = 0; g < groups.Count; g++)
            foreach (var n in groups[g]) { groupOf[n] = g; copies[g] += nodeMembers[n].Count; }
        var total = new double[nodes.Count];
        foreach (var (a, b, s) in edges)
        {
            if (groupOf[a] != groupOf[b]) continue;
            total[a] += s * nodeMembers[b].Count;
            total[b] += s * nodeMembers[a].Count;
        }
        edges.Clear();
        nodes.Clear();
        var result = new List<StoryCluster>();
        foreach (var group in groups)
        {
            var ids = new List<(string Id, double C)>();
            var others = copies[groupOf[group[0]]] - 1;
            foreach (var n in group)
            {
                var c = others > 0 ? (total[n] + nodeMembers[n].Count - 1) / others : 1.0;
                foreach (var i in nodeMembers[n]) ids.Add((docs[i].Id, c));
            }
            ids.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
            result.Add(new StoryCluster([.. ids.Select(x => x.Id)], [.. ids.Select(x => x.C)]));
        }
        return [.. result.OrderBy(c => c.DocumentIds[0], StringComparer.Ordinal)];
    }

    /// <summary>The scored candidate pairs (first document ids of each collapsed group), for explaining a grouping.</summary>
    public ImmutableArray<(string A, string B, double Similarity)> SimilarityGraph(IEnumerable<StoryDocument> input)
    {
        var docs = Distinct(input);
        var nodes = docs.Select(Featurize).ToList();
        Weigh(nodes);
        return [.. CandidateEdges(nodes).Select(e => (docs[e.A].Id, docs[e.B].Id, e.Sim))];
    }

    /// <summary>One document per id (of two texts under one id, the ordinally smaller: never the first to arrive), sorted by id.</summary>
    private static List<StoryDocument> Distinct(IEnumerable<StoryDocument> input) =>
        [.. input.GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.MinBy(d => d.Text, StringComparer.Ordinal)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal)];

    /// <summary>
    /// Near-duplicates (wire copy, syndicated rewrites; MinHash + LSH, so linear in the number of texts) become one
    /// node carrying all their copies; the representative (smallest id) stands for the group's text. Copies dated
    /// further apart than the date tolerance stay apart: the same text a year later is a new report.
    /// </summary>
    private (List<int>, List<List<int>>) CollapseNearDuplicates(List<StoryDocument> docs, List<int> firsts, List<List<int>> members,
        NearDuplicateOptions near)
    {
        var detector = new NearDuplicateDetector(near);
        var sets = firsts.AsParallel().AsOrdered().Select(i => detector.ShingleSet(docs[i].Text)).ToArray();
        var roots = detector.Roots(sets, (a, b) => WithinTolerance(docs[firsts[a]].Date, docs[firsts[b]].Date));
        var keptFirsts = new List<int>();
        var keptMembers = new List<List<int>>();
        var index = new int[firsts.Count];
        for (var k = 0; k < firsts.Count; k++)
        {
            // Roots are the smallest index of their group, so a root is always met before its members.
            if (roots[k] != k) { keptMembers[index[roots[k]]].AddRange(members[k]); continue; }
            index[k] = keptFirsts.Count;
            keptFirsts.Add(firsts[k]);
            keptMembers.Add(members[k]);
        }
        return (keptFirsts, keptMembers);
    }

    private bool WithinTolerance(LocalDate? a, LocalDate? b) =>
        a is not { } x || b is not { } y || Math.Abs(Period.Between(x, y, PeriodUnits.Days).Days) <= _o.DateToleranceDays;

    /// <summary>A stable story id from its sorted member ids.</summary>
    public static string StoryId(IEnumerable<string> sortedIds)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', sortedIds)));
        return "story-" + Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }

    private static string Fingerprint(string text)
    {
        var words = Words.Tokenize(text);
        if (words.Count == 0) return "";
        var sb = new StringBuilder();
        foreach (var w in words) sb.Append(w.Norm).Append(' ');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private sealed class Node
    {
        public required Dictionary<string, double> Tf;
        /// <summary>The TF-IDF vector as term ids in ascending order with their weights (L2-normalised).</summary>
        public int[] Terms = [];
        public double[] Weights = [];
        public required HashSet<string> Entities;
        public required HashSet<ulong> Shingles;
        public HashSet<string> Quotes = [];
        public Dictionary<string, double> EntityWeights = [];
        public LocalDate? Date;
        public int[] KeyTerms = [];
    }

    private Node Featurize(StoryDocument d)
    {
        var tf = new Dictionary<string, double>(StringComparer.Ordinal);
        var words = Words.Tokenize(d.Text);
        for (var i = 0; i < words.Count; i++)
        {
            var t = Words.ContentTerm(words[i]);
            if (t is null) continue;
            // A capitalised word not opening a sentence is most likely a name: names separate events of one kind.
            var sentenceInitial = i == 0 || IsSentenceEnd(d.Text, words[i - 1].End, words[i].Start);
            var w = words[i].Capitalised && !sentenceInitial ? _o.NameBoost : words[i].IsNumber ? _o.NumberBoost : 1.0;
            tf[t] = tf.GetValueOrDefault(t) + w;
        }
        if (!string.IsNullOrWhiteSpace(d.Title))
            foreach (var t in Words.ContentTerms(d.Title)) tf[t] = tf.GetValueOrDefault(t) + _o.TitleBoost;

        return new Node
        {
            Tf = tf,
            Entities = d.Entities is null ? [] : [.. d.Entities.Where(e => !string.IsNullOrEmpty(e))],
            Shingles = SampledShingles(words),
            Quotes = QuoteTrigrams(d.Quotes ?? QuotedRuns(d.Text)),
            Date = d.Date,
        };
    }

    private static bool IsSentenceEnd(string text, int from, int to)
    {
        for (var k = from; k < to && k < text.Length; k++)
            if (text[k] is '.' or '!' or '?' or '\n' or ':' or '"' or '“' or '”') return true;
        return false;
    }

    /// <summary>Texts between quotation marks (straight or curly, at most 600 characters, so an unbalanced mark
    /// cannot turn the rest of a document into a quote).</summary>
    internal static IEnumerable<string> QuotedRuns(string text)
    {
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (open >= 0 && (c == '”' || c == '"') && i - open <= 600) { yield return text[(open + 1)..i]; open = -1; }
            else if (c == '“' || c == '"' || c == '\n') open = c == '\n' ? -1 : i;
        }
    }

    private static HashSet<string> QuoteTrigrams(IEnumerable<string> quotes)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in quotes)
        {
            var w = Words.Tokenize(q);
            for (var i = 0; i + 3 <= w.Count; i++)
            {
                // "of the war" is in every quote about a war; a trigram counts when most of it is content words.
                var content = (Words.IsStopword(w[i].Norm) ? 0 : 1) + (Words.IsStopword(w[i + 1].Norm) ? 0 : 1) + (Words.IsStopword(w[i + 2].Norm) ? 0 : 1);
                if (content >= 2) set.Add(w[i].Norm + " " + w[i + 1].Norm + " " + w[i + 2].Norm);
            }
        }
        return set;
    }

    /// <summary>Hashes of 6-word shingles, sampled by hash (1 in 4) so that long shared passages (a quote carried by
    /// several outlets, wire copy) are still seen while memory stays small.</summary>
    private static HashSet<ulong> SampledShingles(List<Word> words)
    {
        const int k = 6;
        var set = new HashSet<ulong>();
        for (var i = 0; i + k <= words.Count; i++)
        {
            ulong h = 14695981039346656037UL;
            for (var j = 0; j < k; j++)
                foreach (var c in words[i + j].Norm) { h ^= c; h *= 1099511628211UL; }
            h ^= h >> 29; h *= 0xbf58476d1ce4e5b9UL; h ^= h >> 32;
            if ((h & 3) == 0) set.Add(h);
        }
        return set;
    }

    private void Weigh(List<Node> nodes)
    {
        // Term ids in order of first use over documents sorted by id: deterministic whatever the input order.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var df = new List<int>();
        foreach (var n in nodes)
            foreach (var t in n.Tf.Keys)
            {
                if (!ids.TryGetValue(t, out var id)) { ids[t] = id = df.Count; df.Add(0); }
                df[id]++;
            }
        var count = nodes.Count + _o.Background.Documents;
        var idf = new double[df.Count];
        foreach (var (t, id) in ids)
            idf[id] = Math.Log((count + 1.0) / (df[id] + _o.Background.Frequencies.GetValueOrDefault(t) + 1.0)) + 1;
        var entityDf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in nodes) foreach (var e in n.Entities) entityDf[e] = entityDf.GetValueOrDefault(e) + 1;
        foreach (var n in nodes)
        {
            n.EntityWeights = n.Entities.ToDictionary(e => e, e => Math.Log((double)nodes.Count / entityDf[e]), StringComparer.Ordinal);
            var pairs = n.Tf.Select(p => (Id: ids[p.Key], W: (1 + Math.Log(p.Value)) * idf[ids[p.Key]])).OrderBy(p => p.Id).ToArray();
            var norm = Math.Sqrt(pairs.Sum(p => p.W * p.W));
            n.Terms = [.. pairs.Select(p => p.Id)];
            n.Weights = [.. pairs.Select(p => norm > 0 ? p.W / norm : 0)];
            // Key terms: highest weight, ties by id. Terms no other document has cannot pair documents.
            n.KeyTerms = [.. pairs.Where(p => df[p.Id] > 1).OrderByDescending(p => p.W).ThenBy(p => p.Id).Take(_o.KeyTerms).Select(p => p.Id)];
            n.Tf = [];
        }
    }

    private List<(int A, int B, double Sim)> CandidateEdges(List<Node> nodes)
    {
        var termPostings = new Dictionary<int, List<int>>();
        var entityPostings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var t in nodes[i].KeyTerms) Add(termPostings, t, i);
            foreach (var e in nodes[i].Entities) Add(entityPostings, e, i);
        }
        var perNode = new List<(int, int, double)>[nodes.Count];
        // Each document scores its candidates independently (in parallel); edges are concatenated in document order.
        // One counting array per worker, not per task: Parallel.For's local state is created for every task the
        // thread pool starts, and an array of all nodes per task made memory grow faster than the corpus.
        var workers = Math.Max(1, Environment.ProcessorCount);
        Parallel.For(0, workers, w =>
        {
            var shared = new int[nodes.Count];
            var touched = new List<int>();
            // Interleaved, so that every worker gets early nodes (many later candidates) and late ones alike.
            for (var i = w; i < nodes.Count; i += workers)
            {
                touched.Clear();
                foreach (var t in nodes[i].KeyTerms) Count(termPostings[t], i);
                foreach (var e in nodes[i].Entities) Count(entityPostings[e], i);
                var best = touched.OrderByDescending(j => shared[j]).ThenBy(j => j).Take(_o.MaxCandidates).ToList();
                foreach (var j in touched) shared[j] = 0;
                var edges = new List<(int, int, double)>(best.Count);
                foreach (var j in best)
                {
                    var s = Similarity(nodes[i], nodes[j]);
                    if (s > 0.02) edges.Add((i, j, s));
                }
                perNode[i] = edges;
            }

            void Count(List<int> list, int i)
            {
                if (list.Count > _o.MaxPosting) return; // too common to say which story a document is in
                foreach (var j in list)
                {
                    if (j <= i) continue;
                    if (shared[j]++ == 0) touched.Add(j);
                }
            }
        });
        return [.. perNode.SelectMany(e => e)];
    }

    /// <summary>
    /// The strict first pass leaves reports that word an event differently as small fragments. Each fragment joins
    /// the larger group it is most similar to on average (over all member pairs), when that is above the attach
    /// threshold. All choices are made against the first-pass groups, so the order of fragments does not matter.
    /// </summary>
    private List<List<int>> AttachFragments(List<List<int>> groups, List<List<int>> nodeMembers, List<(int A, int B, double Sim)> edges)
    {
        var groupOf = new int[nodeMembers.Count];
        var size = new double[groups.Count];
        for (var g = 0; g < groups.Count; g++)
            foreach (var n in groups[g]) { groupOf[n] = g; size[g] += nodeMembers[n].Count; }
        var links = new Dictionary<(int, int), double>();
        foreach (var (a, b, s) in edges)
        {
            var (ga, gb) = (groupOf[a], groupOf[b]);
            if (ga == gb) continue;
            var w = s * nodeMembers[a].Count * nodeMembers[b].Count;
            links[(ga, gb)] = links.GetValueOrDefault((ga, gb)) + w;
            links[(gb, ga)] = links.GetValueOrDefault((gb, ga)) + w;
        }
        var target = Enumerable.Range(0, groups.Count).ToArray();
        foreach (var ((from, to), sum) in links.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2))
        {
            if (size[from] > _o.FragmentSize || size[to] < _o.FragmentRatio * size[from]) continue;
            var avg = sum / (size[from] * size[to]);
            var current = target[from] == from ? 0 : links[(from, target[from])] / (size[from] * size[target[from]]);
            if (avg >= _o.AttachThreshold && avg > current) target[from] = to;
        }
        var result = new Dictionary<int, List<int>>();
        for (var g = 0; g < groups.Count; g++)
        {
            var root = target[g];
            if (!result.TryGetValue(root, out var list)) result[root] = list = [];
            list.AddRange(groups[g]);
        }
        return [.. result.Values];
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> postings, TKey key, int i) where TKey : notnull
    {
        if (!postings.TryGetValue(key, out var list)) postings[key] = list = [];
        list.Add(i);
    }

    /// <summary>Cosine of TF-IDF vectors, plus shared entities and shared passages, decayed by date distance.</summary>
    private double Similarity(Node a, Node b) => Combine(Cosine(a, b), Dice(a.EntityWeights, b.EntityWeights),
        SharedCount(a.Shingles, b.Shingles), SharedCount(a.Quotes, b.Quotes), a.Date, b.Date);

    private double Combine(double cosine, double entities, int passages, int quoted, LocalDate? da, LocalDate? db)
    {
        var s = cosine + _o.EntityWeight * entities + _o.PassageWeight * Math.Min(1.0, passages / (double)_o.PassageSaturation) +
                _o.QuoteWeight * Math.Min(1.0, quoted / (double)_o.QuoteSaturation);
        if (da is { } x && db is { } y)
        {
            var gap = Math.Abs(Period.Between(x, y, PeriodUnits.Days).Days);
            if (gap > _o.DateToleranceDays) s *= Math.Exp(-(gap - _o.DateToleranceDays) / _o.DateDecayDays);
        }
        return s;
    }

    private static double Cosine(Node a, Node b)
    {
        double dot = 0;
        int i = 0, j = 0;
        while (i < a.Terms.Length && j < b.Terms.Length)
        {
            var (x, y) = (a.Terms[i], b.Terms[j]);
            if (x == y) dot += a.Weights[i++] * b.Weights[j++];
            else if (x < y) i++;
            else j++;
        }
        return dot;
    }

    private static double Dice(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        double shared = 0;
        foreach (var (e, w) in a) if (b.ContainsKey(e)) shared += w;
        var total = a.Values.Sum() + b.Values.Sum();
        return total <= 0 ? 0 : 2 * shared / total;
    }

    private static int SharedCount<T>(HashSet<T> a, HashSet<T> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        var n = 0;
        foreach (var h in a) if (b.Contains(h)) n++;
        return n;
    }

    /// <summary>
    /// Average-linkage agglomeration on a sparse graph: missing pairs count as similarity 0, so merging two groups
    /// needs most of their member pairs to be similar (unlike single-link, which chains). Ties break on the lower
    /// node ids, which come from sorted document ids: the result does not depend on input order.
    /// </summary>
    private List<List<int>> AverageLinkage(int count, double[] size, List<(int A, int B, double Sim)> edges)
    {
        var links = new Dictionary<int, double>[count];
        for (var i = 0; i < count; i++) links[i] = [];
        foreach (var (a, b, s) in edges)
        {
            links[a][b] = links[a].GetValueOrDefault(b) + s * size[a] * size[b];
            links[b][a] = links[a][b];
        }
        var members = new List<int>?[count];
        for (var i = 0; i < count; i++) members[i] = [i];
        var version = new int[count];
        // Summed similarity inside each group (pairs weighted by copies), for its cohesion.
        var inside = new double[count];
        for (var i = 0; i < count; i++) inside[i] = size[i] * (size[i] - 1) / 2; // identical copies: similarity 1
        double Cohesion(int g) => size[g] < 2 ? double.NaN : inside[g] / (size[g] * (size[g] - 1) / 2);
        var queue = new PriorityQueue<(int A, int B, int VA, int VB), (double, int, int)>();
        void Push(int a, int b)
        {
            var (x, y) = a < b ? (a, b) : (b, a);
            var avg = links[x][y] / (size[x] * size[y]);
            if (avg < _o.Threshold) return;
            // Two groups that are each far tighter inside than to each other are two stories sharing a background
            // (the same leaders, the same war), not one story: they merge only when their link is a fair share of
            // their cohesion.
            var (cx, cy) = (Cohesion(x), Cohesion(y));
            if (!double.IsNaN(cx) && !double.IsNaN(cy) && avg < _o.CohesionRatio * Math.Sqrt(cx * cy)) return;
            queue.Enqueue((x, y, version[x], version[y]), (-avg, x, y));
        }
        for (var i = 0; i < count; i++) foreach (var j in links[i].Keys) if (j > i) Push(i, j);

        while (queue.TryDequeue(out var e, out _))
        {
            if (members[e.A] is null || members[e.B] is null || version[e.A] != e.VA || version[e.B] != e.VB) continue;
            // Merge B into A (A is the lower id, so the surviving id is deterministic).
            var (a, b) = (e.A, e.B);
            members[a]!.AddRange(members[b]!);
            members[b] = null;
            inside[a] += inside[b] + links[a][b];
            links[a].Remove(b);
            foreach (var (n, s) in links[b])
            {
                if (n == a) continue;
                links[a][n] = links[a].GetValueOrDefault(n) + s;
                links[n].Remove(b);
                links[n][a] = links[a][n];
            }
            links[b] = [];
            size[a] += size[b];
            version[a]++;
            foreach (var n in links[a].Keys) Push(a, n);
        }
        return [.. members.Where(m => m is not null).Select(m => m!)];
    }
}
