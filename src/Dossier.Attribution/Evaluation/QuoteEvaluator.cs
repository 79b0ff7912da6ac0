using System.Globalization;
using System.Text;
using Dossier.Attribution.Quotes;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Attribution.Evaluation;

/// <summary>Precision, recall and F1 of one span criterion.</summary>
public sealed record SpanScore(int Gold, int Predicted, int MatchedGold, int MatchedPredicted)
{
    public double Precision => Predicted == 0 ? 0 : (double)MatchedPredicted / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)MatchedGold / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Scores for one kind of attribution (all, direct or indirect).</summary>
public sealed record KindScores(string Kind, SpanScore Exact, SpanScore Overlap, int SourceEvaluated, int SourceCorrect, int SourceSpanCorrect)
{
    /// <summary>
    /// Of the gold contents found (overlap) that have a source, the share whose predicted speaker is that source: its
    /// span overlaps the gold source, or it names the same actor as the name the gold source ends in (see
    /// <see cref="QuoteEvaluator"/>).
    /// </summary>
    public double SourceAccuracy => SourceEvaluated == 0 ? 0 : (double)SourceCorrect / SourceEvaluated;

    /// <summary>The stricter share whose predicted speaker span overlaps the gold source span.</summary>
    public double SourceSpanAccuracy => SourceEvaluated == 0 ? 0 : (double)SourceSpanCorrect / SourceEvaluated;
}

public sealed record QuoteScores(string Split, int Articles, KindScores All, KindScores Direct, KindScores Indirect)
{
    public string Format()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"PolNeAR {Split}: {Articles} articles");
        sb.AppendLine("kind      gold  pred | exact P   R     F1   | overlap P R     F1   | source acc (n) span-only");
        foreach (var k in new[] { All, Direct, Indirect })
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{k.Kind,-9} {k.Exact.Gold,5} {k.Exact.Predicted,5} | {k.Exact.Precision,5:F3} {k.Exact.Recall,5:F3} {k.Exact.F1,5:F3} | {k.Overlap.Precision,5:F3} {k.Overlap.Recall,5:F3} {k.Overlap.F1,5:F3} | {k.SourceAccuracy:F3} ({k.SourceEvaluated}) {k.SourceSpanAccuracy:F3}");
        }
        return sb.ToString();
    }
}

/// <summary>
/// Scores the quotes stage on PolNeAR (read its README): gold units are content spans (each fragment of a
/// discontinuous content counts on its own), predictions are the stage's quotes (a quote inside another predicted
/// quote is dropped, as PolNeAR gives every token one role). Direct gold = content with a quotation mark; direct
/// predictions = Direct and Partial quotes. Precision counts predictions of a kind that match any gold; recall counts
/// golds of a kind matched by any prediction. Spans are compared after trimming surrounding white space.
/// The source of a found gold content is right when the predicted speaker's span overlaps the gold source span, or when
/// the speaker is linked to the same actor as the name the gold source ends in ("Sen. Maria Lopez" or "Lopez" in
/// another sentence when the speaker is a linked mention of Lopez elsewhere): PolNeAR marks one mention of the source
/// and the issue asks for the speaker, so another mention of the same actor is the same source. A gold source that
/// does not end in a linked name ("his campaign", "Lopez's lawyer", "a source") has only its span to match.
/// </summary>
public static class QuoteEvaluator
{
    /// <param name="prepare">Adds the "sentences" and actor-linked "entities" layers (the real language pipeline);
    /// when null, <see cref="FallbackLanguage"/> (a naive splitter and capitalised-name finder) is used.</param>
    /// <param name="maxArticles">Stop after this many articles (for quick checks); all when null.</param>
    /// <param name="stage">The quotes stage to score; the default one (with the committed tagger) when null.</param>
    public static QuoteScores Evaluate(string polnearDir, string split, Func<Document, Document>? prepare = null, int? maxArticles = null,
        QuoteStage? stage = null)
    {
        prepare ??= FallbackLanguage.Prepare;
        var articles = PolnearCorpus.Read(polnearDir, split).Take(maxArticles ?? int.MaxValue)
            .Select(a => (a, prepare(new Document(a.Name, a.Name, a.Text, new DocumentMetadata()))));
        return Evaluate(articles, split, stage);
    }

