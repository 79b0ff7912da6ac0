using System.Reflection;
using Dossier.Core.Model;
using Dossier.Language.Learning;

namespace Dossier.Attribution.Learned;

/// <summary>One attribution found by the tagger: its content, and the cue and source that go with it when found.</summary>
public sealed record TaggedAttribution(TextSpan Content, TextSpan? Cue, TextSpan? Source);

/// <summary>
/// A learned attribution tagger: an averaged perceptron labels each token of a sentence as part of an attribution's
/// source, cue or content (BIO, greedy left to right, previous labels as features), trained on PolNeAR by
/// <see cref="AttributionTrainer"/>. It finds what rules miss — reported speech without "that", attitudes ("wants",
/// "supports"), polls and reports as sources — and gives the source phrase as the annotators mark it.
/// The default model is committed under Resources/attribution/, or an <c>attribution/model.bin</c> file beside the
/// application when present (so <c>dossier train attribution</c> can replace it without rebuilding).
/// </summary>
public sealed class AttributionTagger
{
    private const string Magic = "DossierAttribution";
    /// <summary>4: the source ranker follows the tagger's weights.</summary>
    private const int FormatVersion = 4;
    internal const int DefaultBits = 19;

    private static readonly Lazy<AttributionTagger?> LazyDefault = new(LoadDefault);

    internal AttributionTagger(HashedPerceptron weights, IReadOnlySet<ulong> learnedCues, float contentBias = 0, SourceRanker? ranker = null)
    {
        Weights = weights;
        LearnedCues = learnedCues;
        ContentBias = contentBias;
        Ranker = ranker;
    }

    /// <summary>Chooses the source of each attribution among the phrases around it; null before the trainer has learned one.</summary>
    internal SourceRanker? Ranker { get; }

    /// <summary>Words (lower-cased hashes) that the training data often uses as cues; see <see cref="AttributionSentence.From"/>.</summary>
    internal IReadOnlySet<ulong> LearnedCues { get; }

    internal HashedPerceptron Weights { get; }

    /// <summary>
    /// Added to the score of opening a content span. A perceptron trained on a corpus where most sentences report no
    /// speech leans toward "outside"; the trainer picks this bias on held-out articles to balance precision and recall.
    /// </summary>
    internal float ContentBias { get; }

    /// <summary>The committed model, or null when the assembly was built without one.</summary>
    public static AttributionTagger? Default => LazyDefault.Value;

    /// <summary>The attributions of a prepared document (sentences, tokens and entities layers), left to right.</summary>
    public IReadOnlyList<TaggedAttribution> Find(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = new List<TaggedAttribution>();
        var features = new AttributionFeatures(Weights.Mask);
        foreach (var sentence in AttributionSentence.From(document, LearnedCues))
        {
            var labels = Decode(sentence, features, null, null);
            result.AddRange(Group(sentence, labels));
        }
        return result;
    }

    /// <summary>
    /// Labels a sentence greedily. When <paramref name="gold"/> and <paramref name="learner"/> are given (training),
    /// each wrong label updates the weights and decoding continues from the gold label.
    /// </summary>
    internal int[] Decode(AttributionSentence sentence, AttributionFeatures features, int[]? gold, AveragedPerceptron? learner)
    {
        var labels = new int[sentence.Length];
        Span<float> scores = stackalloc float[Roles.Count];
        var seen = 0;
        for (var i = 0; i < sentence.Length; i++)
        {
            var previous = i > 0 ? labels[i - 1] : -1;
            var before = i > 1 ? labels[i - 2] : -1;
            if (previous > 0) seen |= 1 << ((previous - 1) / 2);
            var rows = features.For(sentence, i, previous, before, seen);
            scores.Clear();
            Weights.Score(rows, scores);
            if (gold is null) scores[Roles.ContentBegin] += ContentBias;
            var best = Roles.Outside;
            for (var t = 0; t < Roles.Count; t++)
            {
                if (Roles.Allowed(previous, t) && scores[t] > scores[best]) best = t;
            }
            if (gold is not null && learner is not null)
            {
                if (best != gold[i]) learner.Update(rows, gold[i], best);
                learner.Tick();
                best = gold[i];
            }
            labels[i] = best;
        }
        return labels;
    }

    /// <summary>With another content bias (the trainer's tuning).</summary>
    internal AttributionTagger WithContentBias(float bias) => new(Weights, LearnedCues, bias, Ranker);

    /// <summary>With a source ranker (the trainer's last step).</summary>
    internal AttributionTagger WithRanker(SourceRanker? ranker) => new(Weights, LearnedCues, ContentBias, ranker);

