using Dossier.Core.Model;

namespace Dossier.Language.Entities;

/// <summary>The BIO tag set: 0 is O, then B-/I- for each CoNLL type in <see cref="EntityLabel"/> order.</summary>
public static class NerTags
{
    public static readonly string[] Types = ["PER", "ORG", "LOC", "MISC"];
    public static readonly string[] Names = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
    public const int Count = 9;

    public static int TypeIndex(ReadOnlySpan<char> type)
    {
        for (var t = 0; t < Types.Length; t++)
        {
            if (type.SequenceEqual(Types[t])) return t;
        }
        return -1;
    }

    public static int Index(string tag)
    {
        var i = Array.IndexOf(Names, tag);
        return i < 0 ? 0 : i;
    }

    public static int Begin(int type) => 1 + 2 * type;
    public static int Inside(int type) => 2 + 2 * type;
    /// <summary>The entity type of a tag, or -1 for O.</summary>
    public static int TypeOf(int tag) => tag == 0 ? -1 : (tag - 1) / 2;
    public static bool IsInside(int tag) => tag != 0 && (tag - 1) % 2 == 1;

    /// <summary>BIO well-formedness: I-X only continues an X entity.</summary>
    public static bool Allowed(int previous, int tag) => !IsInside(tag) || TypeOf(previous) == TypeOf(tag);
}

/// <summary>String normalisation and hashing shared by training and tagging, so that both see the same features.</summary>
internal static class NerText
{
    /// <summary>
    /// News uses typographic marks where CoNLL has ASCII ones: curly quotes and apostrophes become ' and ",
    /// an em dash becomes "--" and an en dash "-". Returns the same instance when nothing changes.
    /// </summary>
    public static string Normalize(string word)
    {
        var needs = false;
        foreach (var c in word)
        {
            if (c is '’' or '‘' or 'ʼ' or '‛' or '“' or '”' or '„' or '«' or '»' or '—' or '–' or '′' or '″')
            {
                needs = true;
                break;
            }
        }
        if (!needs) return word;
        return string.Create(word.Length + CountEmDashes(word), word, static (span, source) =>
        {
            var j = 0;
            foreach (var c in source)
            {
                switch (c)
                {
                    case '’' or '‘' or 'ʼ' or '‛' or '′':
                        span[j++] = '\'';
                        break;
                    case '“' or '”' or '„' or '«' or '»' or '″':
                        span[j++] = '"';
                        break;
                    case '—':
                        span[j++] = '-';
                        span[j++] = '-';
                        break;
                    case '–':
                        span[j++] = '-';
                        break;
                    default:
                        span[j++] = c;
                        break;
                }
            }
        });
    }

    private static int CountEmDashes(string word)
    {
        var n = 0;
        foreach (var c in word)
        {
            if (c == '—') n++;
        }
        return n;
    }

    public static string Lower(string word)
    {
        foreach (var c in word)
        {
            if (char.IsUpper(c)) return word.ToLowerInvariant();
        }
        return word;
    }

    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    public static ulong Hash(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h ^= c;
            h *= FnvPrime;
        }
        return Finish(h);
    }

    /// <summary>Hashes of the first 1..n characters (prefixes) of <paramref name="text"/>.</summary>
    public static void PrefixHashes(ReadOnlySpan<char> text, Span<ulong> output)
    {
        var h = FnvOffset;
        for (var k = 0; k < output.Length; k++)
        {
            if (k < text.Length)
            {
                h ^= text[k];
                h *= FnvPrime;
                output[k] = Finish(h);
            }
            else output[k] = 0;
        }
    }

    /// <summary>Hashes of the last 1..n characters (suffixes), read from the end.</summary>
    public static void SuffixHashes(ReadOnlySpan<char> text, Span<ulong> output)
    {
        var h = FnvOffset ^ 0x5bd1e995;
        for (var k = 0; k < output.Length; k++)
        {
            if (k < text.Length)
            {
                h ^= text[text.Length - 1 - k];
                h *= FnvPrime;
                output[k] = Finish(h);
            }
            else output[k] = 0;
        }
    }

    private static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccd;
        h ^= h >> 33;
        return h;
    }

    public static ulong Mix(ulong a, ulong b)
    {
        var h = a * 0x9E3779B97F4A7C15 + b;
        h ^= h >> 31;
        h *= 0xbf58476d1ce4e5b9;
        h ^= h >> 29;
        return h;
    }

    /// <summary>
    /// Hash of the word's shape with runs collapsed: "Putin" → "Xx", "U.S." → "X.X.", "30,000" → "d,d", "G7" → "Xd".
    /// </summary>
    public static ulong ShapeHash(ReadOnlySpan<char> word)
    {
        var h = FnvOffset ^ 0x27d4eb2f;
        var last = '\0';
        var n = 0;
        foreach (var c in word)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (s == last) continue;
            if (++n > 24) break;
            h ^= s;
            h *= FnvPrime;
            last = s;
        }
        return Finish(h);
    }
}
