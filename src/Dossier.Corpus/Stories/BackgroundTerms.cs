using System.Collections.Frozen;
using System.Globalization;

namespace Dossier.Corpus.Stories;

/// <summary>
/// Document frequencies of content terms in a background collection of general news (see Resources/README.md).
/// Mixed into the corpus's own counts, they tell a small corpus which words every report uses ("remain", "stated")
/// and which are distinctive ("ceasefire"); on a large corpus the corpus's own counts dominate.
/// </summary>
public sealed class BackgroundTerms
{
    private static readonly Lazy<BackgroundTerms> Embedded = new(Load);

    private BackgroundTerms(int documents, FrozenDictionary<string, int> frequencies)
    {
        Documents = documents;
        Frequencies = frequencies;
    }

    public int Documents { get; }
    public FrozenDictionary<string, int> Frequencies { get; }

    public static BackgroundTerms Default => Embedded.Value;

    public static BackgroundTerms None { get; } = new(0, FrozenDictionary<string, int>.Empty);

    /// <summary>Counts terms (<see cref="Shared.Words.ContentTerms"/>) over documents, keeping those in at least
    /// <paramref name="minDocuments"/> of them; the format of the embedded resource ("#documents N", then "term\tdf").</summary>
    public static string Build(IEnumerable<string> texts, int minDocuments)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        foreach (var text in texts)
        {
            n++;
            foreach (var t in Shared.Words.ContentTerms(text).Distinct()) df[t] = df.GetValueOrDefault(t) + 1;
        }
        var lines = df.Where(p => p.Value >= minDocuments).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}\t{p.Value}");
        return $"#documents\t{n}\n" + string.Join("\n", lines) + "\n";
    }

    private static BackgroundTerms Load()
    {
        using var stream = typeof(BackgroundTerms).Assembly.GetManifestResourceStream("Dossier.background-df.tsv");
        if (stream is null) return None;
        using var reader = new StreamReader(stream);
        var documents = 0;
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0 || !int.TryParse(line.AsSpan(tab + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)) continue;
            if (line.StartsWith("#documents", StringComparison.Ordinal)) documents = count;
            else df[line[..tab]] = count;
        }
        return new BackgroundTerms(documents, df.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
