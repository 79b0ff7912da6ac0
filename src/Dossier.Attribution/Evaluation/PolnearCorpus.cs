using System.Text;
using Dossier.Core.Model;

namespace Dossier.Attribution.Evaluation;

/// <summary>One gold attribution of PolNeAR: content fragments, cue and (optional) source.</summary>
public sealed record GoldAttribution(IReadOnlyList<TextSpan> Content, TextSpan? Cue, IReadOnlyList<TextSpan> Source)
{
    /// <summary>PolNeAR has no direct/indirect flag; as its README suggests, content holding a quotation mark is direct.</summary>
    public bool IsDirect(string text) => Content.Any(c => c.Of(text).IndexOfAny(['"', '“', '”']) >= 0);
}

/// <summary>One PolNeAR article: its text and gold attributions (the alphabetically first annotator's file).</summary>
public sealed record PolnearArticle(string Name, string Text, IReadOnlyList<GoldAttribution> Attributions);

/// <summary>
/// Reads PolNeAR's BRAT standoff files (<c>data/&lt;split&gt;/text/*.txt</c>, <c>data/&lt;split&gt;/attributions/*.ann</c>).
/// Lines are read by id prefix (T, E, #); continuation lines some files carry are ignored; offsets are UTF-16 indices
/// (the corpus has no characters outside the BMP).
/// </summary>
public static class PolnearCorpus
{
    public static IEnumerable<PolnearArticle> Read(string polnearDir, string split)
    {
        var root = Directory.Exists(Path.Combine(polnearDir, "data")) ? Path.Combine(polnearDir, "data") : polnearDir;
        var textDir = Path.Combine(root, split, "text");
        var annDir = Path.Combine(root, split, "attributions");
        if (!Directory.Exists(textDir) || !Directory.Exists(annDir)) yield break;
        var annotations = Directory.GetFiles(annDir, "*.ann").OrderBy(f => f, StringComparer.Ordinal).ToList();
        foreach (var textFile in Directory.GetFiles(textDir, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(textFile);
            // <article>_<annotator>.ann; the first annotator alphabetically, for a deterministic choice.
            var ann = annotations.FirstOrDefault(a =>
            {
                var stem = Path.GetFileNameWithoutExtension(a);
                return stem.Length == name.Length + 5 && stem.StartsWith(name + "_", StringComparison.Ordinal);
            });
            if (ann is null) continue;
            var text = File.ReadAllText(textFile, new UTF8Encoding(false));
            yield return new PolnearArticle(name, text, Parse(File.ReadAllLines(ann, new UTF8Encoding(false)), text.Length));
        }
    }

    public static IReadOnlyList<GoldAttribution> Parse(IEnumerable<string> lines, int textLength)
    {
        var spans = new Dictionary<string, List<TextSpan>>(StringComparer.Ordinal);
        var relations = new List<string[]>();
        foreach (var line in lines)
        {
            var cols = line.Split('\t');
            if (cols.Length < 2) continue;
            if (cols[0].StartsWith('T'))
            {
                var parts = cols[1].Split(' ', 2);
                if (parts.Length < 2) continue;
                var fragments = new List<TextSpan>();
                foreach (var frag in parts[1].Split(';'))
                {
                    var se = frag.Trim().Split(' ');
                    if (se.Length == 2 && int.TryParse(se[0], out var s) && int.TryParse(se[1], out var e) && 0 <= s && s <= e && e <= textLength)
                        fragments.Add(new TextSpan(s, e));
                }
                if (fragments.Count > 0) spans[cols[0]] = fragments;
            }
            else if (cols[0].StartsWith('E'))
            {
                relations.Add(cols[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }
        var result = new List<GoldAttribution>();
        foreach (var roles in relations)
        {
            var content = new List<TextSpan>();
            TextSpan? cue = null;
            var source = new List<TextSpan>();
            foreach (var role in roles)
            {
                var kv = role.Split(':');
                if (kv.Length != 2 || !spans.TryGetValue(kv[1], out var fr)) continue;
                if (kv[0].StartsWith("Content", StringComparison.Ordinal)) content.AddRange(fr);
                else if (kv[0] == "Cue") cue = fr[0];
                else if (kv[0] == "Source") source.AddRange(fr);
            }
            if (content.Count > 0) result.Add(new GoldAttribution(content, cue, source));
        }
        return result;
    }
}
