using System.Text.RegularExpressions;
using Dossier.Core.Model;

namespace Dossier.Corpus.Positions;

/// <summary>A stance cue found in text: the words that carry an actor's position, its polarity, and whether negating
/// it leaves the position open ("hasn't committed to") rather than reversing it.</summary>
public readonly record struct Cue(TextSpan Span, Stance Stance, bool Commitment);

/// <summary>
/// Cue lexicons for positions as news reports them: support ("backs", "is on board", "called for"), opposition
/// ("rejected", "ruled out"), conditions ("demands that", "only if", "must") and open positions ("is weighing",
/// "has yet to decide"), plus negation. Written for news in general, not for one conflict.
/// </summary>
public static partial class StanceCues
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(?:support(?:s|ed|ing)?|backs|backed|backing|endors(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|accept(?:s|ed|ing)?|agree(?:s|d)?\s+(?:to|on|with)|on\s+board|in\s+favou?r\s+of|favou?r(?:s|ed)?|approv(?:e|es|ed|ing)|greenl(?:it|ighted|ights?)|embrac(?:e|es|ed|ing)|push(?:es|ed|ing)?\s+for|call(?:s|ed|ing)?\s+for|call(?:s|ed|ing)?\s+on|urg(?:e|es|ed|ing)|seek(?:s|ing)?|sought|want(?:s|ed)?|propos(?:e|es|ed|ing)|pitch(?:es|ed)?|open\s+(?:to|for)|hop(?:e|es|ed|ing)\s+(?:for|to|that)|pursu(?:e|es|ed|ing)|no\s+problem\s+with|no\s+objection|part\s+of\s+(?:a|any|the)\s+(?:\w+\s+)?(?:deal|agreement|settlement)|ready\s+(?:to|for)|willing\s+to|advocat(?:e|es|ed|ing)|champion(?:s|ed|ing)?|press(?:es|ed|ing)\b|press\s+for|persuad(?:e|es|ed|ing)|convinc(?:e|es|ed|ing)|is\s+key)\b", Options, 2000)]
    private static partial Regex SupportCue();

    [GeneratedRegex(@"\b(?:commit(?:s|ted|ting)?\s+to|decid(?:e|es|ed)\s+(?:to|on)|sign(?:s|ed)?\s+(?:on|off|up))\b", Options, 2000)]
    private static partial Regex CommitmentCue();

    [GeneratedRegex(@"\b(?:reject(?:s|ed|ing)?|oppos(?:e|es|ed|ing)|refus(?:e|es|ed|ing)|rul(?:e|es|ed|ing)\s+out|dismiss(?:es|ed|ing)?|object(?:s|ed|ing)?\s+to|objected|against|veto(?:es|ed|ing)?|block(?:s|ed|ing)?|condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|resist(?:s|ed|ing)?|slamm(?:ed|ing)\s+the\s+door\s+on|not\s+budging|unacceptable|red\s+line|fair\s+game|warn(?:s|ed|ing)?\s+against)\b", Options, 2000)]
    private static partial Regex OpposeCue();

    [GeneratedRegex(@"\b(?:must|demand(?:s|ing)?\s+(?:that|to)|demanded|insist(?:s|ed|ing)?(?:\s+that|\s+on)?|only\s+if|on\s+condition\s+that|provided\s+that|as\s+long\s+as|unless|in\s+return\s+for|in\s+exchange\s+for|condition(?:s|ed)?\s+on|contingent\s+on|hing(?:e|es|ed|ing)\s+on|requir(?:e|es|ed|ing)|would\s+(?:need|have)\s+to)\b", Options, 2000)]
    private static partial Regex ConditionalCue();

    [GeneratedRegex(@"\b(?:undecided|weigh(?:s|ed|ing)?|consider(?:s|ed|ing)?|mull(?:s|ed|ing)?|yet\s+to\s+(?:decide|commit|agree|respond)|noncommittal|non-committal|declin(?:e|es|ed|ing)\s+to\s+(?:say|commit|comment)|unclear|reviewing|studying|hesitant|on\s+the\s+fence|no\s+decision|keep(?:s|ing)?\s+(?:its|his|her|their)\s+options\s+open)\b", Options, 2000)]
    private static partial Regex UndecidedCue();

    [GeneratedRegex(@"\b(?:not|never|no|neither|nor|without|\w+n['’]t|cannot|refus(?:e|es|ed|ing)\s+to|fail(?:s|ed|ing)?\s+to)\b", Options, 2000)]
    public static partial Regex Negation();

    /// <summary>Words that make what follows hypothetical or someone else's wish: "if Russia agrees", "persuading
    /// Putin to back". A cue right after them says nothing about the actor's own position.</summary>
    [GeneratedRegex(@"\b(?:if|whether|before|until|unless|once|persuad\w*|convinc\w*|urg\w*|press\w*|push\w*|ask\w*|want\w*|get(?:ting)?|call(?:s|ed|ing)?\s+on)\s*$", Options, 2000)]
    public static partial Regex Hypothetical();

    [GeneratedRegex(@"\byet\b", Options, 2000)]
    public static partial Regex Yet();

    /// <summary>Words that bar or keep out what follows ("bar Ukraine from NATO"): a demand against it.</summary>
    [GeneratedRegex(@"\b(?:bar|bars|barring|exclude|excludes|excluding|prevent|preventing|no|keep\w*\s+\w+\s+out\s+of|block|blocking|ban|banning|rule\s+out)\b[^.;]{0,40}$", Options, 2000)]
    public static partial Regex DemandAgainst();

    /// <summary>All cues in text[start..end), earliest first; where two overlap the longer one wins.</summary>
    public static List<Cue> Find(string text, int start, int end)
    {
        var found = new List<Cue>();
        var segment = text[start..end];
        try
        {
            Collect(found, SupportCue(), segment, start, Stance.Support, false);
            Collect(found, CommitmentCue(), segment, start, Stance.Support, true);
            Collect(found, OpposeCue(), segment, start, Stance.Oppose, false);
            Collect(found, ConditionalCue(), segment, start, Stance.Conditional, false);
            Collect(found, UndecidedCue(), segment, start, Stance.Undecided, false);
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
        var kept = new List<Cue>();
        foreach (var c in found.OrderByDescending(c => c.Span.Length).ThenBy(c => c.Span.Start))
            if (!kept.Any(k => k.Span.Overlaps(c.Span))) kept.Add(c);
        kept.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return kept;
    }

    private static void Collect(List<Cue> found, Regex regex, string segment, int offset, Stance stance, bool commitment)
    {
        foreach (Match m in regex.Matches(segment))
            found.Add(new Cue(new TextSpan(offset + m.Index, offset + m.Index + m.Length), stance, commitment));
    }
}
