using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Dossier.Language.Entities;

/// <summary>Precision, recall and F1 of one label (or of all), counted over entities as conlleval does.</summary>
public sealed record NerScore(int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>The result of <see cref="NerEvaluator.Evaluate(NerModel, string)"/>.</summary>
public sealed record NerScores(int Tokens, int CorrectTokens, NerScore Overall, ImmutableSortedDictionary<string, NerScore> PerLabel)
{
    public double Accuracy => Tokens == 0 ? 0 : (double)CorrectTokens / Tokens;

    /// <summary>The report in conlleval's layout.</summary>
    public string Format()
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.Append(c, $"processed {Tokens} tokens with {Overall.Gold} phrases; found: {Overall.Predicted} phrases; correct: {Overall.Correct}.\n");
        s.Append(c, $"accuracy: {100 * Accuracy,6:F2}%; precision: {100 * Overall.Precision,6:F2}%; recall: {100 * Overall.Recall,6:F2}%; FB1: {100 * Overall.F1,6:F2}\n");
        foreach (var (label, score) in PerLabel)
            s.Append(c, $"{label,17}: precision: {100 * score.Precision,6:F2}%; recall: {100 * score.Recall,6:F2}%; FB1: {100 * score.F1,6:F2}  {score.Predicted}\n");
        return s.ToString();
    }
}

/// <summary>Entity-level exact-match evaluation of a model on gold CoNLL data (conlleval semantics).</summary>
public static class NerEvaluator
{
    public static NerScores Evaluate(NerModel model, string conllPath)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(conllPath);
        return Evaluate(model, Conll.Read(conllPath));
    }

    public static NerScores Evaluate(NerModel model, IReadOnlyList<ConllDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(model);
        var buffers = new NerDecoder.Buffers();
        var counts = NerTags.Types.ToDictionary(t => t, _ => new int[3]);
        var tokens = 0;
        var correctTokens = 0;
        foreach (var document in documents)
        {
            var predicted = model.TagIds(document.Sentences.Select(s => s.Words).ToList(), buffers);
            for (var s = 0; s < predicted.Length; s++)
            {
                var gold = document.Sentences[s].Tags;
                var guess = predicted[s].Select(t => NerTags.Names[t]).ToArray();
                tokens += gold.Length;
                for (var i = 0; i < gold.Length; i++)
                {
                    if (gold[i] == guess[i]) correctTokens++;
                }
                var goldChunks = Conll.Chunks(gold).ToHashSet();
                foreach (var chunk in goldChunks) Count(counts, chunk.Type, 0);
                foreach (var chunk in Conll.Chunks(guess))
                {
                    Count(counts, chunk.Type, 1);
                    if (goldChunks.Contains(chunk)) Count(counts, chunk.Type, 2);
                }
            }
        }
        var perLabel = counts.ToImmutableSortedDictionary(p => p.Key, p => new NerScore(p.Value[0], p.Value[1], p.Value[2]), StringComparer.Ordinal);
        var overall = new NerScore(perLabel.Values.Sum(v => v.Gold), perLabel.Values.Sum(v => v.Predicted), perLabel.Values.Sum(v => v.Correct));
        return new NerScores(tokens, correctTokens, overall, perLabel);
    }

    private static void Count(Dictionary<string, int[]> counts, string type, int slot)
    {
        if (!counts.TryGetValue(type, out var c)) counts[type] = c = new int[3];
        c[slot]++;
    }
}
