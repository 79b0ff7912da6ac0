using System.Collections.Frozen;
using System.Reflection;

namespace Dossier.Events.Plover;

/// <summary>
/// One trigger pattern: a sequence of word slots (alternatives each; null = a gap of up to three words).
/// <see cref="Derived"/> patterns (generated from the CAMEO dictionary) give way to hand-written ones where both match.
/// </summary>
public sealed record TriggerPattern(IReadOnlyList<FrozenSet<string>?> Slots, string Type, string? Mode, string? Context, string Pattern, bool Derived = false);

/// <summary>
/// The PLOVER trigger lexicon: word patterns → event category, mode and context. Loaded from embedded TSV resources
/// (<c>Resources/plover/lexicon.tsv</c>, hand-written; <c>Resources/plover/cameo-verbs.tsv</c>, derived from the CAMEO
/// verb dictionary when present). Pattern syntax: <c>+verb</c> matches every inflection, <c>a|b</c> alternatives,
/// <c>_</c> a gap of up to three words, other words as written or with a plural -s/-es.
/// </summary>
public sealed class PloverLexicon
{
    public const int MaxGap = 3;

    private readonly FrozenDictionary<string, TriggerPattern[]> _byFirstWord;

    public PloverLexicon(IEnumerable<TriggerPattern> patterns)
    {
        Patterns = [.. patterns];
        _byFirstWord = Patterns
            .SelectMany(p => p.Slots[0]!.Select(w => (w, p)))
            .GroupBy(x => x.w, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.p).Distinct().ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<TriggerPattern> Patterns { get; }

    /// <summary>The hand-written triggers only.</summary>
    public static PloverLexicon HandWritten { get; } = new(Load("Dossier.plover.lexicon.tsv", derived: false));

    /// <summary>The lexicon shipped with Dossier: hand-written triggers first (they win ties), then the CAMEO-derived ones.</summary>
    public static PloverLexicon Default { get; } = new(
        HandWritten.Patterns.Concat(Load("Dossier.plover.cameo-verbs.tsv", derived: true)));

    public IReadOnlyList<TriggerPattern> StartingWith(string word) =>
        _byFirstWord.TryGetValue(word, out var found) ? found : [];

    private static IEnumerable<TriggerPattern> Load(string resource, bool derived)
    {
        // The build keeps the folder separator in the logical name (Dossier.plover/lexicon.tsv) on some platforms.
        var assembly = typeof(PloverLexicon).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.Replace('/', '.').Replace('\\', '.') == resource);
        using var stream = name is null ? null : assembly.GetManifestResourceStream(name);
        if (stream is null) return [];
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), derived).ToList();
    }

    /// <summary>Parses lexicon lines (<c>pattern TAB event TAB mode TAB context</c>; # comments).</summary>
    public static IEnumerable<TriggerPattern> Parse(string tsv, bool derived = false)
    {
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cols = line.Split('\t');
            if (cols.Length < 2) continue;
            var slots = ParsePattern(cols[0]);
            if (slots.Count == 0 || slots[0] is null) continue;
            yield return new TriggerPattern(slots, cols[1].Trim(),
                cols.Length > 2 && cols[2].Trim().Length > 0 ? cols[2].Trim() : null,
                cols.Length > 3 && cols[3].Trim().Length > 0 ? cols[3].Trim() : null,
                cols[0], derived);
        }
    }

    private static List<FrozenSet<string>?> ParsePattern(string pattern)
    {
        var slots = new List<FrozenSet<string>?>();
        foreach (var token in pattern.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token == "_")
            {
                slots.Add(null);
                continue;
            }
            var verb = token.StartsWith('+');
            var alternatives = token.TrimStart('+').Split('|', StringSplitOptions.RemoveEmptyEntries);
            slots.Add(alternatives.SelectMany(a => verb ? Inflection.VerbForms(a) : Inflection.NounForms(a)).ToFrozenSet(StringComparer.Ordinal));
        }
        return slots;
    }
}

