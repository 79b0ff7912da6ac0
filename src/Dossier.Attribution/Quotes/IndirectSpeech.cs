using System.Text.RegularExpressions;
using Dossier.Attribution.Speakers;
using Dossier.Core.Model;

namespace Dossier.Attribution.Quotes;

/// <summary>
/// Reported speech without quotation marks, one per sentence at most:
/// "X said (that) …", "X told reporters (that) …", "according to X, …", "…, according to X", "…, X said".
/// The content span is the reported clause (with its "that", as attribution corpora annotate it).
/// </summary>
internal static partial class IndirectSpeech
{
    /// <summary>Cues that may report a clause without "that" ("Trump said the talks went well").</summary>
    private static readonly HashSet<string> BareComplement =
    [
        "say", "tell", "claim", "argue", "believe", "think", "insist", "warn", "add", "note", "suggest", "predict",
        "estimate", "acknowledge", "admit", "stress", "emphasize", "write", "post", "tweet", "report", "hope", "fear",
        "contend", "assert", "concede", "reiterate", "vow", "allege", "complain", "explain", "declare", "confirm",
    ];

    /// <summary>How far (in words) "that" may follow its cue: "said on Monday in a statement that".</summary>
    private const int MaxWordsToThat = 10;

    public static IEnumerable<Quote> Find(DocumentView view, QuoteBuilder builder, HashSet<int> usedCues)
    {
        var text = view.Text;
        foreach (var sentence in view.Sentences)
        {
            if (sentence.IsEmpty) continue;
            var k = view.QuoteAt(sentence.Start);
            if (k >= 0 && view.Quotes[k].Outer.Contains(new TextSpan(sentence.Start, Math.Max(sentence.Start, sentence.End - 1)))) continue;
            var cues = SpeechCues.Find(text, sentence)
                .Where(c => c.TakesClause && !usedCues.Contains(c.Span.Start) && !view.InsideQuote(c.Span.Start))
                .ToList();
            foreach (var cue in cues)
            {
                var found = Match(view, sentence, cue);
                if (found is null) continue;
                var (content, attribution) = found.Value;
                if (IsQuotedWhole(view, content)) break;
                yield return builder.Build(content, content.Of(text), QuoteKind.Indirect, attribution);
                break;
            }
        }
    }

    private static (TextSpan Content, QuoteExtractor.Attribution Attribution)? Match(DocumentView view, TextSpan sentence, CueMatch cue)
    {
        var text = view.Text;
        var end = TrimEnd(text, sentence.Start, sentence.End);
        if (cue.Lemma == "according to") return AccordingTo(view, sentence, end, cue);

        var subject = QuoteExtractor.NearestSubject(view, new TextSpan(sentence.Start, cue.Span.Start), cue.Span.Start);
        // When the cue ends the sentence nothing follows it (only the trailing pattern can apply).
        var after = new TextSpan(cue.Span.End, Math.Max(cue.Span.End, end));

        // "X said (on Monday) that …"
        var that = ThatRegex().Match(after.Of(text));
        if (that.Success && QuoteExtractor.WordCount(text, cue.Span.End, after.Start + that.Index) <= MaxWordsToThat
            && !SpeechCues.Find(text, new TextSpan(cue.Span.End, after.Start + that.Index)).Any()
            && subject is not null)
        {
            var content = new TextSpan(after.Start + that.Index, end);
            return (content, new QuoteExtractor.Attribution(cue, subject, new TextSpan(sentence.Start, content.Start)));
        }

        // "…, X said (on Monday)." — the attribution trails the content.
        var trailing = TrailingRegex().Match(text[sentence.Start..cue.Span.Start]);
        if (trailing.Success && QuoteExtractor.WordCount(text, cue.Span.End, end) <= 6)
        {
            var comma = sentence.Start + trailing.Groups["comma"].Index;
            var speaker = subject is not null && subject.Span.Start > comma ? subject : FirstAfterCue(view, cue, end);
            var contentStart = SkipSpace(text, sentence.Start, comma);
            if (speaker is not null && comma > contentStart && QuoteExtractor.WordCount(text, contentStart, comma) >= 3)
                return (new TextSpan(contentStart, comma), new QuoteExtractor.Attribution(cue, speaker, new TextSpan(comma, sentence.End)));
        }

        // "X said the talks went well."
        if (subject is not null && BareComplement.Contains(cue.Lemma))
        {
            var start = ComplementStart(view, cue, after);
            if (start >= 0 && QuoteExtractor.WordCount(text, start, end) >= 3)
            {
                var content = new TextSpan(start, end);
                return (content, new QuoteExtractor.Attribution(cue, subject, new TextSpan(sentence.Start, start)));
            }
        }
        return null;
    }

