using System.Collections.Immutable;
using System.Text.Json;
using Dossier.Core.Model;
using Dossier.Corpus.Positions;
using Dossier.Corpus.Shared;

namespace Dossier.Corpus.Evaluation;

/// <summary>Stance scores on an annotated set: how many texts and gold stances, and how the stage did.</summary>
public sealed record StanceScores(int Texts, int Gold, int Predicted, int Correct, int MatchedPairs, int MatchedPairsRight)
{
    /// <summary>Of the (actor, issue) pairs the stage found that are in the gold set, the share with the right stance.</summary>
    public double StanceAccuracy => MatchedPairs == 0 ? 0 : MatchedPairsRight / (double)MatchedPairs;
    /// <summary>Share of predicted stance mentions (evidence) whose actor, issue and stance are all right.</summary>
    public double EvidencePrecision => Predicted == 0 ? 0 : Correct / (double)Predicted;
    public double Recall => Gold == 0 ? 0 : Correct / (double)Gold;

    public override string ToString() =>
        $"texts {Texts}, gold stances {Gold}, predicted {Predicted}: stance accuracy {StanceAccuracy:F3} ({MatchedPairsRight}/{MatchedPairs}), " +
        $"evidence precision {EvidencePrecision:F3} ({Correct}/{Predicted}), recall {Recall:F3} ({Correct}/{Gold})";
}

/// <summary>
/// Scores <see cref="StanceStage"/> on a JSONL set, one text per line:
/// <c>{"text": …, "entities": [[surface, id, PER|ORG|LOC|MISC]…], "quotes": [[content, speaker, speaker id]…],
/// "gold": [[actor, issue, Support|Oppose|Conditional|Undecided]…]}</c>. Entities mark every occurrence of the surface.
/// </summary>
public static class StanceEvaluator
{
    public static StanceScores Evaluate(string path, Taxonomy? taxonomy = null)
    {
        var stage = new StanceStage(taxonomy);
        int texts = 0, gold = 0, predicted = 0, correct = 0, pairs = 0, pairsRight = 0;
        foreach (var line in File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var root = JsonDocument.Parse(line).RootElement;
            var doc = Build(root, texts);
            var expected = root.GetProperty("gold").EnumerateArray()
                .Select(g => (Actor: g[0].GetString()!, Issue: g[1].GetString()!, Stance: Enum.Parse<Stance>(g[2].GetString()!))).ToList();
            var found = stage.Find(doc).Select(m => (Actor: m.Actor.EntityId, m.Issue, m.Stance)).Distinct().ToList();
            texts++;
            gold += expected.Count;
            predicted += found.Count;
            correct += found.Count(expected.Contains);
            foreach (var f in found)
            {
                var match = expected.Where(e => e.Actor == f.Actor && e.Issue == f.Issue).ToList();
                if (match.Count == 0) continue;
                pairs++;
                if (match.Any(e => e.Stance == f.Stance)) pairsRight++;
            }
        }
        return new StanceScores(texts, gold, predicted, correct, pairs, pairsRight);
    }

    private static Document Build(JsonElement root, int index)
    {
        var text = root.GetProperty("text").GetString() ?? "";
        var entities = new List<EntityMention>();
        if (root.TryGetProperty("entities", out var es))
            foreach (var e in es.EnumerateArray())
            {
                var surface = e[0].GetString()!;
                for (var i = text.IndexOf(surface, StringComparison.Ordinal); i >= 0; i = text.IndexOf(surface, i + surface.Length, StringComparison.Ordinal))
                    entities.Add(new EntityMention(new TextSpan(i, i + surface.Length), surface, Enum.Parse<EntityLabel>(e[2].GetString()!), null, e[1].GetString()));
            }
        var quotes = new List<Quote>();
        if (root.TryGetProperty("quotes", out var qs))
            foreach (var q in qs.EnumerateArray())
            {
                var content = q[0].GetString()!;
                var start = text.IndexOf(content, StringComparison.Ordinal);
                if (start < 0) continue;
                quotes.Add(new Quote(new TextSpan(start, start + content.Length), content, QuoteKind.Direct,
                    new Speaker(q[1].GetString()!, q[2].GetString(), default), null, null, null, AttributionCertainty.Direct));
            }
        var doc = new Document($"stance-{index}", "stances", text, new DocumentMetadata());
        return doc.With(Layers.Sentences, TextUnits.SplitSentences(text).Select(s => new Sentence(s)), "eval", "1")
            .With(Layers.Entities, entities, "eval", "1")
            .With(Layers.Quotes, quotes, "eval", "1");
    }
}
