using Dossier.Attribution.Quotes;
using Dossier.Attribution.Speakers;
using Dossier.Core.Model;
using Dossier.Language.Learning;

namespace Dossier.Attribution.Learned;

/// <summary>
/// What is known about one attribution when its source is chosen: the content, its kind, the cue (when found), the
/// source phrase the tagger paired with it, the rules' choice, and the speaker of the nearest attributed quotation before
/// it (a paragraph that carries on a quotation usually carries on its speaker).
/// </summary>
internal sealed record SourceQuery(TextSpan Content, QuoteKind Kind, TextSpan? Cue, TextSpan? TaggedSource, SpeakerCandidate? RuleChoice,
    string? PreviousSpeaker);

/// <summary>
/// The candidates of one attribution and the feature rows of each, as the ranker scores them; <paramref name="Current"/>
/// is the index of the candidate the tagger and rules chose without the ranker (-1 when none of them).
/// </summary>
internal sealed record SourceChoice(TextSpan Content, IReadOnlyList<SpeakerCandidate> Candidates, int[][] Features, int Current);

/// <summary>
/// A learned source ranker: for one attribution, every phrase nearby that could be its source (names, pronouns,
/// descriptions, unnamed sources, the tagger's source phrases, the rules' choice) is scored by a linear model over
/// hashed features — side of and distance to the cue, same sentence, commas and quotation marks in between, the words
/// around the phrase, its kind, whether the tagger or the rules chose it, whether it names the previous quotation's
/// speaker — and the best one wins. Trained on PolNeAR train by <see cref="AttributionTrainer"/> (an averaged ranking
/// perceptron); stored in the attribution model file.
/// </summary>
internal sealed class SourceRanker
{
    internal const int DefaultBits = 18;

    /// <summary>Sentences before and after the cue's sentence where a source may stand.</summary>
    private const int SentencesBefore = 2, SentencesAfter = 1;

    private readonly float[] _weights;

    public SourceRanker(int bits, float[] weights)
    {
        if (bits is < 8 or > 24) throw new ArgumentOutOfRangeException(nameof(bits));
        if (weights.Length != 1 << bits) throw new ArgumentException("weight table size does not match bits", nameof(weights));
        Bits = bits;
        _weights = weights;
    }

    public int Bits { get; }
    public int Mask => (1 << Bits) - 1;

    public float Score(ReadOnlySpan<int> rows)
    {
        var sum = 0f;
        foreach (var row in rows) sum += _weights[row];
        return sum;
    }

