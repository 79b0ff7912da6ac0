using System.Globalization;
using System.Text;

namespace Dossier.Language.Gazetteers;

/// <summary>
/// Reads PETRARCH2/TABARI actor dictionaries (Phoenix.*.actors.txt): records of a primary phrase, '+' synonym lines
/// and tab-indented "[CODE date-range]" lines; words joined by '_', '#' starts a comment. Each record becomes a
/// person or an organisation name list for the NER gazetteer; country records (demonyms, cities and country names
/// mixed in one synonym list) are left out, since the country and city lists give those with the right labels.
/// </summary>
public static class CameoActors
{
    public enum Kind { Skip, Person, Organisation }

    /// <summary>One dictionary record: its phrases as written (primary first), its codes and its comments.</summary>
    public sealed record Record(IReadOnlyList<string> Phrases, IReadOnlyList<string> Codes, bool Dated, string Comment);

    /// <summary>
    /// CAMEO sector codes that name an institution when they follow the three-letter country or region code
    /// ("USAGOVBUS", "IGOUNO", "MNCUSA"); a record coded only with a country ("[ARM >911221]") is a country.
    /// </summary>
    private static readonly string[] InstitutionSectors =
    [
        "GOV", "MIL", "BUS", "JUD", "LEG", "PTY", "REB", "SPY", "COP", "MED", "EDU", "HLH", "NGO", "IGO", "MNC", "OPP",
        "REL", "ENV", "HRI", "LAB", "AGR", "DEV", "CVL",
    ];

    /// <summary>Words that make a phrase a title or a description, not a name ("PRESIDENT_KARZAI", "UN_SECRETARY_GENERAL").</summary>
    private static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "vice", "prime", "minister", "secretary", "secretary-general", "general", "king", "queen", "prince",
        "princess", "chief", "leader", "chairman", "chairwoman", "ambassador", "senator", "governor", "mayor", "dr", "dr.",
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "gen", "gen.", "col", "col.", "lt", "lt.", "sen", "sen.", "rep", "rep.",
        "commander", "envoy", "spokesman", "spokeswoman", "foreign", "defense", "defence", "head", "former", "deputy",
        "chancellor", "premier", "emir", "sultan", "pope", "cardinal", "bishop", "archbishop", "judge", "justice",
        "representative", "official", "officials", "colonel", "captain", "major", "sheikh", "ayatollah", "sec.", "secy",
        "director", "director-general", "founder", "ceo", "executive", "special", "rapporteur", "high", "commissioner",
    };

    /// <summary>Reads one actor file into records.</summary>
    public static IReadOnlyList<Record> Read(string path)
    {
        var records = new List<Record>();
        List<string>? phrases = null;
        List<string> codes = [];
        var dated = false;
        var comment = new StringBuilder();

        void Flush()
        {
            if (phrases is { Count: > 0 }) records.Add(new Record(phrases, codes, dated, comment.ToString()));
            phrases = null;
            codes = [];
            dated = false;
            comment.Clear();
        }

        foreach (var raw in File.ReadLines(path))
        {
            var hash = raw.IndexOf('#');
            var text = hash >= 0 ? raw[..hash] : raw;
            // a comment line of its own heads a section; only a comment on a record's own lines describes it
            if (string.IsNullOrWhiteSpace(text)) continue;
            var indented = char.IsWhiteSpace(text[0]);
            var trimmed = text.Trim();
            var bracket = trimmed.IndexOf('[');
            var phrase = (bracket >= 0 ? trimmed[..bracket] : trimmed).Trim();
            if (!indented && !trimmed.StartsWith('+') && phrase.Length > 0)
            {
                Flush();
                phrases = [phrase];
                if (hash >= 0) comment.Append(raw, hash, raw.Length - hash);
            }
            else if (trimmed.StartsWith('+') && phrases is not null && phrase.Length > 1) phrases.Add(phrase[1..].Trim());
            if (phrases is null) continue;
            if (hash >= 0 && (indented || trimmed.StartsWith('+'))) comment.Append(raw, hash, raw.Length - hash);
            for (var open = trimmed.IndexOf('['); open >= 0; open = trimmed.IndexOf('[', open + 1))
            {
                var close = trimmed.IndexOf(']', open);
                if (close < 0) break;
                var parts = trimmed[(open + 1)..close].Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0) continue;
                codes.Add(parts[0]);
                if (parts.Length > 1) dated = true;
            }
        }
        Flush();
        return records;
    }

    /// <summary>
    /// What a record names. A person: generated from CountryInfo (its people), coded as an elite ("ELI"), or coded
    /// with an institution and date ranges (office holders) when written like a name. An organisation: coded with an
    /// institution sector. Anything else (country records, regions) is skipped.
    /// </summary>
    public static Kind Classify(Record record)
    {
        if (record.Comment.Contains("CountryInfo", StringComparison.Ordinal) || record.Comment.Contains("rulers", StringComparison.OrdinalIgnoreCase)) return Kind.Person;
        if (record.Codes.Any(c => c.Contains("ELI", StringComparison.Ordinal))) return Kind.Person;
        if (!record.Codes.Any(IsInstitution)) return Kind.Skip;
        if (record.Dated) return LooksLikePersonName(record.Phrases[0]) ? Kind.Person : Kind.Organisation;
        return Kind.Organisation;
    }

    private static bool IsInstitution(string code) =>
        code.Length >= 6 && InstitutionSectors.Any(s => code.AsSpan(0, 3).SequenceEqual(s) || code.AsSpan(3, 3).SequenceEqual(s));

    /// <summary>Two to four words, none of them an institution word: how the dated office holders are written.</summary>
    private static bool LooksLikePersonName(string phrase)
    {
        var words = Words(phrase);
        return words.Count is >= 2 and <= 4 && !words.Any(w => w is "of" or "for" or "and" or "the");
    }

    /// <summary>
    /// The phrase as news writes it: words joined by '_' split, parenthesised codes dropped ("MAOIST_COMMUNIST_CENTER_(MCC)_"),
    /// title case, a leading "the" dropped (CoNLL leaves it outside the name). Null for a title or description.
    /// </summary>
    public static string? Name(string phrase, Kind kind)
    {
        var words = Words(phrase);
        if (words.Count > 0 && words[0] == "the") words.RemoveAt(0);
        if (words.Count == 0 || words.Count > Entities.Gazetteer.MaxPhraseTokens) return null;
        if (kind == Kind.Person && words.Any(TitleWords.Contains)) return null;
        if (words.Any(w => !w.Any(char.IsLetterOrDigit))) return null;
        var name = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(string.Join(' ', words));
        return name.Length >= 2 && char.IsLetterOrDigit(name[0]) && name.Any(char.IsLetter) ? name : null;
    }

    private static List<string> Words(string phrase)
    {
        var text = phrase.ToLowerInvariant();
        var open = text.IndexOf('(');
        if (open >= 0) text = text[..open];
        return [.. text.Split(['_', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries)];
    }
}
