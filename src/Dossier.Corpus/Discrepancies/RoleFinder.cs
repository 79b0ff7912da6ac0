using System.Collections.Frozen;
using Dossier.Core.Model;
using Dossier.Corpus.Shared;

namespace Dossier.Corpus.Discrepancies;

/// <summary>A title a report gives an entity right before naming it ("Former U.S. President Donald Trump"):
/// the title ("president"), whether it is marked as past ("former", "ex-", "then-"), and the span of those words.</summary>
public sealed record RoleMention(string EntityId, string Title, bool Past, TextSpan Span, Document Doc);

/// <summary>Reads the title words that precede entity mentions. General news usage: a chain of title words,
/// nationality or organisation words and "of", optionally opened by a modifier that puts the role in the past.</summary>
public static class RoleFinder
{
    private static readonly FrozenSet<string> TitleWords = new[]
    {
        "president", "vice", "prime", "minister", "chancellor", "secretary", "senator", "governor", "mayor", "king",
        "queen", "prince", "pope", "general", "admiral", "envoy", "ambassador", "spokesman", "spokeswoman", "spokesperson",
        "adviser", "advisor", "chairman", "chairwoman", "ceo", "director", "commander", "leader", "chief", "premier",
        "speaker", "representative", "judge", "justice", "attorney", "deputy", "foreign", "defense", "defence", "state",
        "interior", "finance", "treasury", "security", "national", "special", "sen", "rep", "gov", "gen", "pres",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that are title heads on their own (the role), as opposed to qualifiers ("foreign", "deputy").</summary>
    private static readonly FrozenSet<string> HeadWords = new[]
    {
        "president", "minister", "chancellor", "secretary", "senator", "governor", "mayor", "king", "queen", "prince",
        "pope", "general", "admiral", "envoy", "ambassador", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor",
        "chairman", "chairwoman", "ceo", "director", "commander", "leader", "chief", "premier", "speaker", "representative",
        "judge", "justice", "attorney",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PastModifiers = new[]
    {
        "former", "ex", "late", "outgoing", "ousted", "deposed", "erstwhile", "onetime", "one-time",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static IEnumerable<RoleMention> Find(Document doc)
    {
        var sentences = TextUnits.Sentences(doc);
        foreach (var e in doc.Layer(Layers.Entities))
        {
            if (e.Label != EntityLabel.PER) continue;
            var sentence = SpanIndex.Containing(sentences, e.Span.Start) ?? default;
            var from = Math.Max(sentence.IsEmpty ? 0 : sentence.Start, e.Span.Start - 80);
            var words = Words.Tokenize(doc.Text, from, e.Span.End);
            // Walk back from the name over title words, capitalised qualifiers ("U.S.", "Russian") and "of".
            var titles = new List<Word>();
            var past = false;
            var start = -1;
            for (var i = words.Count - 1; i >= 0; i--)
            {
                var w = words[i];
                var insideName = w.Start >= e.Span.Start;
                var norm = w.Norm.Trim('.');
                if (TitleWords.Contains(norm)) { titles.Add(w); start = w.Start; continue; }
                // "then-President": "then" marks a past role only when hyphenated to the title.
                var glued = norm == "then" && w.End < doc.Text.Length && doc.Text[w.End] == '-';
                if (PastModifiers.Contains(norm) || glued) { past = true; start = w.Start; continue; }
                if (insideName) continue;
                if (titles.Count > 0 && (w.Capitalised || norm == "of" || norm == "the")) continue;
                break;
            }
            var head = titles.Select(t => t.Norm.Trim('.')).FirstOrDefault(HeadWords.Contains);
            if (head is null) continue;
            yield return new RoleMention(e.EntityId ?? e.Text.ToLowerInvariant(), head, past, new TextSpan(start, e.Span.End), doc);
        }
    }
}
