using System.Collections.Frozen;
using System.Globalization;
using Dossier.Core.Model;

namespace Dossier.Language.Numbers;

/// <summary>
/// Finds numbers over tokens: cardinals in digits or words ("30,000", "2.5 million", "three hundred"), ordinals
/// ("third", "21st"), money ("$2", "€30bn", "5 million euros", and vague amounts such as "tens of billions of dollars",
/// whose value is unknown) and percentages ("40%", "12 percent"). Dates, times, scores and years are left to the time
/// stage: a number written with '-', ':' or '/' inside, or a year after a month or a preposition, is not a cardinal here.
/// </summary>
public static class NumberRecognizer
{
    private static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["dozen"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int> Ordinals = new Dictionary<string, int>
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13,
        ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18,
        ["nineteenth"] = 19, ["twentieth"] = 20, ["thirtieth"] = 30, ["fortieth"] = 40, ["fiftieth"] = 50, ["hundredth"] = 100,
        ["thousandth"] = 1000,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, decimal> Multipliers = new Dictionary<string, decimal>
    {
        ["hundred"] = 100m, ["thousand"] = 1_000m, ["million"] = 1_000_000m, ["billion"] = 1_000_000_000m,
        ["trillion"] = 1_000_000_000_000m, ["k"] = 1_000m, ["m"] = 1_000_000m, ["mn"] = 1_000_000m, ["mln"] = 1_000_000m,
        ["bn"] = 1_000_000_000m, ["b"] = 1_000_000_000m, ["tn"] = 1_000_000_000_000m, ["trn"] = 1_000_000_000_000m,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Plural multipliers of vague amounts: "tens of billions", "hundreds of thousands".</summary>
    private static readonly FrozenSet<string> VagueAmounts = new[]
    {
        "tens", "dozens", "hundreds", "thousands", "millions", "billions", "trillions",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> CurrencySymbols = new Dictionary<string, string>
    {
        ["$"] = "USD", ["€"] = "EUR", ["£"] = "GBP", ["¥"] = "JPY", ["₽"] = "RUB", ["₴"] = "UAH", ["₹"] = "INR", ["₩"] = "KRW",
        ["₺"] = "TRY", ["₪"] = "ILS",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Currency words after an amount; "dollars" alone is taken as US dollars, the common case in news.</summary>
    private static readonly FrozenDictionary<string, string> CurrencyWords = new Dictionary<string, string>
    {
        ["dollar"] = "USD", ["dollars"] = "USD", ["euro"] = "EUR", ["euros"] = "EUR", ["pound"] = "GBP", ["pounds"] = "GBP",
        ["sterling"] = "GBP", ["yen"] = "JPY", ["yuan"] = "CNY", ["renminbi"] = "CNY", ["rouble"] = "RUB", ["roubles"] = "RUB",
        ["ruble"] = "RUB", ["rubles"] = "RUB", ["hryvnia"] = "UAH", ["hryvnias"] = "UAH", ["rupee"] = "INR",
        ["rupees"] = "INR", ["francs"] = "CHF", ["usd"] = "USD", ["eur"] = "EUR", ["gbp"] = "GBP",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Prefixes that make "$" another dollar: "US$", "A$", "C$", "HK$".</summary>
    private static readonly FrozenDictionary<string, string> DollarPrefixes = new Dictionary<string, string>
    {
        ["US"] = "USD", ["A"] = "AUD", ["C"] = "CAD", ["HK"] = "HKD", ["NZ"] = "NZD", ["S"] = "SGD",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Percents = new[] { "%", "percent", "pct" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before a year ("in 2024", "since 1991"): the number is a date, not a cardinal.</summary>
    private static readonly FrozenSet<string> YearContext = new[]
    {
        "in", "since", "by", "until", "till", "from", "to", "of", "early", "late", "mid", "before", "after", "during", "year",
        "jan", "jan.", "january", "feb", "feb.", "february", "mar", "mar.", "march", "apr", "apr.", "april", "may", "jun",
        "june", "jul", "july", "aug", "aug.", "august", "sep", "sep.", "sept", "sept.", "september", "oct", "oct.", "october",
        "nov", "nov.", "november", "dec", "dec.", "december",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<NumberMention> Recognize(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var scanner = new Scanner(text, tokens);
        var mentions = new List<NumberMention>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (scanner.Match(i) is { } found)
            {
                mentions.Add(found.Mention);
                i = found.Next;
            }
            else i++;
        }
        return mentions;
    }

    private sealed class Scanner(string text, IReadOnlyList<Token> tokens)
    {
        private string Word(int i) => i >= 0 && i < tokens.Count ? tokens[i].Span.Of(text) : "";

        /// <summary>Tokens in a row with nothing but spaces between them (so "5 %" and "$ 2" still join, lines do not).</summary>
        private bool Adjacent(int i) => i > 0 && i < tokens.Count && tokens[i].Span.Start - tokens[i - 1].Span.End <= 1;

        private (NumberMention Mention, int Next)? Make(int first, int last, NumberKind kind, decimal? value, string? unit)
        {
            var span = new TextSpan(tokens[first].Span.Start, tokens[last].Span.End);
            return (new NumberMention(span, span.Of(text), kind, value, unit), last + 1);
        }

        public (NumberMention Mention, int Next)? Match(int i)
        {
            var word = Word(i);

            // Currency symbol first: "$2", "US$ 40 million", "€30bn".
            var currencyAt = i;
            string? currency = null;
            if (DollarPrefixes.TryGetValue(word, out var prefixed) && Word(i + 1) == "$" && tokens[i + 1].Span.Start == tokens[i].Span.End)
            {
                currency = prefixed;
                currencyAt = i + 1;
            }
            else if (CurrencySymbols.TryGetValue(word, out var symbol)) currency = symbol;
            if (currency is not null)
            {
                if (Amount(currencyAt + 1, money: true) is not { } money) return null;
                return Make(i, money.Last, NumberKind.Money, money.Value, currency);
            }

            if (VagueAmount(i) is { } vague)
            {
                return CurrencyWords.TryGetValue(Word(vague + 1), out var vagueCurrency)
                    ? Make(i, vague + 1, NumberKind.Money, null, vagueCurrency)
                    : Make(i, vague, NumberKind.Cardinal, null, null);
            }

            if (Ordinals.TryGetValue(word, out var ordinal)) return Make(i, i, NumberKind.Ordinal, ordinal, null);
            if (tokens[i].Kind == TokenKind.Number && OrdinalDigits(word) is { } digitsOrdinal)
                return Make(i, i, NumberKind.Ordinal, digitsOrdinal, null);

            if (Amount(i, money: false) is not { } amount) return null;
            var after = Word(amount.Last + 1);
            if (Percents.Contains(after) && Adjacent(amount.Last + 1)) return Make(i, amount.Last + 1, NumberKind.Percent, amount.Value, null);
            if (after.Equals("per", StringComparison.OrdinalIgnoreCase) && Word(amount.Last + 2).Equals("cent", StringComparison.OrdinalIgnoreCase))
                return Make(i, amount.Last + 2, NumberKind.Percent, amount.Value, null);
            if (CurrencyWords.TryGetValue(after, out var named)) return Make(i, amount.Last + 1, NumberKind.Money, amount.Value, named);
            if (amount.Last == i && IsYear(i, word)) return null;
            return Make(i, amount.Last, NumberKind.Cardinal, amount.Value, null);
        }

        /// <summary>"tens of billions (of)": the index of the last word of the vague amount, or null.</summary>
        private int? VagueAmount(int i)
        {
            if (!VagueAmounts.Contains(Word(i)) || !Word(i + 1).Equals("of", StringComparison.OrdinalIgnoreCase)) return null;
            var last = i;
            while (Word(last + 1).Equals("of", StringComparison.OrdinalIgnoreCase) && VagueAmounts.Contains(Word(last + 2))) last += 2;
            if (Word(last + 1).Equals("of", StringComparison.OrdinalIgnoreCase) && CurrencyWords.ContainsKey(Word(last + 2))) return last + 1;
            return last > i ? last : null;
        }

        /// <summary>
        /// A number in digits or words, with an optional multiplier: "30,000", "2.5 million", "twenty-five", "three hundred".
        /// Abbreviated multipliers ("30bn", "5m") count only after a currency: "a 100m sprint" is not a hundred million.
        /// </summary>
        private (int Last, decimal? Value)? Amount(int i, bool money)
        {
            if (i >= tokens.Count) return null;
            var word = Word(i);
            if (tokens[i].Kind == TokenKind.Number)
            {
                if (ParseDigits(word) is not { } digits) return null;
                decimal? value = digits;
                var last = i;
                while (Multipliers.TryGetValue(Word(last + 1), out var multiplier) && Adjacent(last + 1) && (money || Word(last + 1).Length > 3))
                {
                    value = Scale(value, multiplier);
                    last++;
                }
                return (last, value);
            }
            return NumberWords(i);
        }

        private (int Last, decimal? Value)? NumberWords(int i)
        {
            decimal total = 0, current = 0;
            var last = -1;
            for (var k = i; k < tokens.Count; k++)
            {
                var word = Word(k);
                if (k > i && word.Equals("and", StringComparison.OrdinalIgnoreCase) && last == k - 1 && IsNumberWord(Word(k + 1))) continue;
                if (Compound(word) is { } compound) current += compound;
                else if (Units.TryGetValue(word, out var unit)) current += unit;
                else if (Multipliers.TryGetValue(word, out var multiplier) && word.Length > 2 && last >= 0)
                {
                    if (multiplier == 100m) current = Math.Max(current, 1) * 100;
                    else
                    {
                        total = Scale(total + Math.Max(current, 1), multiplier) ?? total;
                        current = 0;
                    }
                }
                else break;
                last = k;
            }
            return last < 0 ? null : (last, total + current);
        }

        private static bool IsNumberWord(string word) => Units.ContainsKey(word) || Compound(word) is not null || Multipliers.ContainsKey(word);

        /// <summary>"twenty-five" → 25.</summary>
        private static int? Compound(string word)
        {
            var hyphen = word.IndexOf('-');
            if (hyphen <= 0) return null;
            return Units.TryGetValue(word[..hyphen], out var tens) && tens >= 20 && tens % 10 == 0 &&
                   Units.TryGetValue(word[(hyphen + 1)..], out var ones) && ones is > 0 and < 10
                ? tens + ones
                : null;
        }

        private static decimal? Scale(decimal? value, decimal multiplier)
        {
            if (value is not { } v) return null;
            try
            {
                return v * multiplier;
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        private bool IsYear(int i, string word) =>
            word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var year) &&
            year is >= 1800 and <= 2100 && (YearContext.Contains(Word(i - 1)) || YearContext.Contains(Word(i + 1)));

        /// <summary>Digits with thousands separators or a decimal point; dates, times, scores and ratios are not amounts.</summary>
        private static decimal? ParseDigits(string word)
        {
            if (word.AsSpan().IndexOfAny('-', ':', '/') >= 0) return null;
            if (!char.IsDigit(word[^1])) return null;
            var clean = word.Replace(",", "", StringComparison.Ordinal);
            return decimal.TryParse(clean, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
        }

        private static int? OrdinalDigits(string word)
        {
            if (word.Length < 3) return null;
            var suffix = word[^2..].ToLowerInvariant();
            if (suffix is not ("st" or "nd" or "rd" or "th")) return null;
            return int.TryParse(word[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
    }
}
