namespace Dossier.Language.Entities;

/// <summary>
/// Feature extraction and greedy left-to-right BIO decoding, shared by <see cref="NerTrainer"/> and <see cref="NerModel"/>
/// so that training and tagging see exactly the same features.
/// Features are hashed into rows of <see cref="NerTags.Count"/> weights (one per tag): a feature costs one row look-up.
/// Decoding keeps, per document, the labels already given to each capitalised word ("prediction history"): a name
/// tagged PER early in a report is likely PER when it comes back alone. The document's first word (a wire story's
/// desk slug such as "SOCCER") is crossed with each word's shape, class and gazetteer marks.
/// </summary>
internal sealed class NerDecoder(Gazetteer gazetteer, IReadOnlySet<ulong> commonWords, WordClusters clusters, int bits)
{
    public const int MaxStaticFeatures = 128;
    public const int MaxDynamicFeatures = 8;
    private const int Affixes = 4;
    private const ulong Outside = 0x9ae16a3b2f90404f;
    private const ulong BeforeStart = 0xc3a5c85c97cb3127;
    private const ulong AfterEnd = 0xb492b66fbe98f273;

    public int Bits { get; } = bits;
    public int Rows => 1 << Bits;
    public Gazetteer Gazetteer { get; } = gazetteer;

    /// <summary>Hashes of words the training text writes in lower case: a capitalised one is then probably a sentence opener or headline word.</summary>
    public IReadOnlySet<ulong> CommonWords { get; } = commonWords;

    public WordClusters Clusters { get; } = clusters;

    private enum T : ulong
    {
        Bias = 1, Word, Lower, Shape, Prefix, Suffix = Prefix + Affixes, LowerPrev = Suffix + Affixes, LowerNext, LowerPrev2, LowerNext2,
        ShapePrev, ShapeNext, ShapePrev2, ShapeNext2, BigramPrev, BigramNext, ShapeBigramPrev, ShapeBigramNext, ShapeTrigram,
        ShapeLowerPrev, ShapeLowerNext, First, FirstLower, CapsLower, CapsShape, Gaz, GazPrev, GazNext, GazShape,
        PrevTag, PrevTags, PrevTagLower, PrevTagShape, History, HistoryShape, Length, Common, CommonPrev, CommonNext, DocCasing, DocCasingShape, ClusterFine, ClusterCoarse, ClusterWindow,
        RunFirst, RunLast, RunShape, ClusterPrev, ClusterNext, ClusterShape, TopicShape, TopicGaz, TopicCluster,
    }

    /// <summary>Per-sentence buffers, reused across sentences by one caller (not thread-safe, cheap to create).</summary>
    internal sealed class Buffers
    {
        public int Count;
        public ulong[] Word = [], Lower = [], Shape = [];
        public ulong[] Prefix = [], Suffix = [];
        public bool[] Capitalised = [];
        public int[] Fine = [], Coarse = [];
        public int[] RunStart = [], RunEnd = [];
        public ushort[] Gaz = [];
        public int[] Static = [];
        public int[] StaticCount = [];
        public readonly int[] Dynamic = new int[MaxDynamicFeatures];
        public readonly float[] Scores = new float[NerTags.Count];

        public void Ensure(int n)
        {
            Count = n;
            if (Word.Length >= n) return;
            var size = Math.Max(n, Word.Length * 2);
            Word = new ulong[size];
            Lower = new ulong[size];
            Shape = new ulong[size];
            Prefix = new ulong[size * Affixes];
            Suffix = new ulong[size * Affixes];
            Capitalised = new bool[size];
            Fine = new int[size];
            Coarse = new int[size];
            RunStart = new int[size];
            RunEnd = new int[size];
            Gaz = new ushort[size];
            Static = new int[size * MaxStaticFeatures];
            StaticCount = new int[size];
        }
    }

    /// <summary>What training does with each decoded token.</summary>
    public interface ILearner
    {
        /// <summary>A mistake: the token's feature rows, the gold tag and the predicted tag.</summary>
        void Update(ReadOnlySpan<int> staticRows, ReadOnlySpan<int> dynamicRows, int gold, int predicted);

