using System.Text;

namespace Dossier.Language.Actors;

/// <summary>Name normalisation shared by the gazetteer, the document stage and the corpus stage.</summary>
public static class Names
{
    // InvariantGlobalization leaves string.Normalize without decomposition data, so accents are folded by table.
    private const string Accented = "ÀÁÂÃÄÅàáâãäåÇçĆćČčÈÉÊËèéêëĚěĘęÌÍÎÏìíîïÑñŃńŇňÒÓÔÕÖØòóôõöøŘřŚśŠšŞşȘșŤťŢţȚțÙÚÛÜùúûüŮůÝýÿŽžŹźŻżŁłĞğİıŐőŰűĀāĒēĪīŌōŪū";
    private const string Plain    = "AAAAAAaaaaaaCcCcCcEEEEeeeeEeEeIIIIiiiiNnNnNnOOOOOOooooooRrSsSsSsSsTtTtTtUUUUuuuuUuYyyZzZzZzLlGgIiOoUuAaEeIiOoUu";

    /// <summary>Lower-case, accent-free, punctuation-free key: "Zelenskyy's" and "ZELENSKYY" share one key.</summary>
    public static string Key(string name)
    {
        var sb = new StringBuilder(name.Length);
        var space = false;
        foreach (var raw in name)
        {
            var i = Accented.IndexOf(raw);
            var ch = i >= 0 ? Plain[i] : raw;
            if (char.IsLetterOrDigit(ch))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(ch));
                space = false;
            }
            else if (ch is not ('.' or '\'' or '’')) space = true;
        }
        return sb.ToString();
    }

    /// <summary>An entity id for a person or organisation: the key with hyphens ("Donald Trump" → "donald-trump").</summary>
    public static string Slug(string name) => Key(name).Replace(' ', '-');

    /// <summary>The text without a trailing possessive ("Trump's", "Witkoff’s", "Reuters'") or surrounding punctuation.</summary>
    public static string StripPossessive(string text)
    {
        var t = text.Trim();
        if (t.EndsWith("'s", StringComparison.Ordinal) || t.EndsWith("’s", StringComparison.Ordinal)) t = t[..^2];
        else if (t.Length > 1 && (t[^1] == '\'' || t[^1] == '’') && t[^2] == 's') t = t[..^1];
        return t.Trim();
    }

    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
        { "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Mx." };

    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase)
        { "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV" };

    /// <summary>
    /// A person's name split into given names and surname. Lower-case particles start the surname
    /// ("Ursula von der Leyen" → surname "von der Leyen"); middle initials are not part of the identity
    /// ("Donald J. Trump" and "Donald Trump" share the key "donald trump").
    /// </summary>
    public sealed record PersonName(string Surface, IReadOnlyList<string> Given, string Surname)
    {
        public bool IsFull => Given.Count > 0;
        public string SurnameKey => Key(Surname);

        /// <summary>Identity key: first given name (initials dropped) and surname.</summary>
        public string FullKey => IsFull
            ? Key(string.Join(' ', Given.Where(g => !IsInitial(g)).Take(1).DefaultIfEmpty(Given[0]).Append(Surname)))
            : SurnameKey;

        public string Id => FullKey.Replace(' ', '-');
    }

    private static bool IsInitial(string word) => word.Length <= 2 && word.TrimEnd('.').Length == 1;

    public static PersonName? ParsePerson(string text)
    {
        var words = StripPossessive(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && Honorifics.Contains(words[0])) words.RemoveAt(0);
        while (words.Count > 1 && Suffixes.Contains(words[^1].TrimEnd(','))) words.RemoveAt(words.Count - 1);
        if (words.Count == 0 || Key(string.Join(' ', words)).Length == 0) return null;
        var surnameStart = words.Count - 1;
        for (var i = 1; i < words.Count - 1; i++)
        {
            if (char.IsLower(words[i][0])) { surnameStart = i; break; }
        }
        if (char.IsLower(words[0][0])) surnameStart = 0;
        return new PersonName(StripPossessive(text), words.Take(surnameStart).ToList(), string.Join(' ', words.Skip(surnameStart)));
    }
}
