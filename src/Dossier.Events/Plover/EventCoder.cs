using System.Text.RegularExpressions;
using Dossier.Core.Model;

namespace Dossier.Events.Plover;

/// <summary>
/// Sentence-level PLOVER coding: lexicon triggers, then the actor that is the trigger's subject (source), its object or
/// "with X" partner (target), a date, a location, auxiliary contexts (negation, future, hypothetical) and a confidence.
/// </summary>
public sealed partial class EventCoder(PloverLexicon lexicon)
{
    public static EventCoder Default { get; } = new(PloverLexicon.Default);

    /// <summary>Categories that PLOVER says require a recipient; without one the event is less certain.</summary>
    private static readonly HashSet<string> NeedsRecipient = ["COOPERATE", "AID", "SANCTION"];

    /// <summary>Verbal categories that take an infinitive naming what is threatened, requested, promised or refused.</summary>
    private static readonly HashSet<string> Governing = ["THREATEN", "REQUEST", "AGREE", "REJECT"];

    internal readonly record struct Word(TextSpan Span, string Lower);

    private readonly record struct Hit(int First, int Last, TriggerPattern Pattern);

    public IReadOnlyList<EventMention> Code(Document document)
    {
        var text = document.Text;
        var entities = document.Layer(Layers.Entities);
        var times = document.Layer(Layers.Times);
        var published = document.Metadata.Published?.ToString("yyyy-MM-dd", null);
        var result = new List<EventMention>();
        var e = 0;
        foreach (var sentence in document.Layer(Layers.Sentences))
        {
            while (e < entities.Length && entities[e].Span.End <= sentence.Span.Start) e++;
            var inSentence = new List<EntityMention>();
            for (var k = e; k < entities.Length && entities[k].Span.Start < sentence.Span.End; k++)
                if (sentence.Span.Contains(entities[k].Span)) inSentence.Add(entities[k]);
            result.AddRange(CodeSentence(text, sentence.Span, inSentence, times, published));
        }
        return result;
    }