        /// <summary>One token decoded (the clock of weight averaging).</summary>
        void Tick();
    }

    private int Row(T template, ulong value) => (int)(NerText.Mix(value, (ulong)template * 0x9E3779B97F4A7C15) >> (64 - Bits));

    /// <summary>Tags one document's sentences; with <paramref name="gold"/> and <paramref name="learner"/> it also trains.</summary>
    public int[][] Decode(IReadOnlyList<string[]> sentences, float[] weights, Buffers buffers, int[][]? gold = null, ILearner? learner = null)
    {
        var history = new Dictionary<ulong, int[]>();
        var casing = DocumentCasing(sentences);
        var topic = sentences.Count > 0 && sentences[0].Length > 0 ? NerText.Hash(NerText.Lower(NerText.Normalize(sentences[0][0]))) : 0UL;
        var result = new int[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            var words = sentences[s];
            Prepare(words, buffers, casing, topic);
            var tags = new int[words.Length];
            for (var i = 0; i < words.Length; i++)
            {
                var staticRows = buffers.Static.AsSpan(i * MaxStaticFeatures, buffers.StaticCount[i]);
                var previous = i > 0 ? tags[i - 1] : NerTags.Count;
                var previous2 = i > 1 ? tags[i - 2] : NerTags.Count;
                var dynamicCount = DynamicFeatures(buffers, i, previous, previous2, history);
                var dynamicRows = buffers.Dynamic.AsSpan(0, dynamicCount);

                var scores = buffers.Scores;
                Array.Clear(scores);
                AddRows(weights, staticRows, scores);
                AddRows(weights, dynamicRows, scores);
                var best = -1;
                for (var t = 0; t < NerTags.Count; t++)
                {
                    if (NerTags.Allowed(i > 0 ? previous : 0, t) && (best < 0 || scores[t] > scores[best])) best = t;
                }
                if (gold is not null && learner is not null)
                {
                    // After a wrong previous tag, "I-X" cannot be predicted; learning it there would only inflate I-X
                    // weights that then leak into every later entity. The reachable truth is "B-X".
                    var target = gold[s][i];
                    if (!NerTags.Allowed(i > 0 ? previous : 0, target)) target = NerTags.Begin(NerTags.TypeOf(target));
                    if (best != target) learner.Update(staticRows, dynamicRows, target, best);
                    learner.Tick();
                }
                tags[i] = best;
                Remember(history, buffers, i, best);
            }
            result[s] = tags;
        }
        return result;
    }

    private static void AddRows(float[] weights, ReadOnlySpan<int> rows, float[] scores)
    {
        foreach (var row in rows)
        {
            var w = weights.AsSpan(row * NerTags.Count, NerTags.Count);
            for (var t = 0; t < w.Length; t++) scores[t] += w[t];
        }
    }

    private static void Remember(Dictionary<ulong, int[]> history, Buffers b, int i, int tag)
    {
        if (!b.Capitalised[i]) return;
        if (!history.TryGetValue(b.Lower[i], out var counts)) history[b.Lower[i]] = counts = new int[NerTags.Types.Length + 1];
        counts[NerTags.TypeOf(tag) + 1]++;
    }

    private int DynamicFeatures(Buffers b, int i, int previous, int previous2, Dictionary<ulong, int[]> history)
    {
        var d = b.Dynamic;
        var n = 0;
        d[n++] = Row(T.PrevTag, (ulong)previous);
        d[n++] = Row(T.PrevTags, (ulong)(previous * 16 + previous2));
        d[n++] = Row(T.PrevTagLower, NerText.Mix((ulong)previous, b.Lower[i]));
        d[n++] = Row(T.PrevTagShape, NerText.Mix((ulong)previous, b.Shape[i]));
        if (b.Capitalised[i] && history.TryGetValue(b.Lower[i], out var counts))
        {
            var majority = 0;
            for (var k = 1; k < counts.Length; k++)
            {
                if (counts[k] > counts[majority]) majority = k;
            }
            d[n++] = Row(T.History, (ulong)majority);
            d[n++] = Row(T.HistoryShape, NerText.Mix((ulong)majority, b.Shape[i]));
        }
        return n;
    }

