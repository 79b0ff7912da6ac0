using System.Collections.Immutable;
using Dossier.Attribution.Quotes;
using Dossier.Core.Model;

namespace Dossier.Attribution.Speakers;

/// <summary>
/// What the attribution rules look up about one document: its text, entity mentions, sentences, paragraphs and the
/// quotations found by the mark scanner, with position lookups in logarithmic time.
/// </summary>
public sealed class DocumentView
{
    private readonly int[] _entityStarts;
    private readonly int[] _quoteStarts;
    private readonly int[] _sentenceStarts;
    private readonly int[] _newlines;

    public DocumentView(string text, ImmutableArray<EntityMention> entities, ImmutableArray<Sentence> sentences, IReadOnlyList<QuotedSpan> quotes)
    {
        Text = text;
        Entities = [.. entities.OrderBy(e => e.Span)];
        _entityStarts = [.. Entities.Select(e => e.Span.Start)];
        Quotes = quotes;
        _quoteStarts = [.. quotes.Select(q => q.Outer.Start)];
        Sentences = sentences.IsDefaultOrEmpty ? [new TextSpan(0, text.Length)] : [.. sentences.Select(s => s.Span).OrderBy(s => s)];
        _sentenceStarts = [.. Sentences.Select(s => s.Start)];
        var newlines = new List<int>();
        for (var i = 0; i < text.Length; i++) if (text[i] == '\n') newlines.Add(i);
        _newlines = [.. newlines];
    }

    public string Text { get; }
    public IReadOnlyList<EntityMention> Entities { get; }
    public IReadOnlyList<QuotedSpan> Quotes { get; }
    public IReadOnlyList<TextSpan> Sentences { get; }

    /// <summary>Entity mentions that lie inside <paramref name="span"/>, left to right.</summary>
    public IEnumerable<EntityMention> EntitiesIn(TextSpan span)
    {
        for (var k = LowerBound(_entityStarts, span.Start); k < Entities.Count && Entities[k].Span.Start < span.End; k++)
        {
            if (span.Contains(Entities[k].Span)) yield return Entities[k];
        }
    }

    /// <summary>Entity mentions that end at or before <paramref name="position"/>, nearest first.</summary>
    public IEnumerable<EntityMention> EntitiesBefore(int position)
    {
        for (var k = LowerBound(_entityStarts, position) - 1; k >= 0; k--)
        {
            if (Entities[k].Span.End <= position) yield return Entities[k];
        }
    }

    /// <summary>The index of the quotation whose marks enclose <paramref name="position"/>, or -1.</summary>
    public int QuoteAt(int position)
    {
        var k = LowerBound(_quoteStarts, position + 1) - 1;
        return k >= 0 && Quotes[k].Outer.Contains(position) ? k : -1;
    }

    public bool InsideQuote(int position) => QuoteAt(position) >= 0;

    /// <summary>Where the first quotation starting after <paramref name="from"/> opens, or <paramref name="limit"/>.</summary>
    public int NextQuoteStart(int from, int limit)
    {
        var k = LowerBound(_quoteStarts, from + 1);
        return k < _quoteStarts.Length ? Math.Min(limit, _quoteStarts[k]) : limit;
    }

    /// <summary>The index of the sentence that contains <paramref name="position"/> (or the last one starting before it).</summary>
    public int SentenceIndexAt(int position) => Math.Max(0, LowerBound(_sentenceStarts, position + 1) - 1);

    public TextSpan SentenceAt(int position) => Sentences[SentenceIndexAt(position)];

    /// <summary>The paragraph (text between line breaks) that contains <paramref name="position"/>.</summary>
    public TextSpan ParagraphAt(int position)
    {
        var k = LowerBound(_newlines, Math.Clamp(position, 0, Text.Length));
        var start = k > 0 ? _newlines[k - 1] + 1 : 0;
        return new TextSpan(start, k < _newlines.Length ? _newlines[k] : Text.Length);
    }

    /// <summary>The first index whose value is ≥ <paramref name="value"/>.</summary>
    internal static int LowerBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
