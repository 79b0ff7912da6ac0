using System.Text.RegularExpressions;
using Dossier.Attribution.Learned;
using Dossier.Attribution.Speakers;
using Dossier.Core.Model;

namespace Dossier.Attribution.Quotes;

/// <summary>
/// Finds direct, partial and indirect quotations in one document and attributes them. A direct or partial quotation
/// has its quotation marks in <see cref="Quote.Span"/>; <see cref="Quote.Text"/> is the quoted words without the outer
/// marks (a quotation running over several paragraphs has the repeated opening marks folded into single spaces), so
/// the same words carried by different outlets compare equal.
/// </summary>
public static partial class QuoteExtractor
{
    /// <summary>An attribution clause after a quotation is short: "Trump said", "said the minister on Monday".</summary>
    private const int MaxWordsBeforeCue = 7;

    /// <summary>A cue before a quotation is followed by at most this many words ("told reporters on Monday:").</summary>
    private const int MaxWordsAfterCue = 6;

    internal sealed record Attribution(CueMatch? Cue, SpeakerCandidate? Candidate, TextSpan Clause);

    /// <param name="tagger">The learned attribution tagger: it finds reported speech and the sources of quotations
    /// the rules leave unattributed. Without it, reported speech comes from the rules in <see cref="IndirectSpeech"/>.</param>
    public static IReadOnlyList<Quote> Extract(Document document, AttributionTagger? tagger = null) => Extract(document, tagger, null);

    /// <param name="record">Receives every source choice the ranker is asked to make (the trainer learns from them).</param>
    internal static IReadOnlyList<Quote> Extract(Document document, AttributionTagger? tagger, Action<SourceChoice>? record)
    {
        var text = document.Text;
        if (string.IsNullOrEmpty(text)) return [];
        var marks = QuoteMarkScanner.Scan(text);
        var view = new DocumentView(text, document.Layer(Layers.Entities), document.Layer(Layers.Sentences), marks);
        var resolver = new SpeakerResolver(view);
        var times = document.Layer(Layers.Times);
        var published = document.Metadata.Published?.ToString("yyyy-MM-dd", null);
        var builder = new QuoteBuilder(view, resolver, times, published, document.Metadata.Outlet);

        var learned = tagger?.Find(document) ?? [];
        var picker = new SourcePicker(view, resolver, tagger?.Ranker, learned, record);
        var result = new List<Quote>();
        var usedCues = new HashSet<int>();
        Quote? lastAttributed = null;
        var lastClauseEnd = -1;
        for (var k = 0; k < marks.Count; k++)
        {
            var q = marks[k];
            var inner = q.Inner.Of(text);
            if (!inner.Any(char.IsLetter)) continue;
            var adjacent = Adjacent(view, k);
            var sentenceLike = IsSentenceLike(view, q);
            // A scare-quoted name or title ("the “Blue Corridor Initiative”"), unless the whole sentence is a
            // title-cased headline, where every quoted phrase looks like a name.
            if (adjacent is null && !sentenceLike && IsTitleLike(inner) && !IsHeadline(view, q)) continue;
            var kind = adjacent is not null || sentenceLike ? QuoteKind.Direct : QuoteKind.Partial;
            // A cue right next to the quotation is the surest sign of its speaker; past that, the tagger's source
            // beats the rules' guess from the sentence's cue.
            var tagged = adjacent is null ? learned.FirstOrDefault(a => a.Source is not null && a.Content.Overlaps(q.Outer)) : null;
            var ruled = adjacent ?? SentenceCue(view, q);
            var attribution = adjacent ?? Prefer(tagged is null ? null : ToAttribution(view, tagged), ruled);
            Quote quote;
            if (attribution is not null)
            {
                // A speaker right next to a framing cue ("…,” Okafor said") is taken as the rules find it; the ranker
                // chooses where the quotation has no such frame or the frame names no one.
                if (adjacent?.Candidate is null) attribution = picker.Pick(q.Outer, kind, attribution, tagged?.Source, ruled?.Candidate);
                quote = builder.Build(q.Outer, FoldParagraphs(inner), kind, attribution);
                // A cue that frames a quotation is spent; one that merely shares a sentence with a partial
                // quotation may still report the rest of the sentence ("said he was in “serious talks” with …").
                if (adjacent?.Cue is not null) usedCues.Add(adjacent.Cue.Span.Start);
            }
            else if (kind == QuoteKind.Direct && lastAttributed?.Speaker is not null && Continues(text, lastClauseEnd, q.Outer.Start))
            {
                // A quotation that carries on right after an attributed one, with only punctuation or a paragraph
                // break between, is the same speaker going on.
                quote = lastAttributed with { Span = q.Outer, Text = FoldParagraphs(inner), Cue = null, CueSpan = null };
            }
            else
            {
                quote = new Quote(q.Outer, FoldParagraphs(inner), kind, null, null, null, null, AttributionCertainty.Unattributed);
            }
            result.Add(quote);
            picker.Remember(quote);
            if (kind == QuoteKind.Direct && quote.Speaker is not null)
            {
                lastAttributed = quote;
                lastClauseEnd = Math.Max(q.Outer.End, attribution?.Clause.End ?? q.Outer.End);
            }
            else if (kind == QuoteKind.Direct)
            {
                lastAttributed = null;
            }
        }
        // With the tagger, the rules' reading of reported speech is only a fallback: run it when one is needed.
        var rules = new Lazy<List<Quote>>(() => IndirectSpeech.Find(view, builder, usedCues).ToList());
        result.AddRange(tagger is null ? rules.Value : LearnedIndirect(view, builder, picker, learned, result, rules));
        return result;
    }