/// <summary>English inflection for lexicon patterns: enough for news verbs, with the common irregular verbs listed.</summary>
public static class Inflection
{
    private static readonly FrozenDictionary<string, string[]> Irregular = new Dictionary<string, string[]>
    {
        ["be"] = ["is", "are", "was", "were", "been", "being", "am"],
        ["meet"] = ["met"], ["hold"] = ["held"], ["send"] = ["sent"], ["give"] = ["gave", "given"],
        ["make"] = ["made"], ["take"] = ["took", "taken"], ["fight"] = ["fought"], ["shoot"] = ["shot"],
        ["strike"] = ["struck", "stricken"], ["break"] = ["broke", "broken"], ["lead"] = ["led"],
        ["bring"] = ["brought"], ["sell"] = ["sold"], ["withdraw"] = ["withdrew", "withdrawn"], ["fly"] = ["flew", "flown"],
        ["speak"] = ["spoke", "spoken"], ["begin"] = ["began", "begun"], ["keep"] = ["kept"], ["cut"] = ["cut"],
        ["put"] = ["put"], ["set"] = ["set"], ["freeze"] = ["froze", "frozen"], ["forgive"] = ["forgave", "forgiven"],
        ["drive"] = ["drove", "driven"], ["throw"] = ["threw", "thrown"], ["win"] = ["won"], ["lose"] = ["lost"],
        ["beat"] = ["beat", "beaten"], ["build"] = ["built"], ["go"] = ["went", "gone", "goes"], ["seek"] = ["sought"],
        ["buy"] = ["bought"], ["pay"] = ["paid"], ["say"] = ["said"], ["tell"] = ["told"], ["leave"] = ["left"],
        ["deal"] = ["dealt"], ["flee"] = ["fled"], ["hit"] = ["hit"], ["quit"] = ["quit"], ["shut"] = ["shut"],
        ["spread"] = ["spread"], ["bind"] = ["bound"], ["arise"] = ["arose", "arisen"], ["overrun"] = ["overran"],
        ["undertake"] = ["undertook", "undertaken"], ["bear"] = ["bore", "borne"], ["swear"] = ["swore", "sworn"],
        ["stand"] = ["stood"], ["steal"] = ["stole", "stolen"], ["wage"] = ["waged"], ["feel"] = ["felt"],
        ["lay"] = ["laid"], ["catch"] = ["caught"], ["shake"] = ["shook", "shaken"], ["hang"] = ["hanged", "hung"],
        ["ride"] = ["rode", "ridden"], ["rise"] = ["rose", "risen"], ["write"] = ["wrote", "written"], ["slay"] = ["slew", "slain"],
    }.ToFrozenDictionary();

    public static IEnumerable<string> VerbForms(string lemma)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { lemma };
        if (Irregular.TryGetValue(lemma, out var irregular)) forms.UnionWith(irregular);
        forms.Add(ThirdPerson(lemma));
        if (lemma != "be")
        {
            forms.Add(Past(lemma));
            forms.Add(Gerund(lemma));
        }
        return forms;
    }

    public static IEnumerable<string> NounForms(string word) =>
        word.EndsWith('s') || word.Contains('-') && word.EndsWith("up") ? [word] : [word, Plural(word)];

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Longer verbs that double their final consonant (stress on the last syllable).</summary>
    private static readonly FrozenSet<string> DoublingVerbs = FrozenSet.ToFrozenSet(
    [
        "kidnap", "control", "patrol", "compel", "expel", "propel", "rebel", "commit", "admit", "permit", "submit",
        "regret", "occur", "refer", "prefer", "confer", "deter", "transfer", "acquit", "equip", "abet", "embed",
    ], StringComparer.Ordinal);

    /// <summary>Short consonant-vowel-consonant verbs (ban → banned) and the listed longer ones double the final consonant.</summary>
    private static bool DoublesFinal(string w) =>
        DoublingVerbs.Contains(w)
        || w.Length is >= 3 and <= 4 && !IsVowel(w[^1]) && w[^1] is not ('w' or 'x' or 'y') && IsVowel(w[^2]) && !IsVowel(w[^3]);

    private static string ThirdPerson(string w) =>
        w.EndsWith('s') || w.EndsWith('x') || w.EndsWith('z') || w.EndsWith("ch") || w.EndsWith("sh") || w.EndsWith('o') ? w + "es"
        : w.EndsWith('y') && w.Length > 1 && !IsVowel(w[^2]) ? w[..^1] + "ies"
        : w + "s";

    private static string Past(string w) =>
        w.EndsWith('e') ? w + "d"
        : w.EndsWith('y') && w.Length > 1 && !IsVowel(w[^2]) ? w[..^1] + "ied"
        : DoublesFinal(w) ? w + w[^1] + "ed"
        : w + "ed";

    private static string Gerund(string w) =>
        w.EndsWith("ie") ? w[..^2] + "ying"
        : w.EndsWith('e') && w != "be" && !w.EndsWith("ee") ? w[..^1] + "ing"
        : DoublesFinal(w) ? w + w[^1] + "ing"
        : w + "ing";

    private static string Plural(string w) =>
        w.EndsWith('x') || w.EndsWith('z') || w.EndsWith("ch") || w.EndsWith("sh") ? w + "es"
        : w.EndsWith('y') && w.Length > 1 && !IsVowel(w[^2]) ? w[..^1] + "ies"
        : w + "s";
}
