namespace Dossier.Language.Entities;

/// <summary>
/// Feature extraction and left-to-right beam-search BIO decoding, shared by <see cref="NerTrainer"/> and <see cref="NerModel"/>
/// so that training and tagging see exactly the same features.
/// Features are hashed into rows of <see cref="NerTags.Count"/> weights (one per tag): a feature costs one row look-up.
/// Decoding keeps, per document, the labels already given to each capitalised word ("prediction history"): a name
/// tagged PER early in a report is likely PER when it comes back alone. The document's first word (a wire story's
/// desk slug such as "SOCCER") is crossed with each word's shape, class and gazetteer marks.
/// </summary>
internal sealed class NerDecoder(Gazetteer gazetteer, IReadOnlySet<ulong> commonWords, WordClusters clusters, int bits, int beamWidth)
{
    public const int MaxStaticFeatures = 128;
    public const int MaxDynamicFeatures = 8;
    private const int Affixes = 4;
    private const ulong Outside = 0x9ae16a3b2f90404f;
    private const ulong BeforeStart = 0xc3a5c85c97cb3127;
    private const ulong AfterEnd = 0xb492b66fbe98f273;

    public int Bits { get; } = bits;

    /// <summary>Hypotheses kept per word by the beam search.</summary>
    public int BeamWidth { get; } = beamWidth;
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
        public readonly float[] StaticScores = new float[NerTags.Count];
        public int[] BeamTag = [], BeamBack = [];
        public float[] BeamScores = [], NextScores = [];
        public (float Score, int From, int Tag)[] Candidates = [];

        public void EnsureBeam(int n, int width)
        {
            if (BeamScores.Length != width)
            {
                BeamScores = new float[width];
                NextScores = new float[width];
                Candidates = new (float, int, int)[width * NerTags.Count];
                BeamTag = [];
                BeamBack = [];
            }
            if (BeamTag.Length >= n * width) return;
            BeamTag = new int[Math.Max(n, 64) * width];
            BeamBack = new int[Math.Max(n, 64) * width];
        }

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
        /// <summary>A word tagged wrong: its tag-independent rows move toward the gold tag and away from the predicted one.</summary>
        void Update(ReadOnlySpan<int> rows, int gold, int predicted);

