using System.Collections.Frozen;
using Dossier.Core.Model;

namespace Dossier.Language.Actors;

/// <summary>A title written before a name ("Secretary of State", "Deputy Foreign Minister"), with its span.</summary>
public sealed record TitleMatch(TextSpan Span, string Title);

/// <summary>
/// Finds the title in front of a person's name, the way news writes it: a run of title words right before the name,
/// where capitalised words are allowed only after "of"/"for" ("Secretary of Homeland Security Kristi Noem"), and
/// at least one word is a head noun (president, minister, adviser…). A nationality in front of the title
/// ("Russian President") is not part of the title: the caller reads it as the role's country.
/// </summary>
public static class Titles
{
    /// <summary>Nouns that make a run of words a title.</summary>
    private static readonly FrozenSet<string> Heads = new[]
    {
        "president", "president-elect", "vice-president", "minister", "secretary", "secretary-general", "adviser", "advisor",
        "envoy", "ambassador", "chancellor", "spokesman", "spokeswoman", "spokesperson", "senator", "sen.", "rep.",
        "representative", "congressman", "congresswoman", "lawmaker", "governor", "gov.", "mayor", "general", "gen.",
        "admiral", "adm.", "colonel", "col.", "lieutenant", "lt.", "sergeant", "sgt.", "captain", "capt.", "major",
        "maj.", "king", "queen", "prince", "princess", "pope", "chief", "director", "chairman", "chairwoman", "chair",
        "ceo", "commissioner", "premier", "leader", "speaker", "judge", "justice", "aide", "negotiator", "diplomat",
        "attorney", "prosecutor", "commander", "emir", "sheikh", "sultan", "ayatollah", "counsel", "mp", "candidate",
        "analyst", "professor", "prof.", "economist", "founder", "executive", "official", "officer", "head", "coach",
        "czar", "tsar", "mediator", "correspondent", "editor", "reporter", "strategist", "nominee", "deputy", "cardinal",
        "archbishop", "bishop", "rabbi", "imam", "patriarch", "chancellor",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that qualify a head in a title.</summary>
    private static readonly FrozenSet<string> Modifiers = new[]
    {
        "vice", "prime", "deputy", "foreign", "defense", "defence", "national", "security", "state", "special", "acting",
        "interim", "senior", "top", "first", "assistant", "associate", "homeland", "affairs", "finance", "financial",
        "interior", "trade", "economy", "economic", "energy", "health", "education", "press", "presidential", "lead",
        "peace", "supreme", "military", "army", "navy", "air", "force", "joint", "chiefs", "staff", "cabinet", "white",
        "house", "senate", "majority", "minority", "opposition", "parliamentary", "executive", "general", "treasury",
        "intelligence", "policy", "foreign-policy", "communications", "chief", "lady", "crown", "grand", "high",
        "u.n.", "un", "nato", "eu", "kremlin", "pentagon", "government", "party", "republican", "democratic", "labour",
        "conservative", "regional", "federal", "central", "bank", "agriculture", "justice", "transport", "culture",
        "sports", "environment", "climate", "commerce", "labor", "veterans", "war", "emergency", "digital", "technology",
        "ukraine", "middle", "east", "mideast", "russia", "china", "africa", "europe", "asia", "american",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Connectors = new[] { "of", "for", "the", "and", "on" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that mark the role as past ("former President"): kept in the title, so a role is never overstated.</summary>
    private static readonly FrozenSet<string> Tense = new[] { "former", "ex-", "then", "then-", "outgoing", "incoming", "late" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private const int MaxWords = 9;

    /// <summary>True for a word that can open a title written inside a name span ("President" in "President Trump").</summary>
    public static bool IsTitleWord(string word) => Heads.Contains(word) || Modifiers.Contains(word) || Tense.Contains(word);

    /// <summary>The title written right before <paramref name="nameStart"/>, or null.</summary>
    public static TitleMatch? Before(string text, int nameStart)
    {
        var words = WordsBefore(text, nameStart, MaxWords);
        if (words.Count == 0) return null;
        // words are right-to-left; find the longest left extension that is a valid title.
        TitleMatch? best = null;
        var sawHead = false;
        var pendingCaps = 0; // going right to left, a capitalised non-title word needs an "of"/"for" to its left
        for (var i = 0; i < words.Count; i++)
        {
            var (start, end) = words[i];
            var w = text[start..end];
            var titleWord = Heads.Contains(w) || Modifiers.Contains(w) || Tense.Contains(w);
            // A capitalised word no "of" explains ends the title: "Alexander Grushko and national security adviser".
            if (titleWord && pendingCaps > 0) break;
            if (Heads.Contains(w)) sawHead = true;
            else if (titleWord) { }
            else if (Connectors.Contains(w)) { if (w is "of" or "for") pendingCaps = 0; }
            else if (char.IsUpper(w[0]) && !w.Contains('.') && i < MaxWords) { pendingCaps++; }
            else break;
            if (pendingCaps > 0) continue; // a capitalised word is part of the title only once an "of" precedes it
            if (sawHead && !Connectors.Contains(w) && !Tense.Contains(w)) best = new TitleMatch(new TextSpan(start, words[0].End), text[start..words[0].End]);
        }
        return best;
    }

    /// <summary>Up to <paramref name="max"/> words before a position, right to left, stopping at punctuation other
    /// than the dots of abbreviations, the hyphens of compounds and a line break.</summary>
    internal static List<(int Start, int End)> WordsBefore(string text, int position, int max)
    {
        var result = new List<(int, int)>();
        var i = Math.Min(position, text.Length) - 1;
        while (result.Count < max && i >= 0)
        {
            // Words are separated by spaces; the first may end right at the position (an appositive ending at a comma).
            if (text[i] != ' ' && result.Count > 0) break;
            while (i >= 0 && text[i] == ' ') i--;
            var end = i + 1;
            while (i >= 0 && (char.IsLetterOrDigit(text[i]) || text[i] is '.' or '-' or '\'' or '’')) i--;
            var start = i + 1;
            if (start >= end || !char.IsLetter(text[start])) break;
            result.Add((start, end));
        }
        return result;
    }
}
