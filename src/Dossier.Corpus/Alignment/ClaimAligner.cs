using System.Collections.Immutable;
using Dossier.Core.Model;
using Dossier.Corpus.Shared;

namespace Dossier.Corpus.Alignment;

/// <summary>A sentence seen as a claim: who it is about, which numbers and dates it states, its content words.</summary>
public sealed record ClaimSentence(
    Document Doc,
    TextSpan Span,
    ImmutableHashSet<string> Terms,
    ImmutableHashSet<string> Actors,
    ImmutableArray<NumberFact> Numbers,
    ImmutableArray<DateFact> Dates,
    double QuotedShare)
{
    /// <summary>More than half of the sentence stands between quotation marks: a quote alignment's business, not a claim's.</summary>
    public const double MaxQuotedShare = 0.5;

    public string Text => Doc.TextOf(Span);

    public bool MostlyQuoted => QuotedShare > MaxQuotedShare;
}

/// <summary>A number in a claim with what it counts (the next content word: "30,000 troops" → troop).</summary>
public sealed record NumberFact(decimal Value, string? Counted, TextSpan Span, string Text);

/// <summary>A date a claim states, normalised (TIMEX value or yyyy-MM-dd), with its span.</summary>
public sealed record DateFact(string Value, TextSpan Span, string Text);

/// <summary>Sentences of several documents that assert the same fact.</summary>
public sealed record ClaimGroup(ImmutableArray<ClaimSentence> Members)
{
    public int DocumentCount => Members.Select(m => m.Doc.Id).Distinct().Count();

    /// <summary>A group of quotations (its members are mostly quoted): the quote aligner covers it.</summary>
    public bool IsQuotation => Members.Any(m => m.MostlyQuoted);
}

/// <summary>
/// Claim alignment: sentences from different documents of a story that share content words and at least one actor,
/// number or date. Candidates come from an inverted index of content words; groups hold at most one sentence per
/// document, so a chain of loosely similar sentences cannot snowball into one claim.
/// </summary>
public static class ClaimAligner
{
    private const int MinShared = 4;
    private const double MinOverlap = 0.45;
    private const int MaxSentencesPerDocument = 200;
    private const int MaxPosting = 200;

    public static ImmutableArray<ClaimSentence> Sentences(Document doc)
    {
        var entities = doc.Layer(Layers.Entities);
        var numbers = doc.Layer(Layers.Numbers);
        var times = doc.Layer(Layers.Times);
        var quotes = doc.Layer(Layers.Quotes);
        var result = ImmutableArray.CreateBuilder<ClaimSentence>();
        foreach (var span in TextUnits.Sentences(doc).Take(MaxSentencesPerDocument))
        {
            var words = Words.Tokenize(doc.Text, span.Start, span.End);
            var terms = words.Select(w => Words.ContentTerm(w)).OfType<string>().Where(t => !char.IsDigit(t[0])).ToImmutableHashSet();
            var actors = SpanIndex.Inside(entities, span).Select(e => e.EntityId ?? e.Text.ToLowerInvariant()).ToImmutableHashSet();
            var quoted = quotes.Where(q => q.Kind != QuoteKind.Indirect && q.Span.Overlaps(span))
                .Sum(q => q.Span.OverlapLength(span));
            var timesIn = SpanIndex.Inside(times, span).Where(t => t.Type is TimexType.DATE or TimexType.TIME).ToList();
            result.Add(new ClaimSentence(doc, span, terms, actors, NumbersIn(doc, span, words, numbers, timesIn),
                [.. SpanIndex.Inside(times, span).Where(t => t.Type == TimexType.DATE && t.Value is not null)
                    .Select(t => new DateFact(t.Value!, t.Span, t.Text))],
                span.Length == 0 ? 0 : Math.Min(1.0, quoted / (double)span.Length)));
        }
        return result.ToImmutable();
    }

    /// <summary>Numbers from the numbers layer, else numeric words; each with the word it counts.</summary>
    private static ImmutableArray<NumberFact> NumbersIn(Document doc, TextSpan span, List<Word> words, ImmutableArray<NumberMention> layer,
        List<TimeExpression> dates)
    {
        var found = new List<NumberFact>();
        var inSpan = SpanIndex.Inside(layer, span).Where(n => n.Value is not null && n.Kind != NumberKind.Ordinal).ToList();
        if (inSpan.Count > 0)
        {
            // The day in "November 3" is part of a date, which the date facts compare.
            foreach (var n in inSpan.Where(n => !dates.Any(t => t.Span.Overlaps(n.Span))))
                found.Add(new NumberFact(n.Value!.Value, Counted(words, n.Span), n.Span, n.Text));
            return [.. found];
        }
        for (var i = 0; i < words.Count; i++)
        {
            if (!words[i].IsNumber || !decimal.TryParse(words[i].Norm.Replace(",", ""), System.Globalization.NumberStyles.Number,
                    System.Globalization.CultureInfo.InvariantCulture, out var value)) continue;
            // Years are dates, not counts.
            if (value is >= 1900 and <= 2100 && words[i].Norm.Length == 4) continue;
            var at = new TextSpan(words[i].Start, words[i].End);
            if (dates.Any(t => t.Span.Overlaps(at))) continue;
            found.Add(new NumberFact(value, Counted(words, at), at, doc.Text[words[i].Start..words[i].End]));
        }
        return [.. found];
    }

