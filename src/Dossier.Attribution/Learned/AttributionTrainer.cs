using Dossier.Attribution.Evaluation;
using Dossier.Attribution.Quotes;
using Dossier.Core.Model;
using Dossier.Language.Learning;

namespace Dossier.Attribution.Learned;

/// <summary>
/// Trains the <see cref="AttributionTagger"/> on PolNeAR's train part (read its README): every token gets the role of
/// the annotated span it lies in. Nested attributions (a source or cue inside another's content) keep their own role;
/// where two contents overlap the outer one wins, so a sentence's reported clause stays one span.
/// </summary>
public static class AttributionTrainer
{
    /// <param name="prepare">Adds the sentences, tokens and entities layers (the real language pipeline).</param>
    public static AttributionTagger Train(string polnearDir, Func<Document, Document> prepare, int epochs, Action<string>? log = null,
        int? maxArticles = null)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        var corpus = PolnearCorpus.Read(polnearDir, "train").Take(maxArticles ?? int.MaxValue)
            .Select(a => (Article: a, Document: prepare(new Document(a.Name, a.Name, a.Text, new DocumentMetadata()))))
            .ToList();
        var articles = corpus
            .Select(c => AttributionSentence.From(c.Document, EmptyCues).Select(s => new Example(s, GoldLabels(s, c.Article.Attributions))).ToList())
            .ToList();
        // Which words act as cues is learned from the labels, then marked on the same sentences.
        var cues = LearnCues(articles.SelectMany(a => a));
        foreach (var example in articles.SelectMany(a => a)) example.Sentence.MarkLearnedCues(cues);
        log?.Invoke($"{cues.Count} words learned as cues");
        log?.Invoke($"{articles.Count} articles, {articles.Sum(a => a.Count)} sentences, {articles.Sum(a => a.Sum(e => e.Sentence.Length))} tokens");

