using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Dossier.Core.Model;

namespace Dossier.Attribution.Quotes;

/// <summary>A speech cue found in the text: the verb (or phrase) and its lemma.</summary>
public sealed record CueMatch(TextSpan Span, string Text, string Lemma)
{
    /// <summary>Cues that take a reported clause ("X said that …"), as opposed to ones that only frame a quotation.</summary>
    public bool TakesClause => SpeechCues.ClauseVerbs.Contains(Lemma);
}

/// <summary>
/// The verbs and phrases by which news reports attribute speech. Forms are listed explicitly (no stemmer) so the
/// lexicon is easy to read and extend.
/// </summary>
public static partial class SpeechCues
{
    // lemma: forms. The first group takes a reported clause; the second only frames quotations.
    private static readonly string[] ClauseCueForms =
    [
        "say: say says said saying",
        "tell: tell tells told telling",
        "write: write writes wrote written writing",
        "post: posted posts",
        "tweet: tweet tweets tweeted tweeting",
        "state: states stated stating",
        "add: add adds added adding",
        "emphasize: emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising",
        "stress: stresses stressed stressing",
        "claim: claim claims claimed claiming",
        "warn: warn warns warned warning",
        "announce: announce announces announced announcing",
        "note: notes noted noting",
        "argue: argue argues argued arguing",
        "insist: insist insists insisted insisting",
        "explain: explain explains explained explaining",
        "declare: declare declares declared declaring",
        "suggest: suggest suggests suggested suggesting",
        "acknowledge: acknowledge acknowledges acknowledged acknowledging",
        "admit: admit admits admitted admitting",
        "confirm: confirm confirms confirmed confirming",
        "deny: deny denies denied denying",
        "assert: assert asserts asserted asserting",
        "contend: contend contends contended contending",
        "maintain: maintains maintained",
        "predict: predict predicts predicted predicting",
        "promise: promised promises",
        "pledge: pledged pledges",
        "vow: vow vows vowed vowing",
        "allege: allege alleges alleged alleging",
        "reveal: reveals revealed",
        "report: reports reported reporting",
        "conclude: concluded concludes",
        "indicate: indicated indicates",
        "signal: signaled signalled signals",
        "believe: believe believes believed",
        "think: thinks thought",
        "hope: hopes hoped",
        "fear: fears feared",
        "complain: complain complains complained complaining",
        "recall: recalled recalls",
        "reply: replied replies",
        "respond: responded responds",
        "answer: answered answers",
        "testify: testified testifies",
        "concede: conceded concedes",
        "boast: boasted boasts",
        "reiterate: reiterated reiterates",
        "estimate: estimated estimates",
        "hint: hinted hints",
        "agree: agreed agrees",
        "point out: pointed out points out",
        "make clear: made clear makes clear",
        "according to: according to",
    ];

    private static readonly string[] FrameCueForms =
    [
        "ask: ask asks asked asking",
        "call: called calls calling",
        "describe: described describes describing",
        "urge: urged urges",
        "continue: continued continues",
        "quip: quipped quips",
        "joke: joked jokes",
        "exclaim: exclaimed exclaims",
        "shout: shouted shouts",
        "remark: remarked remarks",
        "observe: observed observes",
        "go on: went on goes on",
        "interrupt: interrupted interrupts",
        "wonder: wondered wonders",
        "demand: demanded demands",
        "counter: countered counters",
        "retort: retorted retorts",
        "scoff: scoffed scoffs",
        "lament: lamented laments",
        "mock: mocked mocks",
        "tout: touted touts",
        "quote: quoted quotes",
        "recount: recounted recounts",
        "put it: put it",
        "read: reads read",
        "chant: chanted chants",
        "cry: cried cries",
        "yell: yelled yells",
        "whisper: whispered whispers",
        "summarize: summarized summarised",
    ];

    private static readonly FrozenDictionary<string, string> FormToLemma = BuildForms();

    internal static FrozenSet<string> ClauseVerbs { get; } =
        ClauseCueForms.Select(l => l[..l.IndexOf(':')]).ToFrozenSet();

    private static FrozenDictionary<string, string> BuildForms()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ClauseCueForms.Concat(FrameCueForms))
        {
            var lemma = line[..line.IndexOf(':')];
            var rest = line[(line.IndexOf(':') + 1)..];
            // A two-word lemma lists two-word forms ("made clear makes clear").
            var forms = lemma.Contains(' ') ? SplitPhrases(rest) : rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var form in forms) map[form.Trim()] = lemma;
        }
        return map.ToFrozenDictionary();
    }

    /// <summary>"pointed out points out" → "pointed out", "points out" (phrases of two words).</summary>
    private static IEnumerable<string> SplitPhrases(string rest)
    {
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var k = 0; k + 1 < words.Length; k += 2) yield return words[k] + " " + words[k + 1];
    }

    [GeneratedRegex(@"\b(?:according\s+to|(?:point(?:ed|s)?|made|makes)\s+(?:out|clear)|(?:went|goes)\s+on|put\s+it)\b|\b\p{L}+\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WordRegex();

    /// <summary>All cues inside <paramref name="span"/>, left to right.</summary>
    public static IEnumerable<CueMatch> Find(string text, TextSpan span)
    {
        if (span.IsEmpty) yield break;
        foreach (Match m in WordRegex().Matches(text.Substring(span.Start, span.Length)))
        {
            var key = Regex.Replace(m.Value.ToLowerInvariant(), @"\s+", " ");
            if (!FormToLemma.TryGetValue(key, out var lemma)) continue;
            if (IsNounUse(text, span.Start + m.Index, key)) continue;
            yield return new CueMatch(new TextSpan(span.Start + m.Index, span.Start + m.Index + m.Length), m.Value, lemma);
        }
    }

    /// <summary>
    /// "the report", "a warning", "his claims", "in a post": forms that are also nouns act as verbs only when no
    /// determiner or possessive stands right before them.
    /// </summary>
    private static bool IsNounUse(string text, int start, string form)
    {
        if (form is "said" or "says" or "told" or "according to" or "wrote") return false;
        var before = PreviousWord(text, start);
        return before is "a" or "an" or "the" or "his" or "her" or "their" or "its" or "our" or "my" or "this" or "that"
            or "these" or "those" or "no" or "any" or "some" or "such" or "new" or "latest" or "recent" or "first";
    }

    internal static string PreviousWord(string text, int start)
    {
        var j = start - 1;
        while (j >= 0 && char.IsWhiteSpace(text[j])) j--;
        var end = j + 1;
        while (j >= 0 && char.IsLetter(text[j])) j--;
        return text[(j + 1)..end].ToLowerInvariant();
    }
}