    /// <summary>A reported content of fewer words is a topic ("described the vote"), not a statement.</summary>
    private const int MinReportedWords = 3;

    /// <summary>
    /// Reported speech found by the tagger, except contents that are a quotation in marks already found. Where the
    /// tagger found no speaker, or ran the content over its own speaker ("The agency reported that …" all tagged as
    /// content), the rules' reading of the same sentence wins when they have a speaker.
    /// </summary>
    private static IEnumerable<Quote> LearnedIndirect(DocumentView view, QuoteBuilder builder, SourcePicker picker,
        IReadOnlyList<TaggedAttribution> learned, List<Quote> quoted, Lazy<List<Quote>> rules)
    {
        var direct = quoted.Where(q => q.Kind == QuoteKind.Direct).Select(q => q.Span).ToList();
        foreach (var a in learned)
        {
            var content = Trim(view.Text, a.Content);
            if (content.IsEmpty || WordCount(view.Text, content.Start, content.End) < MinReportedWords) continue;
            if (direct.Any(d => d.OverlapLength(content) * 2 >= content.Length)) continue;
            var attribution = ToAttribution(view, a);
            var quote = builder.Build(content, content.Of(view.Text), QuoteKind.Indirect, attribution);
            if (quote.Speaker is null || quote.Span.Contains(quote.Speaker.Span))
            {
                var rule = rules.Value.FirstOrDefault(r => r.Speaker is not null && r.Span.Overlaps(quote.Span));
                // A content that holds its own speaker is a misreading unless the rules read the sentence too.
                if (rule is null && quote.Speaker is not null) continue;
                if (rule is not null)
                {
                    yield return rule;
                    continue;
                }
            }
            var picked = picker.Pick(content, QuoteKind.Indirect, attribution, a.Source, a.Cue is { } cue ? CueSubject(view, cue) : null);
            if (picked.Candidate is { } chosen && content.Contains(chosen.Span) && SourceRanker.LeadCue(view, content, chosen) is { } lead)
            {
                // The ranker read the head of the content as its own attribution ("X said …"): the content follows the verb.
                // A clause before the content ("According to TASS, …") still frames it.
                var rest = Trim(view.Text, new TextSpan(lead.Span.End, content.End));
                var clause = new TextSpan(Math.Min(picked.Clause.Start, content.Start), lead.Span.End);
                yield return builder.Build(rest, rest.Of(view.Text), QuoteKind.Indirect, picked with { Cue = lead, Clause = clause });
                continue;
            }
            yield return ReferenceEquals(picked, attribution) ? quote : builder.Build(content, content.Of(view.Text), QuoteKind.Indirect, picked);
        }
    }

