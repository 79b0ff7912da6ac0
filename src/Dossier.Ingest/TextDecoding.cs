using System.Text;
using System.Text.RegularExpressions;

namespace Dossier.Ingest;

/// <summary>How bytes became text: the encoding used and whether it was a guess.</summary>
public sealed record DecodedText(string Text, string EncodingName, bool Guessed, bool Replaced, string? Note);

/// <summary>
/// Turns input bytes into text: byte-order mark first, then strict UTF-8, then a declared charset
/// (HTTP header or &lt;meta charset&gt;), then a legacy code page guessed from the bytes.
/// </summary>
public static partial class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Ensures legacy code pages (windows-125x, iso-8859-x, koi8-r, shift_jis…) can be looked up by name.</summary>
    public static void EnsureCodePages() => _ = StrictUtf8;

    /// <param name="bytes">The raw bytes.</param>
    /// <param name="sniffHtml">Look for a &lt;meta charset&gt; declaration in the first bytes.</param>
    /// <param name="declaredCharset">A charset declared outside the bytes (an HTTP Content-Type header), if any.</param>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, bool sniffHtml, string? declaredCharset = null)
    {
        EnsureCodePages();
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Lenient(Encoding.UTF8, bytes[3..], "utf-8 (BOM)");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Lenient(Encoding.Unicode, bytes[2..], "utf-16le (BOM)");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Lenient(Encoding.BigEndianUnicode, bytes[2..], "utf-16be (BOM)");

        string? utf8Failure = null;
        try
        {
            return new DecodedText(StrictUtf8.GetString(bytes), "utf-8", Guessed: false, Replaced: false, Note: null);
        }
        catch (DecoderFallbackException ex)
        {
            utf8Failure = $"invalid UTF-8 at byte {ex.Index}";
        }

        var declared = declaredCharset ?? (sniffHtml ? SniffMetaCharset(bytes) : null);
        var declaredEncoding = declared is null ? null : Lookup(declared);
        if (declaredEncoding is not null && declaredEncoding.CodePage != Encoding.UTF8.CodePage)
            return Lenient(declaredEncoding, bytes, declaredEncoding.WebName) with
            {
                Note = $"{utf8Failure}; decoded with the declared charset {declaredEncoding.WebName}",
            };

        var guess = GuessLegacy(bytes);
        var why = declared is null
            ? "no charset is declared"
            : declaredEncoding is null ? $"the declared charset '{declared}' is unknown" : "although it is declared as UTF-8";
        return Lenient(guess, bytes, guess.WebName) with
        {
            Guessed = true,
            Note = $"{utf8Failure} and {why}; decoded as {guess.WebName} (guessed from the bytes). If characters look wrong, convert the file to UTF-8.",
        };
    }

    private static DecodedText Lenient(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        var text = encoding.GetString(bytes);
        var replaced = text.Contains('\uFFFD');
        return new DecodedText(text, name, Guessed: false, Replaced: replaced,
            Note: replaced ? $"some bytes are not valid {encoding.WebName} and were replaced by U+FFFD" : null);
    }

    public static Encoding? Lookup(string charset)
    {
        EnsureCodePages();
        var name = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        // Browsers read latin-1 labels as windows-1252 (WHATWG Encoding), and pages rely on that for curly quotes.
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1") name = "windows-1252";
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The charset named by &lt;meta charset&gt;, &lt;meta http-equiv content="…charset=…"&gt; or an XML
    /// declaration in the first 4 KB.</summary>
    public static string? SniffMetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var match = MetaCharset().Match(head);
        if (!match.Success) match = XmlEncoding().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>
    /// Single-byte legacy text: Cyrillic in windows-1251 is mostly bytes ≥ 0xC0 (letters), whereas Western text in
    /// windows-1252 uses high bytes only for the odd accented letter or curly quote.
    /// </summary>
    private static Encoding GuessLegacy(ReadOnlySpan<byte> bytes)
    {
        int letters = 0, high = 0;
        foreach (var b in bytes)
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z') letters++;
            else if (b >= 0xC0) { letters++; high++; }
        }
        var name = letters > 0 && high > letters * 0.4 ? "windows-1251" : "windows-1252";
        return Encoding.GetEncoding(name);
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex XmlEncoding();
}
