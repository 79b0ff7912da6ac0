using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Dossier.Core.Model;

namespace Dossier.Language.Tokens;

/// <summary>
/// Rule-based, single-pass tokenizer for news text, close to the Penn Treebank / CoNLL conventions:
/// possessive and contraction clitics are split ("Russia’s" → "Russia" + "’s", "don't" → "do" + "n't"),
/// abbreviations and initials keep their period ("U.S.", "Gen.", "J."), URLs, e-mails, @handles and #hashtags stay whole,
/// numbers keep their separators ("30,000", "2.5", "1996-08-22"), currency symbols and "%" are their own tokens.
/// Every character is looked at a bounded number of times, so the cost is linear in the text length whatever the input.
/// </summary>
public static class Tokenizer
{
    /// <summary>Abbreviations that keep their final period, as written (case matters: "Gen." is a title, "gen." is not).</summary>
    internal static readonly FrozenSet<string> Abbreviations = new[]
    {
        // Titles and ranks: they precede a name, so a sentence never ends on them.
        "Mr", "Mrs", "Ms", "Messrs", "Mme", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr", "Adm", "Brig",
        "Sgt", "Cpl", "Pvt", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Amb", "Supt", "Insp", "Det", "Sr", "Jr", "St", "Mt", "Ft",
        // Months and other abbreviations that can end a sentence.
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Inc", "Corp", "Ltd", "Co", "Bros", "Dept", "Univ", "Ave", "Blvd", "vs", "etc", "approx", "est", "al",
        "Ariz", "Calif", "Colo", "Conn", "Fla", "Ill", "Mass", "Mich", "Minn", "Penn", "Tenn", "Tex", "Okla", "Wis",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Abbreviations that stand before a name or number ("Gen. Smith", "No. 5"): never the end of a sentence.</summary>
    internal static readonly FrozenSet<string> PrefixAbbreviations = new[]
    {
        "Mr.", "Mrs.", "Ms.", "Messrs.", "Mme.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Cmdr.", "Cdr.", "Adm.",
        "Brig.", "Sgt.", "Cpl.", "Pvt.", "Gov.", "Sen.", "Rep.", "Rev.", "Hon.", "Pres.", "Amb.", "Supt.", "Insp.", "Det.",
        "St.", "Mt.", "Ft.", "No.", "Nos.",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Clitics split off a word after an apostrophe, as in the Penn Treebank ("Russia’s" → "Russia" + "’s").</summary>
    private static readonly FrozenSet<string> Clitics =
        new[] { "s", "re", "ve", "ll", "d", "m" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Multipliers and units written against a number ("€30bn", "5km"): split so the number stands alone.</summary>
    private static readonly FrozenSet<string> NumberSuffixes = new[]
    {
        "bn", "b", "m", "mn", "mln", "k", "tn", "trn", "km", "kg", "mm", "cm", "kmh", "mph", "mw", "gw", "kw", "ft", "lb", "lbs", "pc", "pct",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Suffixes that stay on a number: ordinals and decades ("3rd", "1990s").</summary>
    private static readonly FrozenSet<string> NumberEndings =
        new[] { "st", "nd", "rd", "th", "s" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static ImmutableArray<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 1);
        Tokenize(text, 0, text.Length, tokens);
        return [.. tokens];
    }

    /// <summary>Appends the tokens of <c>text[start..end)</c> to <paramref name="output"/>, with offsets into <paramref name="text"/>.</summary>
    public static void Tokenize(string text, int start, int end, List<Token> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        var scanner = new Scanner(text, start, end);
        var i = start;
        while (i < end)
        {
            if (IsSkippable(text[i]))
            {
                i++;
                continue;
            }
            var (length, kind) = scanner.Next(i);
            // Every rule consumes at least one character; this guard keeps the loop linear should a rule ever not.
            length = Math.Max(length, 1);
            output.Add(new Token(new TextSpan(i, i + length), kind));
            i += length;
        }
    }

    /// <summary>White space, control and invisible format characters (BOM, zero-width joiners) separate tokens.</summary>
    internal static bool IsSkippable(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' ||
        c == '\u00AD' || c == '\u2060' || (c >= '\uFE00' && c <= '\uFE0F');

    internal static bool IsApostrophe(char c) => c == '\'' || c == '’' || c == 'ʼ';

    private static bool IsHyphen(char c) => c == '-' || c == '‐' || c == '‑';

    private static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c)) return true;
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.ConnectorPunctuation && c == '_';
    }

    private static bool IsEmailChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '@';

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>The scanning state: only the end of the last e-mail look-ahead, so that no run is scanned twice.</summary>
    private sealed class Scanner(string text, int start, int end)
    {
        private int _emailScannedTo = -1;

        public (int Length, TokenKind Kind) Next(int i)
        {
            var c = text[i];
            var previous = i > start ? text[i - 1] : ' ';

            if ((c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == 'f') && !char.IsLetterOrDigit(previous) && UrlLength(i) is > 0 and var url)
                return (url, TokenKind.Url);

            if (char.IsAsciiLetterOrDigit(c) && i >= _emailScannedTo && !IsEmailChar(previous) && EmailLength(i) is > 0 and var email)
                return (email, TokenKind.Email);

            if (char.IsDigit(c)) return Number(i);
            if (IsWordChar(c) || (char.IsHighSurrogate(c) && i + 1 < end && char.IsLetter(text, i))) return Word(i);

            if (c == '@' && i + 1 < end && IsHandleChar(text[i + 1]) && !char.IsLetterOrDigit(previous))
                return (Run(i + 1, IsHandleChar) - i, TokenKind.Handle);
            if (c == '#' && i + 1 < end && char.IsLetter(text[i + 1]) && !char.IsLetterOrDigit(previous))
                return (Run(i + 1, ch => char.IsLetterOrDigit(ch) || ch == '_') - i, TokenKind.Hashtag);

            if (IsApostrophe(c) && char.IsLetter(previous) && CliticLength(i) is > 0 and var clitic)
                return (clitic, TokenKind.Word);

            if (c == '.' && i + 1 < end && char.IsDigit(text[i + 1]) && !char.IsDigit(previous)) return Number(i);
            if (c is '.' or '!' or '?') return (Run(i, ch => ch is '.' or '!' or '?') - i, TokenKind.Punctuation);
            if (IsHyphen(c)) return (Run(i, IsHyphen) - i, TokenKind.Punctuation);

            if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1])) return (2, TokenKind.Symbol);
            if (char.IsPunctuation(c)) return (1, TokenKind.Punctuation);
            return (1, TokenKind.Symbol);
        }

        private int Run(int i, Func<char, bool> member)
        {
            while (i < end && member(text[i])) i++;
            return i;
        }

        private int UrlLength(int i)
        {
            var rest = text.AsSpan(i, end - i);
            if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
                  rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
                return 0;
            var j = i;
            var openParens = 0;
            while (j < end && !IsSkippable(text[j]) && text[j] is not ('<' or '>' or '"' or '“' or '”' or '‘' or '’' or '«' or '»'))
            {
                if (text[j] == '(') openParens++;
                else if (text[j] == ')') openParens--;
                j++;
            }
            // Sentence punctuation after a link is not part of it; a closing bracket is, when the link opened it.
            while (j > i && (text[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' || (text[j - 1] == ')' && openParens < 0)))
            {
                if (text[j - 1] == ')') openParens++;
                j--;
            }
            return j - i > 7 ? j - i : 0;
        }

        private int EmailLength(int i)
        {
            var j = i;
            var at = -1;
            var atCount = 0;
            while (j < end && IsEmailChar(text[j]))
            {
                if (text[j] == '@')
                {
                    at = j;
                    atCount++;
                }
                j++;
            }
            _emailScannedTo = j;
            while (j > i && text[j - 1] is '.' or '-') j--;
            if (atCount != 1 || at <= i || at >= j - 3) return 0;
            var dot = text.AsSpan(at + 1, j - at - 1).LastIndexOf('.');
            return dot > 0 && at + 1 + dot + 2 <= j && char.IsAsciiLetter(text[j - 1]) ? j - i : 0;
        }

        /// <summary>"’s", "'re", "n't"… after a word: the apostrophe and a clitic followed by a non-letter.</summary>
        private int CliticLength(int i)
        {
            var j = i + 1;
            while (j < end && char.IsLetter(text[j]) && j - i <= 3) j++;
            if (j < end && char.IsLetterOrDigit(text[j])) return 0;
            return j > i + 1 && Clitics.Contains(text.AsSpan(i + 1, j - i - 1).ToString()) ? j - i : 0;
        }

        private (int, TokenKind) Word(int i)
        {
            var j = i;
            while (true)
            {
                while (j < end && (IsWordChar(text[j]) || (char.IsSurrogate(text[j]) && j + 1 < end && char.IsLetter(text, char.IsHighSurrogate(text[j]) ? j : j - 1))))
                    j++;
                if (j >= end || j + 1 >= end && text[j] != '.') break;
                var c = text[j];
                if (IsHyphen(c) && j + 1 < end && char.IsLetterOrDigit(text[j + 1]))
                {
                    j++;
                    continue;
                }
                if (IsApostrophe(c) && j + 1 < end && char.IsLetter(text[j + 1]))
                {
                    var k = j + 1;
                    while (k < end && char.IsLetter(text[k]) && k - j <= 3) k++;
                    var suffixEndsWord = k >= end || !char.IsLetterOrDigit(text[k]);
                    var suffix = text.AsSpan(j + 1, k - j - 1);
                    if (suffixEndsWord && Clitics.Contains(suffix.ToString())) break;
                    if (suffixEndsWord && suffix is "t" or "T" && j - 1 > i && text[j - 1] is 'n' or 'N') return (j - 1 - i, TokenKind.Word);
                    j = k;
                    continue;
                }
                if (c == '.') return (AbbreviationEnd(i, j) - i, TokenKind.Word);
                break;
            }
            return (j - i, TokenKind.Word);
        }

        /// <summary>Where a word that meets a period ends: after "U.S." / "J." / "e.g." and known abbreviations, else before the period.</summary>
        private int AbbreviationEnd(int i, int period)
        {
            if (period - i == 1 && char.IsLetter(text[i]))
            {
                var k = period + 1;
                while (k + 1 < end && char.IsLetter(text[k]) && text[k + 1] == '.' && (k + 2 >= end || !char.IsLetter(text[k + 2]))) k += 2;
                return k;
            }
            var next = period + 1 < end ? text[period + 1] : ' ';
            if (char.IsLetterOrDigit(next)) return period;
            var word = text.AsSpan(i, period - i);
            if (word is "No" or "Nos") return NextIsDigit(period + 1) ? period + 1 : period;
            return Abbreviations.Contains(word.ToString()) ? period + 1 : period;
        }

        private bool NextIsDigit(int i)
        {
            while (i < end && text[i] == ' ') i++;
            return i < end && char.IsDigit(text[i]);
        }

        private (int, TokenKind) Number(int i)
        {
            var j = i;
            while (true)
            {
                while (j < end && char.IsDigit(text[j])) j++;
                if (j + 1 < end && text[j] is ',' or '.' or ':' or '/' or '-' && char.IsDigit(text[j + 1]) && j > i && char.IsDigit(text[j - 1]))
                {
                    j++;
                    continue;
                }
                if (j + 1 < end && text[j] == '.' && char.IsDigit(text[j + 1]) && j == i)
                {
                    j++;
                    continue;
                }
                break;
            }
            if (j < end && char.IsLetter(text[j]))
            {
                var k = j;
                while (k < end && char.IsLetter(text[k]) && k - j <= 4) k++;
                var endsHere = k >= end || !IsWordChar(text[k]);
                var suffix = text.AsSpan(j, k - j).ToString();
                if (endsHere && NumberEndings.Contains(suffix)) return (k - i, TokenKind.Number);
                if (endsHere && NumberSuffixes.Contains(suffix)) return (j - i, TokenKind.Number);
                // "3D", "F-16"-like alphanumerics are words; ".5x" keeps the number apart.
                return text[i] == '.' ? (j - i, TokenKind.Number) : Word(i);
            }
            // "30-year-old" is one word; ".45-caliber" keeps its number apart (a word cannot start with the period).
            if (j + 1 < end && IsHyphen(text[j]) && char.IsLetter(text[j + 1]) && text[i] != '.') return Word(i);
            return (j - i, TokenKind.Number);
        }
    }
}