    /// <summary>Computes each token's hashes and its static (tag-independent) feature rows.</summary>
    private void Prepare(string[] words, Buffers b, Dictionary<ulong, Casing> casing, ulong topic)
    {
        var n = words.Length;
        b.Ensure(n);
        var letters = 0;
        var upperWords = 0;
        for (var i = 0; i < n; i++)
        {
            var word = NerText.Normalize(words[i]);
            var lower = NerText.Lower(word);
            b.Word[i] = NerText.Hash(word);
            b.Lower[i] = NerText.Hash(lower);
            b.Shape[i] = NerText.ShapeHash(word);
            NerText.PrefixHashes(lower, b.Prefix.AsSpan(i * Affixes, Affixes));
            NerText.SuffixHashes(lower, b.Suffix.AsSpan(i * Affixes, Affixes));
            b.Capitalised[i] = word.Length > 0 && char.IsUpper(word[0]);
            (b.Fine[i], b.Coarse[i]) = Clusters.Lookup(b.Word[i]);
            if (HasLetter(word))
            {
                letters++;
                if (!HasLower(word)) upperWords++;
            }
        }
        Gazetteer.Mark(b.Lower.AsSpan(0, n), b.Capitalised.AsSpan(0, n), b.Gaz.AsSpan(0, n));
        var allCaps = IsAllCaps(letters, upperWords);
        MarkRuns(words, b, allCaps);

        for (var i = 0; i < n; i++)
        {
            var rows = b.Static.AsSpan(i * MaxStaticFeatures, MaxStaticFeatures);
            var k = 0;
            var lower = b.Lower[i];
            var shape = b.Shape[i];
            var lowerPrev = i > 0 ? b.Lower[i - 1] : BeforeStart;
            var lowerNext = i + 1 < n ? b.Lower[i + 1] : AfterEnd;
            var shapePrev = i > 0 ? b.Shape[i - 1] : BeforeStart;
            var shapeNext = i + 1 < n ? b.Shape[i + 1] : AfterEnd;
            rows[k++] = Row(T.Bias, 0);
            rows[k++] = Row(T.Word, b.Word[i]);
            rows[k++] = Row(T.Lower, lower);
            rows[k++] = Row(T.Shape, shape);
            rows[k++] = Row(T.Length, (ulong)Math.Min(words[i].Length, 12));
            for (var a = 0; a < Affixes; a++)
            {
                var prefix = b.Prefix[i * Affixes + a];
                if (prefix == 0) break;
                rows[k++] = Row(T.Prefix + (ulong)a, prefix);
                rows[k++] = Row(T.Suffix + (ulong)a, b.Suffix[i * Affixes + a]);
            }
            rows[k++] = Row(T.LowerPrev, lowerPrev);
            rows[k++] = Row(T.LowerNext, lowerNext);
            rows[k++] = Row(T.LowerPrev2, i > 1 ? b.Lower[i - 2] : i > 0 ? BeforeStart : Outside);
            rows[k++] = Row(T.LowerNext2, i + 2 < n ? b.Lower[i + 2] : i + 1 < n ? AfterEnd : Outside);
            rows[k++] = Row(T.ShapePrev, shapePrev);
            rows[k++] = Row(T.ShapeNext, shapeNext);
            rows[k++] = Row(T.ShapePrev2, i > 1 ? b.Shape[i - 2] : i > 0 ? BeforeStart : Outside);
            rows[k++] = Row(T.ShapeNext2, i + 2 < n ? b.Shape[i + 2] : i + 1 < n ? AfterEnd : Outside);
            rows[k++] = Row(T.BigramPrev, NerText.Mix(lowerPrev, lower));
            rows[k++] = Row(T.BigramNext, NerText.Mix(lower, lowerNext));
            rows[k++] = Row(T.ShapeBigramPrev, NerText.Mix(shapePrev, shape));
            rows[k++] = Row(T.ShapeBigramNext, NerText.Mix(shape, shapeNext));
            rows[k++] = Row(T.ShapeTrigram, NerText.Mix(NerText.Mix(shapePrev, shape), shapeNext));
            rows[k++] = Row(T.ShapeLowerPrev, NerText.Mix(shape, lowerPrev));
            rows[k++] = Row(T.ShapeLowerNext, NerText.Mix(shape, lowerNext));
            if (Clusters.Count > 0)
            {
                var coarsePrev = i > 0 ? b.Coarse[i - 1] : -1;
                var coarseNext = i + 1 < n ? b.Coarse[i + 1] : -1;
                rows[k++] = Row(T.ClusterFine, (ulong)b.Fine[i]);
                rows[k++] = Row(T.ClusterCoarse, (ulong)b.Coarse[i]);
                rows[k++] = Row(T.ClusterWindow, NerText.Mix(NerText.Mix((ulong)coarsePrev, (ulong)b.Coarse[i]), (ulong)coarseNext));
                rows[k++] = Row(T.ClusterPrev, (ulong)(i > 0 ? b.Fine[i - 1] : -1));
                rows[k++] = Row(T.ClusterNext, (ulong)(i + 1 < n ? b.Fine[i + 1] : -1));
                rows[k++] = Row(T.ClusterShape, NerText.Mix((ulong)b.Fine[i], shape));
            }
            if (i == 0)
            {
                rows[k++] = Row(T.First, shape);
                rows[k++] = Row(T.FirstLower, lower);
            }
            if (allCaps)
            {
                rows[k++] = Row(T.CapsLower, lower);
                rows[k++] = Row(T.CapsShape, shape);
            }
            if (b.Capitalised[i] || allCaps)
            {
                var position = (ulong)(i == 0 ? 1 : allCaps ? 2 : 0);
                if (CommonWords.Contains(lower)) rows[k++] = Row(T.Common, position);
                if (i > 0 && b.Capitalised[i - 1] && CommonWords.Contains(b.Lower[i - 1])) rows[k++] = Row(T.CommonPrev, position);
                if (i + 1 < n && b.Capitalised[i + 1] && CommonWords.Contains(b.Lower[i + 1])) rows[k++] = Row(T.CommonNext, position);
            }
            if (casing.TryGetValue(lower, out var seen))
            {
                // How the same word is written elsewhere in the document, its own occurrence left out: a capitalised
                // word that also appears in lower case is a common word; one capitalised mid-sentence is a name,
                // which is what decides all-caps headlines and sentence openers.
                var self = OwnCasing(words[i], i, allCaps);
                var elsewhereLower = seen.Lower - self.Lower > 0;
                var elsewhereName = seen.CapitalisedMid - self.CapitalisedMid > 0;
                var position = i == 0 ? 1UL : allCaps ? 2UL : b.Capitalised[i] ? 3UL : 0UL;
                var value = (elsewhereLower ? 1UL : 0) | (elsewhereName ? 2UL : 0) | position << 2;
                rows[k++] = Row(T.DocCasing, value);
                rows[k++] = Row(T.DocCasingShape, NerText.Mix(value, shape));
            }
            if (b.RunEnd[i] > 0)
            {
                // The name this word is part of, read as a whole: its first and last words ("... Industries Inc",
                // "Greater ... Open") and where the word sits in it.
                var runStart = b.RunStart[i];
                var runEnd = b.RunEnd[i];
                var place = (ulong)(runEnd - runStart == 1 ? 0 : i == runStart ? 1 : i == runEnd - 1 ? 2 : 3);
                rows[k++] = Row(T.RunFirst, NerText.Mix(b.Lower[runStart], place));
                rows[k++] = Row(T.RunLast, NerText.Mix(b.Lower[runEnd - 1], place));
                rows[k++] = Row(T.RunShape, NerText.Mix((ulong)Math.Min(runEnd - runStart, 6), NerText.Mix(place, shape)));
            }
            if (topic != 0)
            {
                // The document's first word, which in wire copy is the desk slug ("SOCCER -", "CRICKET -"): in a
                // sports report a city name is a team (ORG), elsewhere a place.
                rows[k++] = Row(T.TopicShape, NerText.Mix(topic, shape));
                rows[k++] = Row(T.TopicCluster, NerText.Mix(topic, (ulong)b.Coarse[i]));
                rows[k++] = Row(T.TopicGaz, NerText.Mix(topic, b.Gaz[i]));
            }
            k = AddGazetteer(rows, k, T.Gaz, b.Gaz[i], shape, true);
            if (i > 0) k = AddGazetteer(rows, k, T.GazPrev, b.Gaz[i - 1], shape, false);
            if (i + 1 < n) k = AddGazetteer(rows, k, T.GazNext, b.Gaz[i + 1], shape, false);
            b.StaticCount[i] = k;
        }
    }