        /// <summary>Adds <paramref name="delta"/> to one label's weights of the rows (half of a structured update).</summary>
        void Add(ReadOnlySpan<int> rows, int label, float delta);

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
            var tags = DecodeSentence(words.Length, weights, buffers, history, gold?[s], learner);
            for (var i = 0; i < tags.Length; i++) Remember(history, buffers, i, tags[i]);
            result[s] = tags;
        }
        return result;
    }

    /// <summary>
    /// Beam search over one sentence, left to right (the label history of the document is the one at the sentence
    /// start). Training is a structured perceptron with early update (Collins and Roark 2004): when the gold prefix
    /// falls out of the beam, that prefix is learned against the best hypothesis and decoding goes on from the gold
    /// prefix alone (LaSO, Daumé and Marcu 2005); a full sentence decoded wrong is learned against the gold one.
    /// </summary>
    private int[] DecodeSentence(int n, float[] weights, Buffers b, Dictionary<ulong, int[]> history, int[]? gold, ILearner? learner)
    {
        var width = BeamWidth;
        b.EnsureBeam(n, width);
        // Hypothesis r at word i: its tag BeamTag[i * width + r] and the hypothesis at word i - 1 it extends (BeamBack).
        var beamTag = b.BeamTag;
        var beamBack = b.BeamBack;
        var scores = b.BeamScores;
        var nextScores = b.NextScores;
        var candidates = b.Candidates;
        var staticScores = b.StaticScores;
        scores[0] = 0;
        var count = 1;
        var goldIndex = gold is null ? -1 : 0;
        for (var i = 0; i < n; i++)
        {
            Array.Clear(staticScores);
            AddRows(weights, b.Static.AsSpan(i * MaxStaticFeatures, b.StaticCount[i]), staticScores);
            var c = 0;
            for (var k = 0; k < count; k++)
            {
                var previous = i > 0 ? beamTag[(i - 1) * width + k] : NerTags.Count;
                var previous2 = i > 1 ? beamTag[(i - 2) * width + beamBack[(i - 1) * width + k]] : NerTags.Count;
                var dynamicCount = DynamicFeatures(b, i, previous, previous2, history);
                var local = b.Scores;
                staticScores.CopyTo(local, 0);
                AddRows(weights, b.Dynamic.AsSpan(0, dynamicCount), local);
                for (var t = 0; t < NerTags.Count; t++)
                {
                    if (NerTags.Allowed(i > 0 ? previous : 0, t)) candidates[c++] = (scores[k] + local[t], k, t);
                }
            }
            // The best `width` candidates, best first; ties keep the earlier candidate (deterministic).
            var kept = Math.Min(width, c);
            for (var r = 0; r < kept; r++)
            {
                var best = r;
                for (var j = r + 1; j < c; j++)
                {
                    if (candidates[j].Score > candidates[best].Score) best = j;
                }
                // move the best to rank r, the others keeping their order (ties stay deterministic)
                var moved = candidates[best];
                for (var j = best; j > r; j--) candidates[j] = candidates[j - 1];
                candidates[r] = moved;
            }
            var newGold = -1;
            for (var r = 0; r < kept; r++)
            {
                var (score, from, tag) = candidates[r];
                beamTag[i * width + r] = tag;
                beamBack[i * width + r] = from;
                nextScores[r] = score;
                if (from == goldIndex && gold is not null && tag == gold[i]) newGold = r;
            }
            (scores, nextScores) = (nextScores, scores);
            count = kept;
            if (learner is null || gold is null) continue;
            learner.Tick();
            if (newGold >= 0)
            {
                goldIndex = newGold;
                continue;
            }
            LearnSequence(b, history, gold, Backtrack(b, width, i + 1), i + 1, learner);
            // go on from the gold prefix alone
            for (var j = 0; j <= i; j++)
            {
                beamTag[j * width] = gold[j];
                beamBack[j * width] = 0;
            }
            scores[0] = 0;
            count = 1;
            goldIndex = 0;
        }
        var result = Backtrack(b, width, n);
        if (learner is not null && gold is not null && goldIndex != 0) LearnSequence(b, history, gold, result, n, learner);
        return result;
    }

    /// <summary>The tags of the best hypothesis over the first <paramref name="length"/> words.</summary>
    private static int[] Backtrack(Buffers b, int width, int length)
    {
        var tags = new int[length];
        var r = 0;
        for (var i = length - 1; i >= 0; i--)
        {
            tags[i] = b.BeamTag[i * width + r];
            r = b.BeamBack[i * width + r];
        }
        return tags;
    }

    /// <summary>A structured perceptron update: the first <paramref name="length"/> gold tags up, the predicted ones down.</summary>
    private void LearnSequence(Buffers b, Dictionary<ulong, int[]> history, int[] gold, int[] predicted, int length, ILearner learner)
    {
        Span<int> goldRows = stackalloc int[MaxDynamicFeatures];
        for (var i = 0; i < length; i++)
        {
            var g = gold[i];
            var p = predicted[i];
            var gp = i > 0 ? gold[i - 1] : NerTags.Count;
            var pp = i > 0 ? predicted[i - 1] : NerTags.Count;
            var gp2 = i > 1 ? gold[i - 2] : NerTags.Count;
            var pp2 = i > 1 ? predicted[i - 2] : NerTags.Count;
            if (g == p && gp == pp && gp2 == pp2) continue;
            if (g != p) learner.Update(b.Static.AsSpan(i * MaxStaticFeatures, b.StaticCount[i]), g, p);
            var goldCount = DynamicFeatures(b, i, gp, gp2, history);
            b.Dynamic.AsSpan(0, goldCount).CopyTo(goldRows);
            learner.Add(goldRows[..goldCount], g, 1);
            var predictedCount = DynamicFeatures(b, i, pp, pp2, history);
            learner.Add(b.Dynamic.AsSpan(0, predictedCount), p, -1);
        }
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
