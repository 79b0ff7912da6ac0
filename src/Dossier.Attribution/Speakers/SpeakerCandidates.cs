using System.Text.RegularExpressions;
using Dossier.Core.Model;

namespace Dossier.Attribution.Speakers;

public enum CandidateKind
{
    /// <summary>A named entity mention (a person, organisation, state or its metonym such as "the Kremlin").</summary>
    Entity,
    /// <summary>he, she, they; I and we (outside quotations: the writer of an opinion piece or first-person report).</summary>
    Pronoun,
    /// <summary>"the president", "his administration", "the foreign minister".</summary>
    Description,
    /// <summary>"officials", "a source familiar with the talks": deliberately unnamed.</summary>
    Unnamed,
}

/// <summary>A phrase that could be the speaker of a cue.</summary>
public sealed record SpeakerCandidate(TextSpan Span, string Text, CandidateKind Kind, EntityMention? Entity = null);

/// <summary>Finds the phrases in a stretch of text that could name a speaker.</summary>
public static partial class SpeakerCandidates
{
    // Role nouns a description can end in: people and the institutions that speak for them.
    internal const string RoleNouns =
        "president|vice president|prime minister|minister|chancellor|premier|spokesman|spokeswoman|spokesperson|envoy|" +
        "ambassador|secretary|leader|administration|government|ministry|department|kremlin|white house|official|" +
        "general|commander|governor|mayor|senator|lawmaker|congressman|congresswoman|king|queen|pope|diplomat|" +
        "negotiator|adviser|advisor|aide|chief|campaign|agency|office|army|military|foreign ministry|cabinet|" +
        "chairman|chairwoman|director|founder|ceo|candidate|nominee|judge|prosecutor|spokespeople|statement";