    /// <summary>Words that may join the capitalised words of one name ("Bank of America", "Procter &amp; Gamble").</summary>
    private static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal) { "of", "&", "de", "der", "van", "von", "la", "del", "and", "for", "'s" };

    /// <summary>
    /// Runs of capitalised words (joined by a connector when a capitalised word follows it): for each word of a run,
    /// its start and end; zero elsewhere. In an all-caps line every word is capitalised, so runs say nothing there.
    /// </summary>
    private static void MarkRuns(string[] words, Buffers b, bool allCaps)
    {
        var n = b.Count;
        Array.Clear(b.RunStart, 0, n);
        Array.Clear(b.RunEnd, 0, n);
        if (allCaps) return;
        var i = 0;
        while (i < n)
        {
            if (!b.Capitalised[i] || !HasLetter(words[i])) { i++; continue; }
            var end = i + 1;
            while (end < n)
            {
                if (b.Capitalised[end] && HasLetter(words[end])) end++;
                else if (end + 1 < n && NameConnectors.Contains(words[end]) && b.Capitalised[end + 1] && HasLetter(words[end + 1])) end += 2;
                else break;
            }
            for (var k = i; k < end; k++)
            {
                b.RunStart[k] = i;
                b.RunEnd[k] = end;
            }
            i = end;
        }
    }

    /// <summary>How often each word (by lower-case hash) is written in lower case, and capitalised inside a mixed-case sentence.</summary>
    internal readonly record struct Casing(int Lower, int CapitalisedMid);

    private static bool IsAllCaps(int wordsWithLetters, int upperWords) => wordsWithLetters >= 2 && upperWords == wordsWithLetters;

    private static Casing OwnCasing(string word, int position, bool allCaps)
    {
        if (word.Length == 0 || !char.IsLetter(word[0])) return default;
        if (char.IsLower(word[0])) return new Casing(1, 0);
        return position > 0 && !allCaps ? new Casing(0, 1) : default;
    }

    private static Dictionary<ulong, Casing> DocumentCasing(IReadOnlyList<string[]> sentences)
    {
        var casing = new Dictionary<ulong, Casing>();
        foreach (var words in sentences)
        {
            var letters = 0;
            var upperWords = 0;
            foreach (var word in words)
            {
                if (!HasLetter(word)) continue;
                letters++;
                if (!HasLower(word)) upperWords++;
            }
            var allCaps = IsAllCaps(letters, upperWords);
            for (var i = 0; i < words.Length; i++)
            {
                var own = OwnCasing(words[i], i, allCaps);
                var key = NerText.Hash(NerText.Lower(NerText.Normalize(words[i])));
                var seen = casing.GetValueOrDefault(key);
                casing[key] = new Casing(seen.Lower + own.Lower, seen.CapitalisedMid + own.CapitalisedMid);
            }
        }
        return casing;
    }

    private int AddGazetteer(Span<int> rows, int k, T template, ushort marks, ulong shape, bool withShape)
    {
        for (var bit = 0; bit < 16 && marks != 0; bit++)
        {
            if ((marks & (1 << bit)) == 0) continue;
            rows[k++] = Row(template, (ulong)bit);
            if (withShape) rows[k++] = Row(T.GazShape, NerText.Mix((ulong)bit, shape));
        }
        return k;
    }

    private static bool HasLetter(string word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c)) return true;
        }
        return false;
    }

    private static bool HasLower(string word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c)) return true;
        }
        return false;
    }
}