    /// <summary>The index of the best-scored candidate (the first on a tie).</summary>
    public int Best(int[][] features)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var i = 0; i < features.Length; i++)
        {
            var s = Score(features[i]);
            if (s > bestScore) (best, bestScore) = (i, s);
        }
        return best;
    }

    /// <summary>At most this many candidates, the nearest to the cue, are scored (junk text can hold thousands).</summary>
    private const int MaxCandidates = 40;

    /// <summary>
    /// The phrases that could be the source of <paramref name="query"/>: candidates of the cue's sentence, the two
    /// before it and the one after (outside quotations, the content and the cue), the tagger's source phrases there,
    /// and the rules' choice; one per span, left to right. Also gives the tagger's source phrases of that window.
    /// </summary>
    /// <param name="taggedSources">The tagger's source phrases of the document, in order.</param>
    public static (List<SpeakerCandidate> Candidates, List<TextSpan> Tagged) Candidates(DocumentView view, SourceQuery query,
        TextSpan[] taggedSources)
    {
        var anchor = query.Cue ?? query.Content;
        var first = Math.Max(0, view.SentenceIndexAt(Math.Min(anchor.Start, query.Content.Start)) - SentencesBefore);
        var last = Math.Min(view.Sentences.Count - 1, view.SentenceIndexAt(Math.Max(anchor.Start, query.Content.Start)) + SentencesAfter);
        var window = new TextSpan(Math.Min(view.Sentences[first].Start, anchor.Start), Math.Max(view.Sentences[last].End, anchor.End));
        var tagged = new List<TextSpan>();
        for (var k = Array.BinarySearch(taggedSources, new TextSpan(window.Start, window.Start)) is var b && b < 0 ? ~b : b;
             k < taggedSources.Length && taggedSources[k].Start < window.End; k++)
        {
            if (window.Contains(taggedSources[k])) tagged.Add(taggedSources[k]);
        }
        var result = new List<SpeakerCandidate>();
        var spans = new HashSet<TextSpan>();
        void Add(SpeakerCandidate c)
        {
            if (c.Span.IsEmpty || c.Span.Overlaps(query.Content) || query.Cue is { } cue && c.Span.Overlaps(cue) || !spans.Add(c.Span)) return;
            result.Add(c);
        }
        foreach (var c in SpeakerCandidates.In(view, window)) Add(c);
        if (query.Kind == QuoteKind.Indirect)
        {
            foreach (var c in SpeakerCandidates.In(view, query.Content))
            {
                if (LeadCue(view, query.Content, c) is not null && spans.Add(c.Span)) result.Add(c);
            }
        }
        foreach (var phrase in tagged)
        {
            if (view.InsideQuote(phrase.Start) || result.Any(r => r.Span.Overlaps(phrase))) continue;
            Add(SpeakerCandidates.FromPhrase(view, phrase));
        }
        if (query.RuleChoice is { } rule) Add(rule);
        if (result.Count > MaxCandidates)
            result = [.. result.OrderBy(c => Math.Abs(c.Span.Start - anchor.Start)).ThenBy(c => c.Span.Start).Take(MaxCandidates)];
        result.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        return (result, tagged);
    }

    /// <summary>
    /// "… but Mr. Grassley and Mr. Leahy said developers had …" read as one content: a subject and a speech verb at the
    /// head of a reported content are an attribution of their own, so the subject is a candidate, and when it is chosen
    /// the content starts after the verb. The speech verb that follows <paramref name="candidate"/> at the head of
    /// <paramref name="content"/>, or null when there is none.
    /// </summary>
    internal static CueMatch? LeadCue(DocumentView view, TextSpan content, SpeakerCandidate candidate)
    {
        const int MaxLeadWords = 6, MaxGapWords = 3, MinRestWords = 3;
        var text = view.Text;
        if (!content.Contains(candidate.Span) || QuoteExtractor.WordCount(text, content.Start, candidate.Span.Start) > MaxLeadWords) return null;
        var window = new TextSpan(candidate.Span.End, Math.Min(content.End, candidate.Span.End + 60));
        var cue = SpeechCues.Find(text, window).FirstOrDefault();
        if (cue is null || !cue.TakesClause) return null;
        var gap = text.AsSpan(candidate.Span.End, cue.Span.Start - candidate.Span.End);
        if (gap.IndexOfAny(",;:“”\"") >= 0 || QuoteExtractor.WordCount(gap.ToString()) > MaxGapWords) return null;
        return QuoteExtractor.WordCount(text, cue.Span.End, content.End) < MinRestWords ? null : cue;
    }

    /// <summary>The feature rows of each candidate (see the class summary).</summary>
    public static int[][] Features(DocumentView view, SourceQuery query, IReadOnlyList<SpeakerCandidate> candidates,
        IReadOnlyList<TextSpan> taggedSources, Func<SpeakerCandidate, string?> speakerKey, int mask)
    {
        var text = view.Text;
        var anchor = query.Cue ?? query.Content;
        var anchorSentence = view.SentenceIndexAt(anchor.Start);
        var cueWord = query.Cue is { } cueSpan ? FeatureHash.Lower(FirstWord(cueSpan.Of(text))) : 0UL;
        var kind = (ulong)query.Kind + 1;
        var result = new int[candidates.Count][];
        // Candidates on each side of the anchor, nearest first: the nearest subject is the usual source.
        var rankOnSide = new int[candidates.Count];
        int before = 0, after = 0;
        for (var i = candidates.Count - 1; i >= 0; i--)
            if (candidates[i].Span.End <= anchor.Start) rankOnSide[i] = before++;
        for (var i = 0; i < candidates.Count; i++)
            if (candidates[i].Span.Start >= anchor.End) rankOnSide[i] = after++;
        var rows = new List<int>(48);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            rows.Clear();
            var side = c.Span.End <= anchor.Start ? 1UL : 2UL;
            var sentence = view.SentenceIndexAt(c.Span.Start);
            var delta = (ulong)(Math.Clamp(sentence - anchorSentence, -SentencesBefore, SentencesAfter) + 3);
            var (from, to) = side == 1 ? (c.Span.End, anchor.Start) : (anchor.End, c.Span.Start);
            var gap = from < to ? text.AsSpan(from, to - from) : [];
            var words = (ulong)Bucket(Quotes.QuoteExtractor.WordCount(gap.ToString()));
            var commas = (ulong)Math.Min(gap.Count(','), 2);
            var marks = gap.IndexOfAny("“”\"«»") >= 0 ? 1UL : 0UL;
            var breaks = gap.IndexOfAny(".;:!?") >= 0 ? 1UL : 0UL;
            var paired = query.TaggedSource is { } t && t.Overlaps(c.Span) ? 1UL : 0UL;
            var tagged = paired == 1 || taggedSources.Any(s => s.Overlaps(c.Span)) ? 1UL : 0UL;
            var rule = query.RuleChoice is { } r && r.Span.Overlaps(c.Span) ? (r.Span == c.Span ? 2UL : 1UL) : 0UL;
            var previous = query.PreviousSpeaker is { } p && speakerKey(c) == p ? 1UL : 0UL;
            var type = TypeOf(c, taggedSources);
            var rank = (ulong)Math.Min(rankOnSide[i], 3);
            var wordBefore = FeatureHash.Lower(WordBefore(text, c.Span.Start));
            var wordAfter = FeatureHash.Lower(WordAfter(text, c.Span.End));
            var head = FeatureHash.Lower(LastWord(c.Text));
            var inside = c.Span.Overlaps(query.Content) ? 1UL : 0UL;
            var position = side << 8 | delta << 4 | rank | inside << 12;

            void Add(int template, ulong a, ulong b) => rows.Add(FeatureHash.Row(template, a, b, mask));
            Add(0, type, 0);
            Add(1, type, position);
            Add(2, side << 8 | delta, words);
            Add(3, position, commas << 2 | marks << 1 | breaks);
            Add(4, paired << 1 | tagged, type);
            Add(5, paired << 2 | rule, kind);
            Add(6, rule, type);
            Add(7, previous, kind << 4 | (query.Cue is null ? 1UL : 0UL));
            Add(8, wordBefore, side);
            Add(9, wordAfter, side);
            Add(10, cueWord, position);
            Add(11, kind, position);
            Add(12, head, type);
            Add(13, paired << 1 | tagged, position);
            Add(14, type, words << 4 | commas);
            Add(15, wordAfter, wordBefore);
            Add(16, previous, position);
            Add(17, cueWord, type << 2 | side);
            Add(18, rule << 2 | paired, position);
            Add(19, kind, type << 2 | side);
            Add(20, inside, type);
            Add(21, inside << 1 | paired, wordAfter);
            result[i] = [.. rows];
        }
        return result;
    }

    /// <summary>A candidate's kind, with a name's label and type and a pronoun's word; a phrase only the tagger found is its own kind.</summary>
    private static ulong TypeOf(SpeakerCandidate c, IReadOnlyList<TextSpan> taggedSources) => c.Kind switch
    {
        CandidateKind.Entity => FeatureHash.Of("E" + c.Entity?.Label + c.Entity?.Type),
        CandidateKind.Pronoun => FeatureHash.Lower("P" + c.Text),
        CandidateKind.Description when taggedSources.Contains(c.Span) => FeatureHash.Of("T"),
        _ => FeatureHash.Of(c.Kind.ToString()),
    };

    private static int Bucket(int words) => words switch { <= 2 => words, <= 4 => 3, <= 7 => 4, <= 12 => 5, _ => 6 };

    private static string FirstWord(string s)
    {
        var t = s.Trim();
        var k = t.IndexOf(' ');
        return k < 0 ? t : t[..k];
    }

    private static string LastWord(string s)
    {
        var t = s.Trim();
        var k = t.LastIndexOf(' ');
        return k < 0 ? t : t[(k + 1)..];
    }

    /// <summary>The word (or punctuation mark) right before a position.</summary>
    private static string WordBefore(string text, int position)
    {
        var j = position;
        while (j > 0 && char.IsWhiteSpace(text[j - 1])) j--;
        if (j == 0) return "<s>";
        if (!char.IsLetterOrDigit(text[j - 1])) return text[(j - 1)..j];
        var k = j;
        while (k > 0 && char.IsLetterOrDigit(text[k - 1])) k--;
        return text[k..j];
    }

    /// <summary>The word (or punctuation mark) right after a position.</summary>
    private static string WordAfter(string text, int position)
    {
        var j = position;
        while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
        if (j >= text.Length) return "</s>";
        if (!char.IsLetterOrDigit(text[j])) return text[j..(j + 1)];
        var k = j;
        while (k < text.Length && char.IsLetterOrDigit(text[k])) k++;
        return text[j..k];
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Bits);
        QuantisedWeights.Write(writer, _weights, 1);
    }

    /// <exception cref="InvalidDataException">The data are not a ranker's weights.</exception>
    public static SourceRanker Read(BinaryReader reader)
    {
        var bits = reader.ReadInt32();
        if (bits is < 8 or > 24) throw new InvalidDataException("source ranker size out of range");
        return new SourceRanker(bits, QuantisedWeights.Read(reader, 1 << bits, 1));
    }

    /// <summary>
    /// Learns a ranker from choices whose right candidates are known (an averaged perceptron: when the best-scored
    /// candidate is wrong, the right one's rows go up and the chosen one's down), in a fixed shuffled order.
    /// </summary>
    /// <param name="examples">Each choice's feature rows and which of its candidates are right (at least one is).</param>
    public static SourceRanker Train(IReadOnlyList<(int[][] Features, bool[] Right)> examples, int epochs, int bits = DefaultBits)
    {
        // The shared perceptron is multi-class: a row's score is its weight for label 1 minus its weight for label 0,
        // so one update toward 1 on the right candidate's rows and one toward 0 on the chosen one's make a ranking step.
        var learner = new AveragedPerceptron(1 << bits, 2);
        var weights = learner.Weights;
        float Score(int[] rows)
        {
            var sum = 0f;
            foreach (var row in rows) sum += weights[row * 2 + 1] - weights[row * 2];
            return sum;
        }
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(23);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var k in order)
            {
                var (features, right) = examples[k];
                int guess = 0, gold = -1;
                float guessScore = float.NegativeInfinity, goldScore = float.NegativeInfinity;
                for (var i = 0; i < features.Length; i++)
                {
                    var score = Score(features[i]);
                    if (score > guessScore) (guess, guessScore) = (i, score);
                    if (right[i] && score > goldScore) (gold, goldScore) = (i, score);
                }
                if (gold >= 0 && !right[guess])
                {
                    learner.Update(features[gold], 1, 0);
                    learner.Update(features[guess], 0, 1);
                }
                learner.Tick();
            }
        }
        var averaged = learner.Averaged();
        var result = new float[1 << bits];
        for (var row = 0; row < result.Length; row++) result[row] = averaged[row * 2 + 1] - averaged[row * 2];
        return new SourceRanker(bits, result);
    }
}