    /// <summary>The tagger's source (it always has one) with the rules' cue and clause when both attribute a quotation.</summary>
    private static Attribution? Prefer(Attribution? learned, Attribution? rules) =>
        learned is null ? rules : rules is null ? learned : rules with { Candidate = learned.Candidate };

    private static Attribution ToAttribution(DocumentView view, TaggedAttribution a)
    {
        var text = view.Text;
        CueMatch? cue = null;
        if (a.Cue is { } c)
        {
            var cueText = c.Of(text);
            cue = new CueMatch(c, cueText, SpeechCues.Find(text, c).FirstOrDefault()?.Lemma ?? cueText.ToLowerInvariant());
        }
        SpeakerCandidate? candidate = null;
        if (a.Source is { } s)
        {
            candidate = SpeakerCandidates.FromPhrase(view, s);
        }
        else if (a.Cue is { } c2)
        {
            candidate = CueSubject(view, c2);
        }
        var clauseStart = Math.Min(a.Content.Start, Math.Min(a.Cue?.Start ?? int.MaxValue, a.Source?.Start ?? int.MaxValue));
        var clauseEnd = Math.Max(a.Content.End, Math.Max(a.Cue?.End ?? 0, a.Source?.End ?? 0));
        // The attribution clause is what lies outside the content: where a channel or a date of the speech act is named.
        var clause = a.Content.Start > clauseStart ? new TextSpan(clauseStart, a.Content.Start) : new TextSpan(a.Content.End, clauseEnd);
        return new Attribution(cue, candidate, clause);
    }

    /// <summary>The subject of a cue as the rules find it: "…, the minister said", "…, said the minister".</summary>
    private static SpeakerCandidate? CueSubject(DocumentView view, TextSpan cue)
    {
        var sentence = view.SentenceAt(cue.Start);
        return NearestSubject(view, new TextSpan(Math.Min(sentence.Start, cue.Start), cue.Start), cue.Start)
            ?? FirstAfter(view, new TextSpan(cue.End, Math.Max(cue.End, sentence.End)));
    }