    /// <summary>Turns labels into spans and pairs each content with the nearest cue and the source nearest that cue.</summary>
    internal static IEnumerable<TaggedAttribution> Group(AttributionSentence sentence, int[] labels)
    {
        var contents = Spans(sentence, labels, Roles.ContentBegin);
        if (contents.Count == 0) yield break;
        var cues = Spans(sentence, labels, Roles.CueBegin);
        var sources = Spans(sentence, labels, Roles.SourceBegin);
        foreach (var content in contents)
        {
            TextSpan? cue = cues.Count == 0 ? null : cues.MinBy(c => Gap(c, content));
            var anchor = cue ?? content;
            TextSpan? source = sources.Count == 0 ? null : sources.MinBy(s => Gap(s, anchor));
            yield return new TaggedAttribution(content, cue, source);
        }
    }

    private static int Gap(TextSpan a, TextSpan b) => a.End <= b.Start ? b.Start - a.End : a.Start >= b.End ? a.Start - b.End : 0;

    private static List<TextSpan> Spans(AttributionSentence sentence, int[] labels, int begin)
    {
        var spans = new List<TextSpan>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] != begin && labels[i] != begin + 1) continue;
            var start = i;
            while (i + 1 < labels.Length && labels[i + 1] == begin + 1) i++;
            spans.Add(new TextSpan(sentence.Tokens[start].Start, sentence.Tokens[i].End));
        }
        return spans;
    }

    public void Save(Stream stream)
    {
        ModelFile.Write(stream, Magic, FormatVersion, writer =>
        {
            writer.Write(ContentBias);
            writer.Write(LearnedCues.Count);
            foreach (var cue in LearnedCues.Order()) writer.Write(cue);
            Weights.Write(writer);
            writer.Write(Ranker is not null);
            Ranker?.Write(writer);
        });
    }

    /// <exception cref="InvalidDataException">The stream is not an attribution model.</exception>
    public static AttributionTagger Load(Stream stream)
    {
        var (bias, cues, tables) = ModelFile.Read(stream, Magic, FormatVersion, "attribution", reader =>
        {
            var bias = reader.ReadSingle();
            var count = reader.ReadInt32();
            if (count is < 0 or > 1_000_000) throw new InvalidDataException("attribution model cue list size out of range");
            var cues = new HashSet<ulong>(count);
            for (var i = 0; i < count; i++) cues.Add(reader.ReadUInt64());
            var weights = HashedPerceptron.Read(reader);
            var ranker = reader.ReadBoolean() ? SourceRanker.Read(reader) : null;
            return (bias, cues, (weights, ranker));
        });
        var (weights, ranker) = tables;
        if (weights.Labels != Roles.Count) throw new InvalidDataException($"attribution model has {weights.Labels} labels, expected {Roles.Count}");
        if (!float.IsFinite(bias)) throw new InvalidDataException("attribution model bias is not a number");
        return new AttributionTagger(weights, cues, bias, ranker);
    }

    private static AttributionTagger? LoadDefault()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "attribution", "model.bin");
        if (File.Exists(beside))
        {
            using var file = File.OpenRead(beside);
            return Load(file);
        }
        var assembly = typeof(AttributionTagger).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.Replace('/', '.').Replace('\\', '.') == "Dossier.attribution.model.bin");
        if (name is null) return null;
        using var stream = assembly.GetManifestResourceStream(name)!;
        return Load(stream);
    }
}

/// <summary>
/// The feature rows of one token: the word and its neighbours, shape, suffix, entity tags, quotation state, the
/// nearest speech cues on each side (lemma, distance, commas in between) and the previous labels.
/// </summary>
internal sealed class AttributionFeatures(int mask)
{
    private readonly int[] _rows = new int[48];
    private AttributionSentence? _sentence;
    private int[] _previousCue = [];
    private int[] _nextCue = [];