    /// <summary>Codes one sentence; <paramref name="entities"/> are the entity mentions inside it.</summary>
    public IEnumerable<EventMention> CodeSentence(string text, TextSpan sentence, IReadOnlyList<EntityMention> entities,
        IReadOnlyList<TimeExpression> times, string? published)
    {
        if (sentence.IsEmpty) yield break;
        var words = Words(text, sentence);
        var hits = Select(Match(text, words));
        var seen = new HashSet<string>();
        var date = DateOf(times, sentence) ?? published;
        var location = LocationOf(text, entities);
        foreach (var (hit, governed) in hits)
        {
            var pattern = hit.Pattern;
            // A "-" pattern is a known non-event ("killed in an accident", a plain statement): it wins its words and codes nothing.
            if (pattern.Type is CameoLexiconGenerator.NoEvent or CameoLexiconGenerator.NotPlover || !seen.Add(pattern.Type)) continue;
            var trigger = new TextSpan(words[hit.First].Span.Start, words[hit.Last].Span.End);
            var (source, target) = Actors(text, words, hit, entities, location?.Span);
            var contexts = new List<string>();
            if (pattern.Context is not null) contexts.AddRange(pattern.Context.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            var auxiliary = Auxiliary(words, hit.First);
            if (auxiliary is not null) contexts.Add(auxiliary);
            var mode = pattern.Mode ?? (governed is null ? null : ModeFor(pattern.Type, governed.Type));
            var confidence = 0.4
                + (source is { EntityId: not "UNK" } ? 0.25 : 0)
                + (target is not null ? 0.1 : 0)
                + (pattern.Slots.Count > 1 ? 0.1 : 0)
                - (NeedsRecipient.Contains(pattern.Type) && target is null ? 0.15 : 0)
                - (auxiliary is "negation" or "hypothetical" ? 0.2 : 0);
            yield return new EventMention(sentence, pattern.Type, mode ?? "", source ?? new ActorRef("UNK", "", null), target,
                date, location?.Text, Math.Round(Math.Clamp(confidence, 0.05, 0.95), 2),
                contexts.Count == 0 ? null : string.Join(";", contexts.Distinct()), trigger.Of(text));
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex WordRegex();

    internal static List<Word> Words(string text, TextSpan span)
    {
        var words = new List<Word>();
        foreach (Match m in WordRegex().Matches(text, span.Start))
        {
            if (m.Index >= span.End) break;
            var lower = m.Value.ToLowerInvariant().Replace('’', '\'');
            if (lower.EndsWith("'s")) lower = lower[..^2];
            words.Add(new Word(new TextSpan(m.Index, Math.Min(span.End, m.Index + m.Length)), lower));
        }
        return words;
    }

    private IEnumerable<Hit> Match(string text, List<Word> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            // A capitalised trigger word inside a sentence is a name ("in March", "Strike Force"), not an event.
            if (i > 0 && char.IsUpper(text[words[i].Span.Start])) continue;
            foreach (var pattern in lexicon.StartingWith(words[i].Lower))
            {
                var last = MatchFrom(words, i + 1, pattern.Slots, 1);
                if (last >= 0) yield return new Hit(i, last == int.MaxValue ? i : last, pattern);
            }
        }
    }

    /// <summary>Matches slots from <paramref name="slot"/> on at word <paramref name="at"/>; returns the last word
    /// index matched (int.MaxValue when nothing more was needed), or -1.</summary>
    private static int MatchFrom(List<Word> words, int at, IReadOnlyList<System.Collections.Frozen.FrozenSet<string>?> slots, int slot)
    {
        if (slot == slots.Count) return int.MaxValue;
        var set = slots[slot];
        if (set is null)
        {
            for (var skip = 0; skip <= PloverLexicon.MaxGap && at + skip < words.Count; skip++)
            {
                var r = MatchFrom(words, at + skip, slots, slot + 1);
                if (r >= 0) return r == int.MaxValue ? at + skip - 1 : r;
            }
            return -1;
        }
        if (at >= words.Count || !set.Contains(words[at].Lower)) return -1;
        var rest = MatchFrom(words, at + 1, slots, slot + 1);
        return rest == int.MaxValue ? at : rest;
    }

    /// <summary>
    /// Keeps one pattern where matches overlap (see <see cref="Better"/>); an event named in the infinitive of a governing verb ("threatened
    /// to strike", "refused to withdraw") is folded into that verb's mode instead of standing alone.
    /// </summary>
    private static List<(Hit Hit, TriggerPattern? Governed)> Select(IEnumerable<Hit> hits)
    {
        var ordered = hits.OrderBy(h => h.First).ThenBy(h => h.Pattern.Derived).ThenByDescending(h => h.Pattern.Slots.Count).ThenByDescending(h => h.Last - h.First).ToList();
        var kept = new List<Hit>();
        foreach (var h in ordered)
        {
            var overlap = kept.FindIndex(k => h.First <= k.Last && k.First <= h.Last);
            if (overlap < 0) kept.Add(h);
            else if (Better(h.Pattern, kept[overlap].Pattern)) kept[overlap] = h;
        }
        var result = new List<(Hit, TriggerPattern?)>();
        for (var i = 0; i < kept.Count; i++)
        {
            var h = kept[i];
            var governed = i + 1 < kept.Count && Governing.Contains(h.Pattern.Type) && kept[i + 1].First - h.Last <= 3 ? kept[i + 1] : (Hit?)null;
            result.Add((h, governed?.Pattern));
            if (governed is not null) i++;
        }
        return result;
    }

    /// <summary>
    /// A hand-written pattern beats a derived one, except a longer derived non-event (a known discard such as
    /// "killed in an accident"); otherwise the one with more words wins.
    /// </summary>
    private static bool Better(TriggerPattern candidate, TriggerPattern kept)
    {
        if (candidate.Derived == kept.Derived) return candidate.Slots.Count > kept.Slots.Count;
        var derived = candidate.Derived ? candidate : kept;
        var hand = candidate.Derived ? kept : candidate;
        var derivedWins = derived.Type == CameoLexiconGenerator.NoEvent && derived.Slots.Count > hand.Slots.Count;
        return candidate.Derived == derivedWins;
    }

    /// <summary>The mode of a verbal event from what it governs (PLOVER's REQUEST/REJECT modes and THREATEN modes).</summary>
    private static string? ModeFor(string type, string governed) => type switch
    {
        "THREATEN" => governed switch
        {
            "ASSAULT" => "violence",
            "COERCE" or "SANCTION" => "restrict",
            "RETREAT" => "relations",
            _ => null,
        },
        "REQUEST" or "REJECT" => governed switch
        {
            "CONSULT" => "meet",
            "AID" or "COOPERATE" or "SUPPORT" => "assist",
            "RETREAT" or "CONCEDE" => "yield",
            _ => "change",
        },
        _ => null,
    };

    /// <summary>PLOVER's auxiliary modes, read from the words just before the trigger.</summary>
    private static string? Auxiliary(List<Word> words, int trigger)
    {
        for (var k = trigger - 1; k >= 0 && k >= trigger - 4; k--)
        {
            var w = words[k].Lower;
            if (w is "not" or "never" or "no" || w.EndsWith("n't") || w is "refused" or "declined" or "failed") return "negation";
            if (w is "would" or "could" or "might" or "if") return "hypothetical";
            if (w is "will" or "shall" || w == "to" && k > 0 && words[k - 1].Lower is "plans" or "planned" or "going" or "set" or "expected" or "scheduled") return "future";
        }
        return null;
    }

    private static readonly HashSet<string> ByPassive = ["was", "were", "been", "being", "is", "are"];

    /// <summary>Source: the actor before the trigger (or after "by" in a passive); target: the first other actor after it.</summary>
    private static (ActorRef? Source, ActorRef? Target) Actors(string text, List<Word> words, Hit hit, IReadOnlyList<EntityMention> entities, TextSpan? location)
    {
        var triggerStart = words[hit.First].Span.Start;
        var triggerEnd = words[hit.Last].Span.End;
        var actors = entities.Where(e => ActorSectors.IsActor(e) && e.Span != location).ToList();
        var before = actors.LastOrDefault(e => e.Span.End <= triggerStart);
        var after = actors.Where(e => e.Span.Start >= triggerEnd).ToList();
        var passive = hit.First > 0 && ByPassive.Contains(words[hit.First - 1].Lower);
        if (passive)
        {
            var agent = after.FirstOrDefault(e => Regex.IsMatch(text[triggerEnd..e.Span.Start], @"\bby\s+(?:the\s+)?$"));
            if (agent is not null)
                return (ActorSectors.Ref(text, agent), before is null ? null : ActorSectors.Ref(text, before));
        }
        var source = before is not null ? ActorSectors.Ref(text, before) : ActorSectors.Generic(text, words, hit.First);
        var target = after.FirstOrDefault(e => before is null || ActorSectors.Key(e) != ActorSectors.Key(before));
        return (source, target is null ? null : ActorSectors.Ref(text, target));
    }

    /// <summary>The first date expression in the sentence with a calendar value (YYYY, YYYY-MM, YYYY-MM-DD).</summary>
    private static string? DateOf(IReadOnlyList<TimeExpression> times, TextSpan sentence) =>
        times.FirstOrDefault(t => sentence.Contains(t.Span) && t.Type == TimexType.DATE && t.Value is { Length: >= 4 } v
            && char.IsDigit(v[0]) && char.IsDigit(v[3]))?.Value;

    /// <summary>A place named after "in", "at" or "near".</summary>
    private static EntityMention? LocationOf(string text, IReadOnlyList<EntityMention> entities) =>
        entities.FirstOrDefault(e => e.Label == EntityLabel.LOC || e.Type is "GPE" or "LOC" or "FAC"
            ? Regex.IsMatch(text[Math.Max(0, e.Span.Start - 12)..e.Span.Start], @"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)
            : false);
}