    /// <summary>
    /// Asks the source ranker (when the tagger carries one) to choose among the phrases around an attribution, and
    /// keeps the speakers of the quotations built so far for its "same speaker as before" feature.
    /// </summary>
    private sealed class SourcePicker(DocumentView view, SpeakerResolver resolver, SourceRanker? ranker,
        IReadOnlyList<TaggedAttribution> learned, Action<SourceChoice>? record)
    {
        private readonly TextSpan[] _taggedSources = [.. learned.Where(a => a.Source is not null).Select(a => a.Source!.Value).Distinct().Order()];
        private readonly SortedList<int, string> _speakers = [];

        public void Remember(Quote quote)
        {
            if (quote.Speaker?.EntityId is { } id) _speakers[quote.Span.Start] = id;
        }

        /// <summary>The attribution with the ranker's candidate (unchanged without a ranker or candidates).</summary>
        public Attribution Pick(TextSpan content, QuoteKind kind, Attribution attribution, TextSpan? taggedSource, SpeakerCandidate? ruleChoice)
        {
            if (ranker is null && record is null) return attribution;
            var query = new SourceQuery(content, kind, attribution.Cue?.Span, taggedSource, ruleChoice, PreviousSpeaker(content.Start));
            var (candidates, tagged) = SourceRanker.Candidates(view, query, _taggedSources);
            if (candidates.Count == 0) return attribution;
            var features = SourceRanker.Features(view, query, candidates, tagged, c => resolver.Resolve(c).EntityId,
                ranker?.Mask ?? (1 << SourceRanker.DefaultBits) - 1);
            record?.Invoke(new SourceChoice(content, candidates, features, candidates.FindIndex(c => c.Span == attribution.Candidate?.Span)));
            return ranker is null ? attribution : attribution with { Candidate = candidates[ranker.Best(features)] };
        }

        /// <summary>The speaker of the nearest quotation starting before <paramref name="position"/>.</summary>
        private string? PreviousSpeaker(int position)
        {
            var keys = _speakers.Keys;
            int lo = 0, hi = keys.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (keys[mid] < position) lo = mid + 1;
                else hi = mid;
            }
            return lo > 0 ? _speakers.Values[lo - 1] : null;
        }
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        int s = span.Start, e = span.End;
        while (s < e && (char.IsWhiteSpace(text[s]) || text[s] == ',')) s++;
        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] is ',' or '.')) e--;
        return new TextSpan(s, e);
    }

    /// <summary>
    /// The attribution right next to a quotation. A lead-in ending in a colon or comma ("Trump said: “…”") introduces
    /// the quotation it precedes; otherwise a trailing attribution ("“…,” Trump said") wins.
    /// </summary>
    private static Attribution? Adjacent(DocumentView view, int k)
    {
        var before = BeforeCue(view, k);
        if (before is not null)
        {
            var lead = view.Text[before.Clause.Start..view.Quotes[k].Outer.Start].TrimEnd();
            if (lead.EndsWith(':') || lead.EndsWith(',')) return before;
        }
        return DashAfter(view, k) ?? AfterCue(view, k) ?? before ?? SentenceBefore(view, k);
    }

    /// <summary>
    /// "…, a professor at the university, said of the plan. “…”": a sentence of the same paragraph that ends in a cue
    /// reporting nothing of its own (at most a short tail such as "of the plan" or "on Monday", no "that", no quotation)
    /// introduces the quotation that follows it.
    /// </summary>
    private static Attribution? SentenceBefore(DocumentView view, int k)
    {
        const int MaxTailWords = 4;
        var text = view.Text;
        var q = view.Quotes[k];
        var period = PreviousNonSpace(text, q.Outer.Start);
        if (period <= 0 || period >= q.Outer.Start || text[period] != '.' || text.AsSpan(period, q.Outer.Start - period).Contains('\n')) return null;
        var start = view.SentenceAt(period).Start;
        // A sentence that holds a quotation has its content; what follows is that speaker going on, not a new frame.
        if (k > 0 && view.Quotes[k - 1].Outer.End > start) return null;
        start = Math.Max(start, LastSentenceBreak(text, start, period));
        if (start >= period) return null;
        var region = new TextSpan(start, period);
        var cue = SpeechCues.Find(text, region).LastOrDefault(c => !view.InsideQuote(c.Span.Start));
        if (cue is null || WordCount(text, cue.Span.End, period) > MaxTailWords || ThatRegex().IsMatch(text[cue.Span.End..period])) return null;
        var candidate = NearestSubject(view, new TextSpan(start, cue.Span.Start), cue.Span.Start)
            ?? FirstAfter(view, new TextSpan(cue.Span.End, period));
        return candidate is null ? null : new Attribution(cue, candidate, region);
    }

    [GeneratedRegex(@"\bthat\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThatRegex();

    /// <summary>"“…” — Maria Lopez, 34, teacher": a dash and a name right after a quotation (vox pops, letters, epigraphs).</summary>
    private static Attribution? DashAfter(DocumentView view, int k)
    {
        var text = view.Text;
        var q = view.Quotes[k];
        var i = q.Outer.End;
        while (i < text.Length && text[i] is ' ' or '\t' or '\u00a0') i++;
        if (i >= text.Length || text[i] is not ('―' or '—' or '–')) return null;
        var lineEnd = text.IndexOf('\n', i);
        var region = new TextSpan(i + 1, Math.Min(lineEnd < 0 ? text.Length : lineEnd, i + 1 + 120));
        var candidate = SpeakerCandidates.In(view, region).FirstOrDefault();
        if (candidate is null || WordCount(text, region.Start, candidate.Span.Start) > 0) return null;
        return new Attribution(new CueMatch(new TextSpan(i, i + 1), text[i].ToString(), "—"), candidate, new TextSpan(q.Outer.End, region.End));
    }

    /// <summary>Only punctuation, spaces and at most one paragraph break between the last attribution and this quote.</summary>
    private static bool Continues(string text, int from, int to)
    {
        if (from < 0 || to < from || to - from > 200) return false;
        var gap = text.AsSpan(from, to - from);
        var paragraphs = 0;
        var previousNewline = false;
        foreach (var c in gap)
        {
            if (char.IsLetterOrDigit(c)) return false;
            if (c == '\n' && !previousNewline) paragraphs++;
            previousNewline = c == '\n' || (previousNewline && char.IsWhiteSpace(c));
        }
        return paragraphs <= 1;
    }

    /// <summary>"…,” Trump said." / "…,” said the minister." — a cue right after the closing mark.</summary>
    private static Attribution? AfterCue(DocumentView view, int k)
    {
        var text = view.Text;
        var q = view.Quotes[k];
        var paragraph = view.ParagraphAt(q.Outer.Start);
        var limit = Math.Min(paragraph.End, k + 1 < view.Quotes.Count ? view.Quotes[k + 1].Outer.Start : text.Length);
        var end = ClauseEnd(text, q.Outer.End, limit);
        var region = new TextSpan(q.Outer.End, end);
        if (region.IsEmpty) return null;
        var cue = SpeechCues.Find(text, region).FirstOrDefault();
        if (cue is null || WordCount(text, q.Outer.End, cue.Span.Start) > MaxWordsBeforeCue) return null;
        var innerEnd = LastNonSpace(text, q.Inner);
        var tailWords = WordCount(text, cue.Span.End, end);
        // After a quotation that ends its own sentence ("… win.” Trump said he …) only a bare attribution counts.
        if (innerEnd == '.' && tailWords > 4) return null;
        var before = new TextSpan(q.Outer.End, cue.Span.Start);
        SpeakerCandidate? candidate = null;
        if (string.IsNullOrWhiteSpace(before.Of(text)))
            candidate = FirstAfter(view, new TextSpan(cue.Span.End, end));
        candidate ??= NearestSubject(view, before, cue.Span.Start);
        if (candidate is null && !string.IsNullOrWhiteSpace(before.Of(text))) return null;
        return new Attribution(cue, candidate, region);
    }

    /// <summary>"Trump said: “…”", "Trump wrote on Truth Social, “…”", "Peskov: “…”".</summary>
    private static Attribution? BeforeCue(DocumentView view, int k)
    {
        var text = view.Text;
        var q = view.Quotes[k];
        var paragraph = view.ParagraphAt(q.Outer.Start);
        var floor = paragraph.Start;
        if (string.IsNullOrWhiteSpace(text[paragraph.Start..q.Outer.Start]) && EndsWithColon(text, paragraph.Start))
            floor = view.ParagraphAt(PreviousNonSpace(text, paragraph.Start)).Start; // "X said:" closing the previous paragraph
        var start = Math.Max(floor, Math.Min(q.Outer.Start, view.SentenceAt(PreviousNonSpace(text, q.Outer.Start)).Start));
        if (k > 0) start = Math.Max(start, view.Quotes[k - 1].Outer.End);
        start = Math.Max(start, LastSentenceBreak(text, start, q.Outer.Start));
        var region = new TextSpan(start, q.Outer.Start);
        if (region.IsEmpty) return null;
        var lead = region.Of(text).TrimEnd();
        if (lead.Length == 0) return null;
        var endsWithColon = lead.EndsWith(':');
        var cue = SpeechCues.Find(text, region).LastOrDefault();
        if (cue is not null && (endsWithColon || lead.EndsWith(',') || WordCount(text, cue.Span.End, q.Outer.Start) <= MaxWordsAfterCue)
            && (endsWithColon || lead.EndsWith(',') || EndsWithCueOrThat(lead)))
        {
            var candidate = NearestSubject(view, new TextSpan(start, cue.Span.Start), cue.Span.Start);
            return candidate is null ? null : new Attribution(cue, candidate, region);
        }
        if (endsWithColon)
        {
            // "Peskov: “…”", "Peskov’s answer:" — the speaker nearest before a colon that opens the quotation.
            var colon = start + region.Of(text).LastIndexOf(':');
            var candidate = SpeakerCandidates.In(view, new TextSpan(start, colon)).LastOrDefault();
            if (candidate is not null)
                return new Attribution(new CueMatch(new TextSpan(colon, colon + 1), ":", ":"), candidate, region);
        }
        return null;
    }

    private static int PreviousNonSpace(string text, int position)
    {
        var j = position - 1;
        while (j > 0 && char.IsWhiteSpace(text[j])) j--;
        return Math.Max(0, j);
    }

    private static bool EndsWithColon(string text, int position) => position > 0 && text[PreviousNonSpace(text, position)] == ':';

    private static bool EndsWithCueOrThat(string lead)
    {
        var last = LastWordRegex().Match(lead);
        return last.Success && (last.Value.Equals("that", StringComparison.OrdinalIgnoreCase)
            || SpeechCues.Find(lead, new TextSpan(last.Index, last.Index + last.Length)).Any());
    }

    [GeneratedRegex(@"\p{L}+$")]
    private static partial Regex LastWordRegex();

    /// <summary>For a partial quotation: the speech cue of the reporter's sentence that embeds it.</summary>
    private static Attribution? SentenceCue(DocumentView view, QuotedSpan q)
    {
        var sentence = view.SentenceAt(q.Outer.Start);
        var start = Math.Min(sentence.Start, q.Outer.Start);
        var cues = SpeechCues.Find(view.Text, new TextSpan(start, Math.Max(sentence.End, q.Outer.End)))
            .Where(c => !view.InsideQuote(c.Span.Start)).ToList();
        var cue = cues.LastOrDefault(c => c.Span.End <= q.Outer.Start) ?? cues.FirstOrDefault();
        if (cue is null) return null;
        var candidate = NearestSubject(view, new TextSpan(start, cue.Span.Start), cue.Span.Start);
        return candidate is null ? null : new Attribution(cue, candidate, new TextSpan(start, sentence.End));
    }

    /// <summary>
    /// The subject of a cue: the nearest candidate to its left whose gap to the cue is a few words without a comma
    /// ("Trump also said"), or an appositive (", the Kremlin spokesman, said"). A coordinated verb ("met Putin and
    /// said") does not make the object the subject.
    /// </summary>
    internal static SpeakerCandidate? NearestSubject(DocumentView view, TextSpan region, int cueStart)
    {
        if (region.IsEmpty) return null;
        var candidates = SpeakerCandidates.In(view, region);
        for (var i = candidates.Count - 1; i >= 0; i--)
        {
            var c = candidates[i];
            if (c.Span.End > cueStart) continue;
            var gap = view.Text[c.Span.End..cueStart];
            if (AppositiveGap().IsMatch(gap)) return c;
            if (gap.IndexOfAny([',', ';', ':', '“', '”', '"', '(', ')']) >= 0) continue;
            if (CoordinationGap().IsMatch(gap)) continue;
            if (WordCount(gap) <= 6) return c;
        }
        return null;
    }

    [GeneratedRegex(@"^\s*,\s*[^,;:“”""]{1,100},\s*(?:\S+\s+){0,3}$")]
    private static partial Regex AppositiveGap();

    [GeneratedRegex(@"\b(?:and|but|or|then|before|after|while|as|who|which|that)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CoordinationGap();

    /// <summary>Inverted attribution: the candidate right after the cue, past up to four title words ("said Kremlin spokesman Dmitry Peskov").</summary>
    private static SpeakerCandidate? FirstAfter(DocumentView view, TextSpan region)
    {
        foreach (var c in SpeakerCandidates.In(view, region))
        {
            var gap = view.Text[region.Start..c.Span.Start];
            return TitleGap().IsMatch(gap) ? c : null;
        }
        return null;
    }

    [GeneratedRegex(@"^\s*(?:(?:[A-Z][\p{L}.’'-]*|of|the)\s+){0,4}$")]
    private static partial Regex TitleGap();

    /// <summary>A quotation that stands as a sentence: it opens its sentence (or follows a colon) and starts with a capital.</summary>
    private static bool IsSentenceLike(DocumentView view, QuotedSpan q)
    {
        var text = view.Text;
        var first = q.Inner.Start;
        while (first < q.Inner.End && !char.IsLetterOrDigit(text[first])) first++;
        if (first >= q.Inner.End || !char.IsUpper(text[first]) && !char.IsDigit(text[first])) return false;
        var j = q.Outer.Start - 1;
        while (j >= 0 && text[j] is ' ' or '\t' or '\u00a0') j--;
        return j < 0 || text[j] is '\n' or '.' or '!' or '?' or ':' or '”' or '"' or '»' || view.SentenceAt(q.Outer.Start).Start >= q.Outer.Start;
    }

    /// <summary>
    /// A name or title in quotation marks ("Shark Tank", “Critical Minerals Deal”): every word capitalised (short
    /// function words aside), a few words at most, no sentence punctuation.
    /// </summary>
    internal static bool IsTitleLike(string inner)
    {
        var trimmed = inner.Trim().TrimEnd(',', '.');
        if (trimmed.Length == 0 || trimmed.IndexOfAny(['!', '?', ';', ':']) >= 0) return false;
        var words = trimmed.Split([' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 8) return false;
        return words.All(w => !char.IsLetter(w[0]) || char.IsUpper(w[0]) || w is "of" or "and" or "the" or "for" or "to" or "a" or "an" or "in" or "on" or "with" or "de")
            && char.IsUpper(words[0].FirstOrDefault(char.IsLetter));
    }

    /// <summary>A title-cased sentence: most of its words (outside quotations) start with a capital.</summary>
    private static bool IsHeadline(DocumentView view, QuotedSpan q)
    {
        var sentence = view.SentenceAt(q.Outer.Start);
        int words = 0, capitalised = 0;
        foreach (Match m in WordRegex().Matches(sentence.Of(view.Text)))
        {
            if (view.InsideQuote(sentence.Start + m.Index) || m.Length < 4) continue;
            words++;
            if (char.IsUpper(m.Value[0])) capitalised++;
        }
        return words >= 3 && capitalised * 10 >= words * 8;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordRegex();

    /// <summary>The end of the clause that starts at <paramref name="from"/>: the first sentence break, or the limit.</summary>
    internal static int ClauseEnd(string text, int from, int limit)
    {
        for (var i = from; i < limit; i++)
        {
            var c = text[i];
            if (c is ';' or '!' or '?') return i;
            if (c == '.' && (i + 1 >= limit || char.IsWhiteSpace(text[i + 1])) && !IsAbbreviation(text, i)) return i;
        }
        return limit;
    }

    /// <summary>The position just after the last sentence break in [from, to) — so a cue clause never reaches into the previous sentence.</summary>
    private static int LastSentenceBreak(string text, int from, int to)
    {
        for (var i = to - 1; i >= from; i--)
        {
            var c = text[i];
            if (c is '!' or '?' && i + 1 < to && char.IsWhiteSpace(text[i + 1])) return i + 1;
            if (c == '.' && i + 1 < to && char.IsWhiteSpace(text[i + 1]) && !IsAbbreviation(text, i)) return i + 1;
        }
        return from;
    }

    /// <summary>"U.S.", "Mr.", "Sept." — a period after a capital initial or a short capitalised word.</summary>
    internal static bool IsAbbreviation(string text, int period)
    {
        var j = period - 1;
        while (j >= 0 && char.IsLetter(text[j])) j--;
        var word = text[(j + 1)..period];
        if (word.Length == 1) return true;
        return word is "Mr" or "Mrs" or "Ms" or "Dr" or "Gen" or "Sen" or "Rep" or "Gov" or "Lt" or "Col" or "Sgt" or "St"
            or "Jan" or "Feb" or "Aug" or "Sept" or "Sep" or "Oct" or "Nov" or "Dec" or "Jr" or "Sr" or "No" or "vs" or "Prof";
    }

    internal static int WordCount(string text, int from, int to) => from >= to ? 0 : WordCount(text[from..to]);

    internal static int WordCount(string s)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var w = char.IsLetterOrDigit(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }

    private static char LastNonSpace(string text, TextSpan span)
    {
        for (var i = span.End - 1; i >= span.Start; i--)
            if (!char.IsWhiteSpace(text[i])) return text[i];
        return ' ';
    }

    [GeneratedRegex(@"\s*\n\s*[“""«‘'„]?")]
    private static partial Regex ParagraphFold();

    internal static string FoldParagraphs(string inner) => inner.Contains('\n') ? ParagraphFold().Replace(inner, " ") : inner;
}