    /// <param name="seen">The roles already found earlier in the sentence: bit 0 source, bit 1 cue, bit 2 content.</param>
    public ReadOnlySpan<int> For(AttributionSentence s, int i, int previous, int before, int seen)
    {
        if (!ReferenceEquals(s, _sentence)) Prepare(s);
        var n = 0;
        ulong W(int k) => k < 0 ? 1 : k >= s.Length ? 2 : s.Words[k];
        _rows[n++] = FeatureHash.Row(0, 0, 0, mask);
        _rows[n++] = FeatureHash.Row(1, W(i), 0, mask);
        _rows[n++] = FeatureHash.Row(2, W(i - 1), 0, mask);
        _rows[n++] = FeatureHash.Row(3, W(i + 1), 0, mask);
        _rows[n++] = FeatureHash.Row(4, W(i - 2), 0, mask);
        _rows[n++] = FeatureHash.Row(5, W(i + 2), 0, mask);
        _rows[n++] = FeatureHash.Row(6, W(i - 1), W(i), mask);
        _rows[n++] = FeatureHash.Row(7, W(i), W(i + 1), mask);
        _rows[n++] = FeatureHash.Row(8, s.Shapes[i], 0, mask);
        _rows[n++] = FeatureHash.Row(9, s.Suffixes[i], 0, mask);
        _rows[n++] = FeatureHash.Row(10, s.Entities[i], 0, mask);
        _rows[n++] = FeatureHash.Row(11, i > 0 ? s.Entities[i - 1] : 1, i + 1 < s.Length ? s.Entities[i + 1] : 1, mask);
        var quote = (s.InQuote[i] ? 1UL : 0UL) | (s.IsQuoteMark[i] ? 2UL : 0UL) | (s.HasQuoteMarks ? 4UL : 0UL);
        _rows[n++] = FeatureHash.Row(12, quote, 0, mask);
        _rows[n++] = FeatureHash.Row(13, s.Cues[i], 0, mask);
        _rows[n++] = FeatureHash.Row(14, (ulong)Math.Min(i, 4), 0, mask);
        _rows[n++] = FeatureHash.Row(15, (ulong)Math.Min(s.Length - 1 - i, 4), 0, mask);

        var left = _previousCue[i];
        var right = _nextCue[i];
        var leftBucket = left < 0 ? 99UL : Bucket(i - left);
        var rightBucket = right < 0 ? 99UL : Bucket(right - i);
        var leftCommas = left < 0 ? 9UL : (ulong)Math.Min(s.CommasBefore[i] - s.CommasBefore[left], 2);
        var rightCommas = right < 0 ? 9UL : (ulong)Math.Min(s.CommasBefore[right] - s.CommasBefore[i], 2);
        _rows[n++] = FeatureHash.Row(16, leftBucket, rightBucket, mask);
        _rows[n++] = FeatureHash.Row(17, left < 0 ? 0 : s.Cues[left], leftBucket, mask);
        _rows[n++] = FeatureHash.Row(18, right < 0 ? 0 : s.Cues[right], rightBucket, mask);
        _rows[n++] = FeatureHash.Row(19, leftCommas, rightCommas, mask);
        _rows[n++] = FeatureHash.Row(20, leftBucket, quote, mask);
        _rows[n++] = FeatureHash.Row(21, rightBucket, s.Entities[i], mask);
        _rows[n++] = FeatureHash.Row(22, left < 0 ? 0 : W(left + 1), W(i), mask);
        _rows[n++] = FeatureHash.Row(23, right < 0 ? 0 : W(right), s.Shapes[i], mask);

        var p = (ulong)(previous + 2);
        _rows[n++] = FeatureHash.Row(30, p, 0, mask);
        _rows[n++] = FeatureHash.Row(31, p, (ulong)(before + 2), mask);
        _rows[n++] = FeatureHash.Row(32, p, W(i), mask);
        _rows[n++] = FeatureHash.Row(33, p, leftBucket, mask);
        _rows[n++] = FeatureHash.Row(34, p, rightBucket, mask);
        _rows[n++] = FeatureHash.Row(35, p, quote, mask);
        _rows[n++] = FeatureHash.Row(36, (ulong)seen, p, mask);
        _rows[n++] = FeatureHash.Row(37, (ulong)seen, leftBucket, mask);
        _rows[n++] = FeatureHash.Row(38, (ulong)seen, rightBucket, mask);
        _rows[n++] = FeatureHash.Row(39, (ulong)seen, W(i), mask);
        return _rows.AsSpan(0, n);
    }

    private static ulong Bucket(int distance) => distance switch
    {
        <= 3 => (ulong)distance,
        <= 5 => 4,
        <= 8 => 5,
        <= 12 => 6,
        <= 20 => 7,
        _ => 8,
    };

    private void Prepare(AttributionSentence s)
    {
        _sentence = s;
        _previousCue = new int[s.Length];
        _nextCue = new int[s.Length];
        var last = -1;
        for (var i = 0; i < s.Length; i++)
        {
            if (s.Cues[i] != 0) last = i;
            _previousCue[i] = last;
        }
        last = -1;
        for (var i = s.Length - 1; i >= 0; i--)
        {
            if (s.Cues[i] != 0) last = i;
            _nextCue[i] = last;
        }
    }
}