    [GeneratedRegex(@"\bthat\b")]
    private static partial Regex ThatRegex();

    /// <summary>The comma that ends the content, then a short attribution clause up to the cue.</summary>
    [GeneratedRegex(@"^[^,]*\S.*(?<comma>,)\s*(?:[^,;:“”""]{0,60})$")]
    private static partial Regex TrailingRegex();

    private static (TextSpan, QuoteExtractor.Attribution)? AccordingTo(DocumentView view, TextSpan sentence, int end, CueMatch cue)
    {
        var text = view.Text;
        var lead = text[sentence.Start..cue.Span.Start];
        if (string.IsNullOrWhiteSpace(lead) || lead.Trim().Length <= 3)
        {
            // "According to X, …"
            var comma = end > cue.Span.End ? text.IndexOf(',', cue.Span.End, end - cue.Span.End) : -1;
            if (comma < 0) return null;
            var source = SpeakerCandidates.In(view, new TextSpan(cue.Span.End, comma)).FirstOrDefault();
            var start = SkipSpace(text, comma + 1, end);
            if (source is null || QuoteExtractor.WordCount(text, start, end) < 3) return null;
            return (new TextSpan(start, end), new QuoteExtractor.Attribution(cue, source, new TextSpan(sentence.Start, comma)));
        }
        var trimmed = lead.TrimEnd();
        if (!trimmed.EndsWith(',')) return null;
        // "…, according to X."
        var contentEnd = sentence.Start + trimmed.Length - 1;
        var speaker = SpeakerCandidates.In(view, new TextSpan(cue.Span.End, end)).FirstOrDefault();
        var contentStart = SkipSpace(text, sentence.Start, contentEnd);
        if (speaker is null || QuoteExtractor.WordCount(text, contentStart, contentEnd) < 3) return null;
        return (new TextSpan(contentStart, contentEnd), new QuoteExtractor.Attribution(cue, speaker, new TextSpan(contentEnd, sentence.End)));
    }

    /// <summary>"…, said Peskov." — the speaker after a trailing cue.</summary>
    private static SpeakerCandidate? FirstAfterCue(DocumentView view, CueMatch cue, int end)
    {
        var c = SpeakerCandidates.In(view, new TextSpan(cue.Span.End, end)).FirstOrDefault();
        return c is not null && QuoteExtractor.WordCount(view.Text, cue.Span.End, c.Span.Start) <= 4 ? c : null;
    }

    /// <summary>
    /// Where a clause reported without "that" starts: after the addressee of "told" and short adverbials, at a word
    /// that can open a clause (a pronoun, a determiner, a name or a number). -1 when the cue has no such complement.
    /// </summary>
    private static int ComplementStart(DocumentView view, CueMatch cue, TextSpan after)
    {
        var text = view.Text;
        var rest = after.Of(text);
        Match m;
        try
        {
            m = ComplementRegex().Match(rest);
        }
        catch (RegexMatchTimeoutException)
        {
            return -1; // pathological input: report nothing rather than stall the document
        }
        if (!m.Success) return -1;
        if (cue.Lemma == "tell" && !m.Groups["addressee"].Success) return -1;
        var start = after.Start + m.Groups["start"].Index;
        return view.InsideQuote(start) ? -1 : start;
    }

    // Interpreted on purpose: the source-generated form of this pattern (lazy loop inside an optional group) did not
    // terminate on some inputs (e.g. " on according to the president") with the .NET 10 generator.
    private static readonly Regex Complement = new(@"^\s*(?:(?<addressee>(?:the\s+)?(?:reporters|journalists|the\s+press|lawmakers|supporters|[A-Z][\p{L}.’'-]*(?:\s+[A-Z][\p{L}.’'-]*){0,3}|him|her|them|us|me))\s+)?(?:(?:on|in|at|during|late|early|last|this)\s+(?:\w+\s+){0,3}?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month|year|night|morning|evening|statement|interview|post|briefing|conference|speech|address)\s*,?\s+)?(?<start>(?:he|she|it|they|we|I|you|there|the|a|an|this|these|those|his|her|their|its|our|no|some|all|both|any|every|[A-Z][\p{L}’'-]*|\d[\d,.]*)\b)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static Regex ComplementRegex() => Complement;

    /// <summary>The sentence end without trailing spaces and its final period.</summary>
    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start && text[end - 1] == '.') end--;
        return end;
    }

    private static int SkipSpace(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        return start;
    }

    /// <summary>A content that is one quotation in marks is a direct quotation already found, not reported speech.</summary>
    private static bool IsQuotedWhole(DocumentView view, TextSpan content)
    {
        var k = view.QuoteAt(content.Start);
        if (k < 0) return false;
        var q = view.Quotes[k].Outer;
        return q.Start <= content.Start && q.End >= content.End - 1;
    }
}