    /// <summary>What a number counts: the next content word ("30,000 troops"), else the content word right before it
    /// ("the rate rose to 4.75 percent" → rate), so that two figures for the same quantity are compared.</summary>
    private static string? Counted(List<Word> words, TextSpan number)
    {
        foreach (var w in words.Where(w => w.Start >= number.End).Take(3))
        {
            if (IsScale(w)) continue;
            var t = Words.ContentTerm(w);
            if (t is not null) return t;
        }
        foreach (var w in words.Where(w => w.End <= number.Start).Reverse().Take(3))
        {
            if (IsScale(w)) continue;
            var t = Words.ContentTerm(w);
            if (t is not null) return t;
        }
        return null;
    }

    private static bool IsScale(Word w) => w.IsNumber || w.Norm is "million" or "billion" or "thousand" or "hundred" or "percent";

    /// <summary>Aligned claims across the documents of one story.</summary>
    public static List<ClaimGroup> Group(IReadOnlyList<Document> documents, double minOverlap = MinOverlap)
    {
        var sentences = documents.SelectMany(d => Sentences(d)).Where(s => s.Terms.Count >= MinShared).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences) foreach (var t in s.Terms) df[t] = df.GetValueOrDefault(t) + 1;
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < sentences.Count; i++)
            foreach (var t in sentences[i].Terms)
            {
                if (!index.TryGetValue(t, out var list)) index[t] = list = [];
                list.Add(i);
            }
        var pairs = new List<(int A, int B, double Score)>();
        var shared = new Dictionary<int, int>();
        for (var i = 0; i < sentences.Count; i++)
        {
            shared.Clear();
            foreach (var t in sentences[i].Terms)
            {
                var list = index[t];
                if (list.Count > MaxPosting) continue;
                foreach (var j in list) if (j > i && sentences[j].Doc.Id != sentences[i].Doc.Id) shared[j] = shared.GetValueOrDefault(j) + 1;
            }
            foreach (var (j, _) in shared.Where(p => p.Value >= MinShared))
            {
                var score = Score(sentences[i], sentences[j]);
                if (score >= minOverlap) pairs.Add((i, j, score));
            }
        }
        // Strongest pairs first; a group never takes two sentences of the same document.
        var group = Enumerable.Range(0, sentences.Count).Select(i => new List<int> { i }).ToArray();
        var owner = Enumerable.Range(0, sentences.Count).ToArray();
        foreach (var (a, b, _) in pairs.OrderByDescending(p => p.Score).ThenBy(p => p.A).ThenBy(p => p.B))
        {
            var (ga, gb) = (owner[a], owner[b]);
            if (ga == gb) continue;
            var docs = group[ga].Select(i => sentences[i].Doc.Id).ToHashSet();
            if (group[gb].Any(i => docs.Contains(sentences[i].Doc.Id))) continue;
            foreach (var i in group[gb]) owner[i] = ga;
            group[ga].AddRange(group[gb]);
            group[gb] = [];
        }
        return [.. group.Where(g => g.Count > 1).Select(g => new ClaimGroup([.. g.OrderBy(i => i).Select(i => sentences[i])]))];
    }

    /// <summary>Overlap of content words (relative to the shorter sentence), required to share an actor, number or
    /// date: two sentences about different people with the same verbs are not one claim.</summary>
    public static double Score(ClaimSentence a, ClaimSentence b)
    {
        // A quotation and a narrative sentence are different statements, even about the same thing.
        if (a.MostlyQuoted != b.MostlyQuoted) return 0;
        var common = a.Terms.Count(b.Terms.Contains);
        if (common < MinShared) return 0;
        var anchor = a.Actors.Overlaps(b.Actors) || a.Numbers.Any(x => b.Numbers.Any(y => y.Value == x.Value)) ||
                     a.Dates.Any(x => b.Dates.Any(y => y.Value == x.Value));
        if (!anchor) return 0;
        return common / (double)Math.Min(a.Terms.Count, b.Terms.Count);
    }

    /// <summary>The outlet that reported first, when the documents' dates single one out (one outlet holds the
    /// earliest date and some other document is later); else null.</summary>
    public static string? FirstOutlet(IEnumerable<Document> documents)
    {
        var dated = documents.Where(d => d.Metadata.Published is not null).ToList();
        if (dated.Count < 2) return null;
        var first = dated.Min(d => d.Metadata.Published!.Value);
        var earliest = dated.Where(d => d.Metadata.Published == first).Select(d => d.Metadata.Outlet ?? d.Id).Distinct().ToList();
        return earliest.Count == 1 && dated.Any(d => d.Metadata.Published != first) ? earliest[0] : null;
    }
}
