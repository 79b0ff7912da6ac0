using System.Text.Json;

namespace Dossier.Language.Entities;

/// <summary>
/// The unlabelled news text <see cref="WordClusters.Build"/> learns word classes from, read from the shared data folder:
/// the CoNLL-2003 training split (one sentence a line), the PolNeAR training articles, the NAEB article bodies and the
/// ECB+ sentences. No labels are used. A source that is missing is left out (and named in <paramref name="log"/>).
/// </summary>
public static class ClusterCorpus
{
    public static IEnumerable<string> Texts(string sharedData, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(sharedData);
        var conll = Path.Combine(sharedData, "conll2003", "train.txt");
        if (File.Exists(conll))
        {
            foreach (var document in Conll.Read(conll))
            {
                foreach (var sentence in document.Sentences) yield return string.Join(' ', sentence.Words);
            }
        }
        else log?.Invoke($"missing {conll}");

        var polnear = Path.Combine(sharedData, "quotes", "polnear", "data", "train", "text");
        if (Directory.Exists(polnear))
        {
            foreach (var file in Directory.EnumerateFiles(polnear, "*.txt").Order(StringComparer.Ordinal)) yield return File.ReadAllText(file);
        }
        else log?.Invoke($"missing {polnear}");

        var naeb = Path.Combine(sharedData, "extraction", "naeb", "articles.json");
        if (File.Exists(naeb))
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(naeb));
            foreach (var article in json.RootElement.EnumerateObject().OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                if (article.Value.TryGetProperty("articleBody", out var body) && body.GetString() is { } text) yield return text;
            }
        }
        else log?.Invoke($"missing {naeb}");

        foreach (var split in new[] { "train", "dev" })
        {
            var ecb = Path.Combine(sharedData, "clustering", "ecbplus", $"docs.{split}.jsonl");
            if (!File.Exists(ecb)) { log?.Invoke($"missing {ecb}"); continue; }
            foreach (var line in File.ReadLines(ecb))
            {
                if (line.Length == 0) continue;
                using var record = JsonDocument.Parse(line);
                if (!record.RootElement.TryGetProperty("sentences", out var sentences)) continue;
                foreach (var sentence in sentences.EnumerateArray())
                {
                    if (sentence.GetString() is { } s) yield return s;
                }
            }
        }
    }
}