        // Every tenth article is held out to choose the content bias; the final model then learns from all of them.
        var tuning = articles.Where((_, k) => k % 10 == 9).SelectMany(a => a).ToList();
        var fitting = articles.Where((_, k) => k % 10 != 9).SelectMany(a => a).ToList();
        var probe = Fit(fitting, cues, epochs, null);
        var scores = BiasGrid.ToDictionary(b => b, b => ContentOverlapF1(probe.WithContentBias(b), tuning));
        // The held-out curve is flat over most of the grid (differences of a few thousandths are one article's worth):
        // among settings that tie with the best, the one reading the most reported speech is kept, so a retrain after a
        // change in the layers below does not swing between a cautious and a generous tagger on noise.
        var best = scores.Values.Max();
        var bias = BiasGrid.Where(b => scores[b] >= best - BiasTieTolerance).Max();
        log?.Invoke($"content bias {bias} (overlap F1 on held-out train articles: {string.Join(", ", BiasGrid.Select(b => $"{b}: {scores[b]:F3}"))})");
        var tagger = Fit([.. articles.SelectMany(a => a)], cues, epochs, log).WithContentBias(bias);
        return tagger.WithRanker(TrainRanker(corpus, articles, cues, epochs, bias, log));
    }

    /// <summary>Folds for the source ranker's training choices: each fold's articles are read by a tagger trained on the others.</summary>
    private const int RankerFolds = 5;

    private static readonly int[] RankerEpochGrid = [1, 2, 3, 5, 8, 12];

    /// <summary>Articles whose index ends in this digit are held out to tune the ranker.</summary>
    private const int HeldOut = 9;

    /// <summary>
    /// Learns the source ranker from the choices the quotes stage makes on the training articles. The tagger that reads
    /// an article must not have learned from it (its source phrases would be right too often), so the articles are cut
    /// into folds and each is read by a tagger trained on the other folds. Every tenth article's choices are held out
    /// to choose the number of passes; the ranker then learns from all choices.
    /// </summary>
    private static SourceRanker TrainRanker(List<(PolnearArticle Article, Document Document)> corpus, List<List<Example>> articles,
        IReadOnlySet<ulong> cues, int epochs, float bias, Action<string>? log)
    {
        var choices = new List<(int Article, SourceChoice Choice, bool[] Right)>();
        var unreachable = 0;
        AttributionTagger? heldReader = null;
        for (var fold = 0; fold < RankerFolds; fold++)
        {
            var reader = Fit([.. articles.Where((_, k) => k % RankerFolds != fold).SelectMany(a => a)], cues, epochs, null).WithContentBias(bias);
            for (var k = fold; k < corpus.Count; k += RankerFolds)
            {
                var (article, document) = corpus[k];
                var article1 = k;
                QuoteExtractor.Extract(document, reader, choice =>
                {
                    var source = GoldSource(article, choice.Content);
                    if (source is null) return;
                    var right = choice.Candidates.Select(c => source.Any(s => s.Overlaps(c.Span))).ToArray();
                    if (right.Any(r => r)) choices.Add((article1, choice, right));
                    else unreachable++;
                });
            }
            if (fold == HeldOut % RankerFolds) heldReader = reader;
            log?.Invoke($"source ranker: fold {fold + 1}/{RankerFolds} read");
        }
        var fitting = choices.Where(c => c.Article % 10 != HeldOut).Select(c => (c.Choice.Features, c.Right)).ToList();
        var held = choices.Where(c => c.Article % 10 == HeldOut).ToList();
        double Accuracy(Func<SourceChoice, int> choose) => held.Count == 0 ? 0 : held.Count(c => choose(c.Choice) is var i && i >= 0 && c.Right[i]) / (double)held.Count;
        var scored = RankerEpochGrid.Select(e => (Epochs: e, Ranker: SourceRanker.Train(fitting, e)))
            .Select(r => (r.Epochs, r.Ranker, Accuracy: Accuracy(c => r.Ranker.Best(c.Features)))).ToList();
        var best = scored.MaxBy(r => r.Accuracy);
        if (heldReader is not null)
        {
            // The whole quotes stage on the held-out articles, read by a tagger that never saw them, without and with the ranker.
            var heldArticles = corpus.Where((_, k) => k % 10 == HeldOut).ToList();
            var without = QuoteEvaluator.Evaluate(heldArticles, "held-out train", new QuoteStage(heldReader)).All;
            var with = QuoteEvaluator.Evaluate(heldArticles, "held-out train", new QuoteStage(heldReader.WithRanker(best.Ranker))).All;
            log?.Invoke($"held-out train articles ({heldArticles.Count}), all attributions: overlap F1 {without.Overlap.F1:F3} -> {with.Overlap.F1:F3}, " +
                $"source accuracy {without.SourceAccuracy:F3} -> {with.SourceAccuracy:F3} (span only {without.SourceSpanAccuracy:F3} -> {with.SourceSpanAccuracy:F3}, n {with.SourceEvaluated})");
        }
        log?.Invoke($"source ranker: {choices.Count} choices with the gold source among the candidates ({unreachable} without); on held-out " +
            $"train articles ({held.Count} choices) {best.Accuracy:F3} right after {best.Epochs} passes " +
            $"({string.Join(", ", scored.Select(r => $"{r.Epochs}: {r.Accuracy:F3}"))}), tagger and rules alone {Accuracy(c => c.Current):F3}");
        return SourceRanker.Train([.. choices.Select(c => (c.Choice.Features, c.Right))], best.Epochs);
    }

    /// <summary>The source spans of the gold attribution whose content overlaps <paramref name="content"/> most; null when none does or it has no source.</summary>
    private static IReadOnlyList<TextSpan>? GoldSource(PolnearArticle article, TextSpan content)
    {
        GoldAttribution? best = null;
        var most = 0;
        foreach (var a in article.Attributions)
        {
            foreach (var c in a.Content)
            {
                var o = c.OverlapLength(content);
                if (o > most) (best, most) = (a, o);
            }
        }
        return best is { Source.Count: > 0 } ? best.Source : null;
    }

    private static readonly HashSet<ulong> EmptyCues = [];

    /// <summary>Words that open an annotated cue at least <c>MinCueCount</c> times and in at least a fifth of their uses.</summary>
    private static HashSet<ulong> LearnCues(IEnumerable<Example> examples)
    {
        const int MinCueCount = 3;
        var uses = new Dictionary<ulong, (int Total, int AsCue)>();
        foreach (var (sentence, labels) in examples)
        {
            for (var i = 0; i < sentence.Length; i++)
            {
                var (total, asCue) = uses.GetValueOrDefault(sentence.Words[i]);
                uses[sentence.Words[i]] = (total + 1, asCue + (labels[i] == Roles.CueBegin ? 1 : 0));
            }
        }
        return [.. uses.Where(u => u.Value.AsCue >= MinCueCount && u.Value.AsCue * 5 >= u.Value.Total).Select(u => u.Key)];
    }

    private sealed record Example(AttributionSentence Sentence, int[] Gold);

    private static readonly float[] BiasGrid = [0, 2, 4, 8, 12, 16, 24, 32];
    private const double BiasTieTolerance = 0.0025;

    private static AttributionTagger Fit(IReadOnlyList<Example> examples, IReadOnlySet<ulong> cues, int epochs, Action<string>? log)
    {
        var learner = new AveragedPerceptron(1 << AttributionTagger.DefaultBits, Roles.Count);
        var tagger = new AttributionTagger(new HashedPerceptron(AttributionTagger.DefaultBits, Roles.Count, learner.Weights), cues);
        var features = new AttributionFeatures(tagger.Weights.Mask);
        var random = new Random(17);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var k in order) tagger.Decode(examples[k].Sentence, features, examples[k].Gold, learner);
            log?.Invoke($"epoch {epoch}/{epochs} done");
        }
        return new AttributionTagger(new HashedPerceptron(AttributionTagger.DefaultBits, Roles.Count, learner.Averaged()), cues);
    }

    /// <summary>Token-overlap F1 of content spans: a predicted span counts when it overlaps a gold one, and vice versa.</summary>
    private static double ContentOverlapF1(AttributionTagger tagger, IReadOnlyList<Example> examples)
    {
        var features = new AttributionFeatures(tagger.Weights.Mask);
        int predicted = 0, predictedHit = 0, gold = 0, goldHit = 0;
        foreach (var (sentence, labels) in examples)
        {
            var guess = Runs(tagger.Decode(sentence, features, null, null));
            var truth = Runs(labels);
            predicted += guess.Count;
            gold += truth.Count;
            predictedHit += guess.Count(g => truth.Any(t => g.Start < t.End && t.Start < g.End));
            goldHit += truth.Count(t => guess.Any(g => g.Start < t.End && t.Start < g.End));
        }
        double p = predicted == 0 ? 0 : (double)predictedHit / predicted, r = gold == 0 ? 0 : (double)goldHit / gold;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>Content runs as token ranges.</summary>
    private static List<(int Start, int End)> Runs(int[] labels)
    {
        var runs = new List<(int, int)>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] is not (Roles.ContentBegin or Roles.ContentInside)) continue;
            var start = i;
            while (i + 1 < labels.Length && labels[i + 1] == Roles.ContentInside) i++;
            runs.Add((start, i + 1));
        }
        return runs;
    }

    internal static int[] GoldLabels(AttributionSentence sentence, IReadOnlyList<GoldAttribution> attributions)
    {
        var labels = new int[sentence.Length];
        // Longest contents first: a token already inside a content is not re-labelled by a shorter, nested one.
        foreach (var content in attributions.SelectMany(a => a.Content).OrderByDescending(c => c.Length))
            Mark(sentence, labels, content, Roles.ContentBegin, overwrite: false);
        foreach (var a in attributions)
        {
            if (a.Cue is { } cue) Mark(sentence, labels, cue, Roles.CueBegin, overwrite: true);
            foreach (var source in a.Source) Mark(sentence, labels, source, Roles.SourceBegin, overwrite: true);
        }
        return labels;
    }

    private static void Mark(AttributionSentence sentence, int[] labels, TextSpan span, int begin, bool overwrite)
    {
        if (!span.Overlaps(sentence.Span)) return;
        var first = true;
        for (var i = 0; i < sentence.Length; i++)
        {
            if (!sentence.Tokens[i].Overlaps(span)) continue;
            if (!overwrite && labels[i] != Roles.Outside) { first = true; continue; }
            labels[i] = first ? begin : begin + 1;
            first = false;
        }
        // Re-open a span that an overwrite cut in two, so "inside" always follows its own role.
        for (var i = 0; i < sentence.Length; i++)
        {
            var previous = i > 0 ? labels[i - 1] : -1;
            if (!Roles.Allowed(previous, labels[i])) labels[i]--;
        }
    }
}
