using System.Globalization;
using System.Text;
using Dossier.Attribution.Evaluation;
using Dossier.Core.Model;
using Dossier.Events.Plover;

namespace Dossier.Events.Evaluation;

public sealed record EventScores(
    string Split,
    int Sentences,
    double QuadAccuracy,
    double MacroF1,
    IReadOnlyList<double> ClassF1,
    int ActorSentences,
    double SourceAccuracy,
    double TargetAccuracy)
{
    public string Format()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"ConfliBERT CAMEO ({Split}): {Sentences} sentences");
        sb.AppendLine(CultureInfo.InvariantCulture, $"quad class accuracy {QuadAccuracy:F3}, macro-F1 {MacroF1:F3}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"per class F1 (0 statement, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict): {string.Join(" ", ClassF1.Select(f => f.ToString("F3", CultureInfo.InvariantCulture)))}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"actors ({ActorSentences} sentences): source accuracy {SourceAccuracy:F3}, target accuracy {TargetAccuracy:F3}");
        return sb.ToString();
    }
}

/// <summary>
/// Scores the event coder on the ConfliBERT CAMEO sentences (<c>conflibert-cameo/cameo_class/train.tsv</c> and
/// <c>cameo_ner/train.txt</c>; read their README).
/// <para>Gold labels are CAMEO quad classes, not codes: 0 = CAMEO 01–02 (statements, appeals: no PLOVER event),
/// 1 = verbal cooperation (CAMEO 03–05), 2 = material cooperation (06–08), 3 = verbal conflict (09–13, 16),
/// 4 = material conflict (14, 15, 17–20). A predicted PLOVER type maps to its quad class as the PLOVER manual assigns
/// it (<see cref="PloverExport.QuadCode"/>), which is how CAMEO roots map to PLOVER in CAMEO2PLOVER-2021 (03→AGREE,
/// 04→CONSULT, 05→SUPPORT, 06→COOPERATE, 07→AID, 08→CONCEDE/RETREAT, 09/11→ACCUSE, 10→REQUEST, 12→REJECT,
/// 13→THREATEN, 14→PROTEST, 15→MOBILIZE, 16→SANCTION (163→COERCE), 17→COERCE, 18–20→ASSAULT). Note that PLOVER puts
/// SANCTION in material conflict while the data put CAMEO 16 in verbal conflict: that mismatch is scored as is.</para>
/// <para>The source has no dev split; sentences whose 0-based index is a multiple of five form "dev", the rest
/// "train" (used only for error analysis: nothing is fitted to it), "all" is both.</para>
/// <para>The predicted class of a sentence is that of its most confident event, 0 when none. Actor accuracy: over
/// the NER sentences with a gold source (S or R tag), the share whose predicted source shares a word with it; the
/// same for targets (T or R).</para>
/// </summary>
public static class EventEvaluator
{
    public static EventScores Evaluate(string dataDir, string split = "dev", Func<Document, Document>? prepare = null, PloverLexicon? lexicon = null)
    {
        prepare ??= FallbackLanguage.Prepare;
        var coder = lexicon is null ? EventCoder.Default : new EventCoder(lexicon);
        var root = Directory.Exists(Path.Combine(dataDir, "conflibert-cameo")) ? Path.Combine(dataDir, "conflibert-cameo") : dataDir;

        var classes = ReadClasses(Path.Combine(root, "cameo_class", "train.tsv")).Where((_, i) => InSplit(i, split)).ToList();
        var confusion = new int[5, 5];
        foreach (var (sentence, label) in classes)
        {
            var best = Best(coder, prepare, sentence);
            confusion[label, best is null ? 0 : PloverExport.QuadCode(best.Type)]++;
        }
        var correct = Enumerable.Range(0, 5).Sum(k => confusion[k, k]);
        var f1 = Enumerable.Range(0, 5).Select(k =>
        {
            var tp = confusion[k, k];
            var predicted = Enumerable.Range(0, 5).Sum(g => confusion[g, k]);
            var gold = Enumerable.Range(0, 5).Sum(p => confusion[k, p]);
            return tp == 0 ? 0.0 : 2.0 * tp / (predicted + gold);
        }).ToList();

        int actorSentences = 0, sourceOk = 0, targetWith = 0, targetOk = 0;
        foreach (var (i, tokens) in ReadNer(Path.Combine(root, "cameo_ner", "train.txt")).Select((t, i) => (i, t)))
        {
            if (!InSplit(i, split)) continue;
            var text = string.Join(" ", tokens.Select(t => t.Word));
            var source = Span(tokens, "S") ?? Span(tokens, "R");
            var target = Span(tokens, "T") ?? Span(tokens, "R");
            if (source is null) continue;
            actorSentences++;
            var best = Best(coder, prepare, text);
            if (best is not null && SharesWord(best.Source.Name, source)) sourceOk++;
            if (target is null) continue;
            targetWith++;
            if (best?.Target is not null && SharesWord(best.Target.Name, target)) targetOk++;
        }
        return new EventScores(split, classes.Count,
            classes.Count == 0 ? 0 : (double)correct / classes.Count, f1.Average(), f1,
            actorSentences,
            actorSentences == 0 ? 0 : (double)sourceOk / actorSentences,
            targetWith == 0 ? 0 : (double)targetOk / targetWith);
    }

    private static bool InSplit(int index, string split) => split switch
    {
        "dev" => index % 5 == 0,
        "train" => index % 5 != 0,
        _ => true,
    };

    private static EventMention? Best(EventCoder coder, Func<Document, Document> prepare, string sentence)
    {
        var doc = prepare(new Document("s", "s", sentence, new DocumentMetadata()));
        return coder.Code(doc).OrderByDescending(e => e.Confidence).FirstOrDefault();
    }

    private static IEnumerable<(string Sentence, int Label)> ReadClasses(string path)
    {
        if (!File.Exists(path)) yield break;
        foreach (var raw in File.ReadLines(path, new UTF8Encoding(false)))
        {
            var line = raw.TrimEnd('\r');
            var tab = line.LastIndexOf('\t');
            if (tab <= 0 || !int.TryParse(line[(tab + 1)..], out var label) || label is < 0 or > 4) continue;
            yield return (line[..tab], label);
        }
    }

    private static IEnumerable<List<(string Word, string Tag)>> ReadNer(string path)
    {
        if (!File.Exists(path)) yield break;
        var sentence = new List<(string, string)>();
        foreach (var raw in File.ReadLines(path, new UTF8Encoding(false)))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (sentence.Count > 0) yield return sentence;
                sentence = [];
                continue;
            }
            var space = line.LastIndexOf(' ');
            if (space > 0) sentence.Add((line[..space], line[(space + 1)..]));
        }
        if (sentence.Count > 0) yield return sentence;
    }

    /// <summary>The words of the first span tagged with <paramref name="role"/>.</summary>
    private static string? Span(List<(string Word, string Tag)> tokens, string role)
    {
        var start = tokens.FindIndex(t => t.Tag == "B-" + role);
        if (start < 0) return null;
        var end = start + 1;
        while (end < tokens.Count && tokens[end].Tag == "I-" + role) end++;
        return string.Join(" ", tokens.Skip(start).Take(end - start).Select(t => t.Word));
    }

    private static readonly HashSet<string> Minor = new(StringComparer.OrdinalIgnoreCase)
        { "the", "a", "an", "of", "and", "'s", "in", "for", "on", "to" };

    private static bool SharesWord(string predicted, string gold)
    {
        var words = gold.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Minor.Contains(w)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return predicted.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Any(w => !Minor.Contains(w) && words.Contains(w.TrimEnd('’', '\'')));
    }
}