    /// <summary>Scores the quotes stage on articles already prepared (sentences, tokens, actor-linked entities).</summary>
    /// <param name="label">What the articles are, for the report ("dev", "held-out train").</param>
    public static QuoteScores Evaluate(IEnumerable<(PolnearArticle Article, Document Prepared)> articles, string label, QuoteStage? stage = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        stage ??= new QuoteStage();
        var context = StageContext.Default();
        var units = new List<(string Text, List<Unit> Gold, List<Quote> Predicted, EntityMention[] Entities)>();
        var count = 0;
        foreach (var (article, prepared) in articles)
        {
            count++;
            var processed = stage.Process(prepared, context);
            var predicted = Outermost(processed.Layer(Layers.Quotes));
            var gold = article.Attributions
                .SelectMany(a => a.Content.Select(c => new Unit(Trim(article.Text, c), a.IsDirect(article.Text), a.Source)))
                .Where(u => !u.Span.IsEmpty)
                .ToList();
            units.Add((article.Text, gold, predicted, [.. processed.Layer(Layers.Entities)]));
        }
        return new QuoteScores(label, count,
            Score("all", units, _ => true, _ => true),
            Score("direct", units, g => g.Direct, p => p.Kind != QuoteKind.Indirect),
            Score("indirect", units, g => !g.Direct, p => p.Kind == QuoteKind.Indirect));
    }

    private sealed record Unit(TextSpan Span, bool Direct, IReadOnlyList<TextSpan> Source);

    private static KindScores Score(string kind, List<(string Text, List<Unit> Gold, List<Quote> Predicted, EntityMention[] Entities)> docs,
        Func<Unit, bool> goldOfKind, Func<Quote, bool> predictedOfKind)
    {
        int gold = 0, pred = 0, exactGold = 0, exactPred = 0, overGold = 0, overPred = 0, srcN = 0, srcOk = 0, srcSpanOk = 0;
        foreach (var (text, golds, preds, entities) in docs)
        {
            var spans = preds.Select(p => Trim(text, p.Span)).ToList();
            foreach (var g in golds.Where(goldOfKind))
            {
                gold++;
                if (spans.Contains(g.Span)) exactGold++;
                var best = -1;
                var bestOverlap = 0;
                for (var i = 0; i < spans.Count; i++)
                {
                    var o = spans[i].OverlapLength(g.Span);
                    if (o > bestOverlap) (best, bestOverlap) = (i, o);
                }
                if (best < 0) continue;
                overGold++;
                if (g.Source.Count == 0) continue;
                srcN++;
                var speaker = preds[best].Speaker;
                if (speaker is null) continue;
                if (g.Source.Any(s => s.Overlaps(speaker.Span)))
                {
                    srcSpanOk++;
                    srcOk++;
                }
                else if (speaker.EntityId is { } id && g.Source.Any(s => HeadName(text, entities, s)?.EntityId == id))
                {
                    srcOk++;
                }
            }
            for (var i = 0; i < preds.Count; i++)
            {
                if (!predictedOfKind(preds[i])) continue;
                pred++;
                if (golds.Any(g => g.Span == spans[i])) exactPred++;
                if (golds.Any(g => g.Span.Overlaps(spans[i]))) overPred++;
            }
        }
        return new KindScores(kind, new SpanScore(gold, pred, exactGold, exactPred), new SpanScore(gold, pred, overGold, overPred), srcN, srcOk, srcSpanOk);
    }

    /// <summary>
    /// The linked name a gold source ends in ("Trump campaign manager Kellyanne Conway" → Conway; "Sen. Lopez," →
    /// Lopez), or null when it ends in anything else ("Lopez's lawyer", "his campaign").
    /// </summary>
    private static EntityMention? HeadName(string text, EntityMention[] entities, TextSpan source)
    {
        var end = source.End;
        while (end > source.Start && (char.IsWhiteSpace(text[end - 1]) || char.IsPunctuation(text[end - 1]))) end--;
        return entities.LastOrDefault(e => e.EntityId is not null && e.Span.Start >= source.Start && e.Span.End == end);
    }

    /// <summary>Drops quotes that lie inside another predicted quote (a partial quotation inside reported speech).</summary>
    private static List<Quote> Outermost(IReadOnlyList<Quote> quotes)
    {
        var sorted = quotes.OrderBy(q => q.Span.Start).ThenByDescending(q => q.Span.End).ToList();
        var result = new List<Quote>();
        var reach = -1;
        foreach (var q in sorted)
        {
            if (q.Span.End <= reach) continue;
            result.Add(q);
            reach = Math.Max(reach, q.Span.End);
        }
        return result;
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        int s = span.Start, e = span.End;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return new TextSpan(s, e);
    }
}
