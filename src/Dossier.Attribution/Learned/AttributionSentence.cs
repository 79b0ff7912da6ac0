using System.Collections.Immutable;
using Dossier.Attribution.Quotes;
using Dossier.Core.Model;
using Dossier.Language.Tokens;

namespace Dossier.Attribution.Learned;

/// <summary>The roles a token can take in an attribution (PolNeAR's source, cue and content), BIO-encoded.</summary>
internal static class Roles
{
    public const int Outside = 0, SourceBegin = 1, SourceInside = 2, CueBegin = 3, CueInside = 4, ContentBegin = 5, ContentInside = 6;
    public const int Count = 7;

    /// <summary>An "inside" label may only continue a span of its own role.</summary>
    public static bool Allowed(int previous, int label) =>
        label is not (SourceInside or CueInside or ContentInside) || previous == label || previous == label - 1;
}

/// <summary>
/// One sentence as the attribution tagger sees it: its tokens with the per-token facts the features are made of
/// (lower-cased word hashes, shapes, entity tags, quotation state, speech cues and commas).
/// </summary>
internal sealed class AttributionSentence
{
    public required TextSpan Span { get; init; }
    public required TextSpan[] Tokens { get; init; }
    public required ulong[] Words { get; init; }
    public required ulong[] Shapes { get; init; }
    public required ulong[] Suffixes { get; init; }
    /// <summary>Entity label of each token with B/I, hashed ("B-PER"); 0 outside entities.</summary>
    public required ulong[] Entities { get; init; }
    public required bool[] InQuote { get; init; }
    public required bool[] IsQuoteMark { get; init; }
    /// <summary>The lemma hash of the speech cue that starts at a token, 0 when none.</summary>
    public required ulong[] Cues { get; init; }
    /// <summary>Commas before each token (a prefix count), so the commas between two tokens cost O(1).</summary>
    public required int[] CommasBefore { get; init; }
    public required bool HasQuoteMarks { get; init; }

    public int Length => Tokens.Length;

    /// <summary>Splits a prepared document (sentences, tokens, entities) into tagger sentences.</summary>
    /// <param name="learnedCues">Lower-cased word hashes that often act as cues in the training data ("wants",
    /// "shows", "criticized"), on top of the speech verbs every sentence is scanned for.</param>
    public static List<AttributionSentence> From(Document document, IReadOnlySet<ulong> learnedCues)
    {
        var text = document.Text;
        var sentences = document.Layer(Layers.Sentences);
        var spans = sentences.IsDefaultOrEmpty ? [new TextSpan(0, text.Length)] : sentences.Select(s => s.Span).OrderBy(s => s).ToArray();
        var tokens = document.Layer(Layers.Tokens);
        if (tokens.IsDefaultOrEmpty) tokens = Tokenizer.Tokenize(text);
        var marks = QuoteMarkScanner.Scan(text);
        var entities = document.Layer(Layers.Entities).OrderBy(e => e.Span).ToArray();
        var result = new List<AttributionSentence>(spans.Length);
        int t = 0, m = 0, e = 0;
        foreach (var span in spans)
        {
            while (t < tokens.Length && tokens[t].Span.Start < span.Start) t++;
            var first = t;
            while (t < tokens.Length && tokens[t].Span.End <= span.End) t++;
            if (t == first) continue;
            while (m < marks.Count && marks[m].Outer.End <= span.Start) m++;
            while (e < entities.Length && entities[e].Span.End <= span.Start) e++;
            result.Add(Build(text, span, tokens, first, t, marks, m, entities, e, learnedCues));
        }
        return result;
    }

    private static AttributionSentence Build(string text, TextSpan span, ImmutableArray<Token> tokens, int first, int end,
        IReadOnlyList<QuotedSpan> marks, int firstMark, EntityMention[] entities, int firstEntity, IReadOnlySet<ulong> learnedCues)
    {
        var n = end - first;
        var result = new AttributionSentence
        {
            Span = span,
            Tokens = new TextSpan[n],
            Words = new ulong[n],
            Shapes = new ulong[n],
            Suffixes = new ulong[n],
            Entities = new ulong[n],
            InQuote = new bool[n],
            IsQuoteMark = new bool[n],
            Cues = new ulong[n],
            CommasBefore = new int[n + 1],
            HasQuoteMarks = firstMark < marks.Count && marks[firstMark].Outer.Start < span.End,
        };
        int mk = firstMark, en = firstEntity;
        for (var i = 0; i < n; i++)
        {
            var token = tokens[first + i].Span;
            var word = token.Of(text);
            result.Tokens[i] = token;
            result.Words[i] = FeatureHash.Lower(word);
            result.Shapes[i] = FeatureHash.Shape(word);
            result.Suffixes[i] = FeatureHash.Lower(word.Length > 3 ? word[^3..] : word);
            while (mk < marks.Count && marks[mk].Outer.End <= token.Start) mk++;
            result.InQuote[i] = mk < marks.Count && marks[mk].Outer.Start <= token.Start;
            result.IsQuoteMark[i] = word.Length == 1 && QuoteMarkScanner.IsQuoteMark(word[0]) || word == "''" || word == "``";
            while (en < entities.Length && entities[en].Span.End <= token.Start) en++;
            if (en < entities.Length && entities[en].Span.Start <= token.Start)
                result.Entities[i] = FeatureHash.Of((entities[en].Span.Start == token.Start ? "B-" : "I-") + entities[en].Label);
            result.CommasBefore[i + 1] = result.CommasBefore[i] + (word == "," ? 1 : 0);
        }
        var starts = Array.ConvertAll(result.Tokens, s => s.Start);
        foreach (var cue in SpeechCues.Find(text, span))
        {
            var k = Array.BinarySearch(starts, cue.Span.Start);
            if (k >= 0) result.Cues[k] = FeatureHash.Of(cue.Lemma);
        }
        result.MarkLearnedCues(learnedCues);
        return result;
    }

    /// <summary>Marks the words of <paramref name="learnedCues"/> as cues where no speech verb already stands.</summary>
    internal void MarkLearnedCues(IReadOnlySet<ulong> learnedCues)
    {
        for (var i = 0; i < Length; i++)
        {
            if (Cues[i] == 0 && learnedCues.Contains(Words[i])) Cues[i] = Words[i];
        }
    }
}

/// <summary>64-bit hashes of feature values, mixed into a row of the weight table.</summary>
internal static class FeatureHash
{
    public static ulong Of(ReadOnlySpan<char> value)
    {
        var h = 14695981039346656037UL;
        foreach (var c in value) h = (h ^ c) * 1099511628211UL;
        return h;
    }

    public static ulong Lower(ReadOnlySpan<char> value)
    {
        var h = 14695981039346656037UL;
        foreach (var c in value) h = (h ^ char.ToLowerInvariant(c)) * 1099511628211UL;
        return h;
    }

    /// <summary>"Trump" → "Xx", "U.S." → "X.X.", "2025" → "d": character classes with repeats collapsed.</summary>
    public static ulong Shape(ReadOnlySpan<char> value)
    {
        var h = 14695981039346656037UL;
        var previous = '\0';
        foreach (var c in value)
        {
            var k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (k == previous) continue;
            h = (h ^ k) * 1099511628211UL;
            previous = k;
        }
        return h;
    }

    public static int Row(int template, ulong a, ulong b, int mask)
    {
        var h = (ulong)(template + 1) * 0x9E3779B97F4A7C15UL ^ a;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= b + 0x632BE59BD9B4E019UL;
        h *= 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return (int)(h & (ulong)mask);
    }
}