    [GeneratedRegex(@"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:(?:[A-Z][\p{L}.-]*|former|new|top|chief|senior|deputy|foreign|prime|defen[cs]e|interior|finance|state|press|then|current|outgoing|incoming|acting|vice|country's|country’s|nation's|nation’s)\s+){0,3}(?:" + RoleNouns + @")\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DescriptionRegex();

    [GeneratedRegex(@"\b(?:(?:[Aa]n?|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Aa]nother|[Tt]he|[Oo]ne|[Mm]ost)\s+)?(?:(?:senior|top|high-ranking|U\.S\.|US|[A-Z][a-z]+|administration|government|military|intelligence|diplomatic|defen[cs]e|unnamed|anonymous|informed|knowledgeable|local|Western|European|American|Russian|Ukrainian|campaign|party|other)\s+){0,3}(?:sources?|officials?|diplomats?|people|persons?|insiders?|aides?|analysts?|experts?|observers?|critics?|residents?|witnesses?)\b(?:\s+(?:familiar|close|with\s+knowledge|briefed|speaking)\b[^,.;:“”""]*)?", RegexOptions.CultureInvariant)]
    private static partial Regex UnnamedRegex();

    /// <summary>Groups that speak as one in the news ("the senators", "some Republicans", "environmental groups").</summary>
    [GeneratedRegex(@"\b(?:(?:[Tt]he|[Tt]hese|[Tt]hose|[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|[Oo]ther|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts|[Bb]oth)\s+)?(?:(?:[A-Z][\p{L}.-]*|environmental|civil|human|conservative|liberal|progressive|local|state|federal|foreign|senior|top|prominent|leading)\s+){0,2}(?:senators|lawmakers|legislators|governors|mayors|voters|lawyers|attorneys|activists|advocates|supporters|opponents|protesters|economists|scientists|researchers|scholars|historians|leaders|Republicans|Democrats|conservatives|liberals|groups|organizations|investigators|prosecutors|regulators|advisers|advisors|aides|officials|spokespeople|candidates|nominees|ministers|diplomats)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GroupRegex();

    [GeneratedRegex(@"\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PronounRegex();

    /// <summary>Candidates inside <paramref name="span"/> (outside quotations), left to right; an entity wins over a
    /// description or unnamed phrase that overlaps it.</summary>
    public static List<SpeakerCandidate> In(DocumentView view, TextSpan span)
    {
        var result = new List<SpeakerCandidate>();
        if (span.IsEmpty) return result;
        foreach (var e in view.EntitiesIn(span))
        {
            if (IsSpeakerEntity(e) && !view.InsideQuote(e.Span.Start)) result.Add(new SpeakerCandidate(e.Span, e.Text, CandidateKind.Entity, e));
        }
        var local = span.Of(view.Text);
        AddMatches(view, span, local, PronounRegex(), CandidateKind.Pronoun, result);
        AddMatches(view, span, local, DescriptionRegex(), CandidateKind.Description, result);
        AddMatches(view, span, local, UnnamedRegex(), CandidateKind.Unnamed, result);
        AddMatches(view, span, local, GroupRegex(), CandidateKind.Description, result);
        result.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.End.CompareTo(a.Span.End));
        return result;
    }

    /// <summary>
    /// The candidate a source phrase stands for (the tagger marks phrases as PolNeAR's annotators do): a person's name
    /// inside it first ("U.S. Special Envoy Steve Witkoff" is Witkoff, not the U.S.), else the widest candidate inside
    /// ("Russian officials" rather than "Russian"), else a relative pronoun speaking for the phrase before it, else the
    /// phrase itself as a description ("the poll", "a new report").
    /// </summary>
    public static SpeakerCandidate FromPhrase(DocumentView view, TextSpan phrase)
    {
        var inside = In(view, phrase);
        return inside.FirstOrDefault(c => c.Entity?.Label == EntityLabel.PER)
            ?? inside.OrderByDescending(c => c.Span.Length).FirstOrDefault()
            ?? RelativePronoun(view, phrase)
            ?? new SpeakerCandidate(phrase, phrase.Of(view.Text), CandidateKind.Description);
    }

    /// <summary>
    /// "…European countries, who have supported Ukraine…": a relative pronoun speaks for the phrase it follows. The
    /// candidate keeps the pronoun's place (as a resolved "he" does) and takes the name of the nearest candidate
    /// before it in the sentence.
    /// </summary>
    private static SpeakerCandidate? RelativePronoun(DocumentView view, TextSpan source)
    {
        if (source.Of(view.Text).Trim().ToLowerInvariant() is not ("who" or "which" or "that")) return null;
        var sentence = view.SentenceAt(source.Start);
        var antecedent = In(view, new TextSpan(sentence.Start, source.Start)).LastOrDefault();
        return antecedent is null ? null : antecedent with { Span = source };
    }

    public static bool IsSpeakerEntity(EntityMention e) =>
        e.Label is EntityLabel.PER or EntityLabel.ORG || e.Type is "GPE" or "NORP" || (e.Label == EntityLabel.LOC && e.EntityId is not null);

    private static void AddMatches(DocumentView view, TextSpan span, string local, Regex regex, CandidateKind kind, List<SpeakerCandidate> result)
    {
        foreach (Match m in regex.Matches(local))
        {
            var s = new TextSpan(span.Start + m.Index, span.Start + m.Index + m.Length);
            if (view.InsideQuote(s.Start)) continue;
            // An overlapping entity is the better name ("the Kremlin" as RUS); an unnamed phrase that contains a
            // named entity ("Russian officials" with "Russian" tagged) stays unnamed.
            if (kind != CandidateKind.Unnamed && result.Any(r => r.Kind == CandidateKind.Entity && r.Span.Overlaps(s))) continue;
            if (kind == CandidateKind.Unnamed) result.RemoveAll(r => r.Kind == CandidateKind.Entity && s.Contains(r.Span) && r.Entity?.Label != EntityLabel.PER);
            if (result.Any(r => r.Span.Overlaps(s) && r.Kind != CandidateKind.Entity)) continue;
            result.Add(new SpeakerCandidate(s, m.Value, kind));
        }
    }
}
