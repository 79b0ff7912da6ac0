using System.Text;

namespace Dossier.Storage;

/// <summary>
/// Turns user input into an FTS5 query that can only mean "all of these terms": each word becomes a quoted string,
/// so operators (NEAR, AND, OR, NOT, *, ^, column filters, parentheses) and stray quotes are just text.
/// </summary>
public static class FtsQuery
{
    /// <summary>The FTS5 query for <paramref name="input"/>, or null when it holds no searchable word.</summary>
    public static string? Sanitize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in input.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune)) current.Append(rune.ToString());
            else Flush();
        }
        Flush();
        // A query of hundreds of terms is not a search a person typed; bound the work FTS5 is asked to do.
        return terms.Count == 0 ? null : string.Join(' ', terms.Take(32));

        void Flush()
        {
            if (current.Length == 0) return;
            // The tokenizer splits on the same boundaries, so a quoted word never contains a double quote.
            terms.Add($"\"{current}\"");
            current.Clear();
        }
    }
}
