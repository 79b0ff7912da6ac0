using System.Collections.Frozen;

namespace Dossier.Ingest.Extraction;

/// <summary>
/// Detects a text's language (ISO 639-1) from its most frequent function words; Cyrillic languages are told apart
/// by the same means plus their distinctive letters. Returns null when the evidence is too thin.
/// </summary>
public static class LanguageDetector
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> StopWords = new Dictionary<string, string>
    {
        ["en"] = "the of and to in is that for it with as was on are by at be this from have has had not but which were said will would their they its an or who been",
        ["de"] = "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an als wie bei nach wird werden hat aus einer sie noch nur",
        ["fr"] = "le la les de des et est un une du en que qui dans pour pas sur au ce il elle sont avec par plus aux ont été cette mais leur",
        ["es"] = "el la los las de del y en que es un una por para con no se su al lo como más pero sus ha fue este esta entre también",
        ["it"] = "il lo la gli le di del della e che è un una per con non si da al dei delle nel sono anche come ma più ha questo",
        ["pt"] = "o a os as de do da dos das e que é um uma para com não em no na por se mais mas como foi ao pelo pela também",
        ["nl"] = "de het een en van in is dat op te zijn niet met voor die er aan ook als bij door maar om wordt werd naar heeft",
        ["pl"] = "i w na z się nie do że to jest o jak po a od za przez ale dla jego są może tak już lub oraz",
        ["ru"] = "и в не на что с по это как из он она они к о от за для но же был была было были все его мы также уже при только",
        ["uk"] = "і в не на що з по це як із він вона вони до від за для але був була було були всі його ми також вже при та й",
        ["sv"] = "och i att det som en på är av för med till den har de inte om ett men var ska så vid eller också",
        ["tr"] = "ve bir bu da de ile için olarak daha çok ama gibi olan en kadar sonra ise her şey değil",
    }.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Split(' ').ToFrozenSet(StringComparer.Ordinal));

    /// <summary>The languages (indexes into <see cref="Languages"/>) each function word belongs to, looked up by span
    /// so that counting allocates no string per token.</summary>
    private static readonly string[] Languages = [.. StopWords.Keys.Order(StringComparer.Ordinal)];

    private static readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> WordLanguages =
        StopWords.SelectMany(kv => kv.Value.Select(word => (word, Language: Array.IndexOf(Languages, kv.Key))))
            .GroupBy(p => p.word, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Language).ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    public static string? Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var sample = text.Length > 20_000 ? text[..20_000] : text;
        var perLanguage = new int[Languages.Length];
        var words = 0;
        Span<char> lower = stackalloc char[32];
        var start = -1;
        for (var i = 0; i <= sample.Length; i++)
        {
            var letter = i < sample.Length && char.IsLetter(sample[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                words++;
                var token = sample.AsSpan(start, i - start);
                // Function words are short; a long token cannot be one.
                if (token.Length <= lower.Length)
                {
                    var length = token.ToLowerInvariant(lower);
                    if (length > 0 && WordLanguages.TryGetValue(lower[..length], out var languages))
                        foreach (var language in languages) perLanguage[language]++;
                }
                start = -1;
            }
        }
        if (words == 0) return null;
        var counts = new Dictionary<string, int>();
        for (var l = 0; l < Languages.Length; l++)
            if (perLanguage[l] > 0) counts[Languages[l]] = perLanguage[l];
        var ranked = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        if (ranked.Count == 0)
            return ScriptLanguage(sample);
        var best = ranked[0];
        // Too few function words (a list of names, a headline): do not guess.
        if (best.Value < 3 || best.Value < words * 0.05) return ScriptLanguage(sample);
        if (best.Key is "ru" or "uk") return CyrillicLanguage(sample, counts);
        return best.Key;
    }

    /// <summary>Ukrainian has і, ї, є, ґ, which Russian lacks; Russian has ы, э, ъ, ё, which Ukrainian lacks.</summary>
    private static string CyrillicLanguage(string text, Dictionary<string, int> counts)
    {
        int uk = 0, ru = 0;
        foreach (var c in text)
        {
            if (c is 'і' or 'ї' or 'є' or 'ґ' or 'І' or 'Ї' or 'Є' or 'Ґ') uk++;
            else if (c is 'ы' or 'э' or 'ъ' or 'ё' or 'Ы' or 'Э' or 'Ё') ru++;
        }
        if (uk != ru) return uk > ru ? "uk" : "ru";
        return counts.GetValueOrDefault("uk") > counts.GetValueOrDefault("ru") ? "uk" : "ru";
    }

    /// <summary>Scripts used by one language in news: a text mostly in that script is that language.</summary>
    private static string? ScriptLanguage(string text)
    {
        int letters = 0, han = 0, kana = 0, hangul = 0, arabic = 0, greek = 0, hebrew = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (c is >= '\u4E00' and <= '\u9FFF') han++;
            else if (c is >= '\u3040' and <= '\u30FF') kana++;
            else if (c is >= '\uAC00' and <= '\uD7AF') hangul++;
            else if (c is >= '\u0600' and <= '\u06FF') arabic++;
            else if (c is >= '\u0370' and <= '\u03FF') greek++;
            else if (c is >= '\u0590' and <= '\u05FF') hebrew++;
        }
        if (letters < 20) return null;
        if (kana > letters * 0.1) return "ja";
        if (han > letters * 0.5) return "zh";
        if (hangul > letters * 0.5) return "ko";
        if (arabic > letters * 0.5) return "ar";
        if (greek > letters * 0.5) return "el";
        if (hebrew > letters * 0.5) return "he";
        return null;
    }
}
