using System.Collections.Frozen;
using System.Text;

namespace Dossier.Corpus.Shared;

/// <summary>One word of a text: its span and a folded form (lower case, curly apostrophes made straight,
/// possessive 's removed) so that "Russia’s" and "russia" compare equal.</summary>
public readonly record struct Word(int Start, int End, string Norm, bool Capitalised)
{
    public bool IsNumber => Norm.Length > 0 && char.IsDigit(Norm[0]);
}

/// <summary>
/// The word-level view every corpus stage shares: tokenising, stop words and a light plural stemmer. Kept deliberately
/// simple and language-agnostic in shape (letters/digits runs), because corpus stages compare documents with each
/// other rather than parse them.
/// </summary>
public static class Words
{
    /// <summary>Letter/digit runs (with inner apostrophes, and dots inside acronyms such as U.S.) of text[start..end).</summary>
    public static List<Word> Tokenize(string text, int start = 0, int end = -1)
    {
        if (end < 0 || end > text.Length) end = text.Length;
        var words = new List<Word>();
        var i = Math.Max(0, start);
        var sb = new StringBuilder();
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var s = i;
            sb.Clear();
            while (i < end)
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c)) { sb.Append(char.ToLowerInvariant(c)); i++; continue; }
                // Inner apostrophe ("hasn't", "Russia's") or acronym dot ("U.S.") keeps the word together.
                var next = i + 1 < end ? text[i + 1] : '\0';
                if ((c == '\'' || c == '’') && char.IsLetter(next)) { sb.Append('\''); i++; continue; }
                if (c == '.' && char.IsLetter(next) && i + 2 <= end && IsAcronymContinuation(text, i, end)) { sb.Append('.'); i++; continue; }
                // A comma or dot between digits belongs to the number (30,000; 2.5).
                if ((c == ',' || c == '.') && char.IsDigit(next) && i > s && char.IsDigit(text[i - 1])) { if (c == '.') sb.Append('.'); i++; continue; }
                break;
            }
            // A trailing acronym dot ("U.S.") is part of the acronym when letters were dotted.
            if (i < end && text[i] == '.' && sb.ToString().Contains('.') && sb.Length <= 6) { sb.Append('.'); i++; }
            var norm = sb.ToString();
            if (norm.EndsWith("'s", StringComparison.Ordinal)) norm = norm[..^2];
            else if (norm.EndsWith('\'')) norm = norm[..^1];
            if (norm.Length > 0) words.Add(new Word(s, i, norm, char.IsUpper(text[s])));
        }
        return words;
    }

    private static bool IsAcronymContinuation(string text, int dot, int end) =>
        // "U.S" : single letter before the dot and a single letter after it.
        dot >= 1 && char.IsLetter(text[dot - 1]) && (dot < 2 || !char.IsLetter(text[dot - 2])) &&
        dot + 1 < end && char.IsLetter(text[dot + 1]) && (dot + 2 >= end || !char.IsLetter(text[dot + 2]));

    /// <summary>Plural and -ies folding ("troops" → "troop", "companies" → "company"): enough to match paraphrases
    /// without the over-stemming that would merge unrelated words.</summary>
    public static string Stem(string norm)
    {
        if (norm.Length <= 3 || !char.IsLetter(norm[^1])) return norm;
        if (norm.EndsWith("ies", StringComparison.Ordinal) && norm.Length > 4) return norm[..^3] + "y";
        if (norm.EndsWith("sses", StringComparison.Ordinal)) return norm[..^2];
        if (norm.EndsWith('s') && !norm.EndsWith("ss", StringComparison.Ordinal) && !norm.EndsWith("us", StringComparison.Ordinal) &&
            !norm.EndsWith("is", StringComparison.Ordinal)) return norm[..^1];
        return norm;
    }

    public static bool IsStopword(string norm) => Stopwords.Contains(norm);

    /// <summary>A content term: not a stop word, not a lone letter; stemmed.</summary>
    public static string? ContentTerm(in Word w)
    {
        if (w.Norm.Length < 2 && !w.IsNumber) return null;
        if (IsStopword(w.Norm)) return null;
        return Stem(w.Norm);
    }

    /// <summary>Stemmed content terms of a span of text.</summary>
    public static IEnumerable<string> ContentTerms(string text, int start = 0, int end = -1)
    {
        foreach (var w in Tokenize(text, start, end))
        {
            var t = ContentTerm(w);
            if (t is not null) yield return t;
        }
    }

    /// <summary>English function words plus the reporting vocabulary every news story shares ("said", "told").</summary>
    public static readonly FrozenSet<string> Stopwords = new[]
    {
        "a","about","above","after","again","against","all","also","am","an","and","any","are","as","at","be","because",
        "been","before","being","below","between","both","but","by","can","could","did","do","does","doing","down","during",
        "each","few","for","from","further","had","has","have","having","he","her","here","hers","herself","him","himself",
        "his","how","i","if","in","into","is","it","its","itself","just","me","more","most","my","myself","no","nor","not",
        "now","of","off","on","once","only","or","other","our","ours","ourselves","out","over","own","same","she","should",
        "so","some","such","than","that","the","their","theirs","them","themselves","then","there","these","they","this",
        "those","through","to","too","under","until","up","very","was","we","were","what","when","where","which","while",
        "who","whom","why","will","with","would","you","your","yours","yourself","yourselves","may","might","must","shall",
        "s","t","don't","doesn't","didn't","isn't","aren't","wasn't","weren't","hasn't","haven't","hadn't","won't","wouldn't",
        "can't","couldn't","shouldn't","it's","i'm","i've","we're","they're","he's","she's","that's","there's","let","us",
        "said","says","say","saying","told","tell","according","mr","mrs","ms","dr","one","two","also","new","like","get",
        "got","go","going","make","made","many","much","even","still","well","back","way","since","last","first","year",
        "years","week","day","days","time","monday","tuesday","wednesday","thursday","friday","saturday","sunday","yesterday",
        "today","tomorrow","ago","per","via","among","amid","within","without","upon","whether","yet","however","though",
        "although","another","around","across","already","near","next","several","including","likely","new","would've",
    }.ToFrozenSet(StringComparer.Ordinal);
}
