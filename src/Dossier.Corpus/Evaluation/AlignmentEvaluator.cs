using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dossier.Core.Model;
using Dossier.Corpus.Discrepancies;
using NodaTime.Text;

namespace Dossier.Corpus.Evaluation;

using Corpus = Dossier.Core.Model.Corpus;

/// <summary>One article of an evaluation event, as an outlet published it.</summary>
public sealed record GoldArticle(string Id, string? Outlet, string? Published, string? Title, string Text);

/// <summary>The same fact (or quote) in several articles: each member is a passage of that article's text.</summary>
public sealed record GoldGroup(string Id, Dictionary<string, string> Members);

/// <summary>A planted error: the article, the kind (number, date, role, attribution, loaded) and the erroneous passage.</summary>
public sealed record GoldDiscrepancy(string Document, string Kind, string Text);

/// <summary>An article that leaves out a claim most of the others carry.</summary>
public sealed record GoldOmission(string Document, string Claim);

/// <summary>An event written in several outlet versions with its gold annotations (samples/eval/alignment/*.json).</summary>
public sealed record GoldEvent(string Event, List<GoldArticle> Articles, List<GoldGroup> Claims, List<GoldGroup> Quotes,
    List<GoldDiscrepancy> Discrepancies)
{
    /// <summary>The omissions the gold groups imply: an article lacks a claim or quote that more than half of the
    /// event's other articles (and at least two) carry — the definition the discrepancy stage applies.</summary>
    public IEnumerable<GoldOmission> Omissions() =>
        from g in Claims.Concat(Quotes)
        where g.Members.Count >= 2 && g.Members.Count * 2 > Articles.Count - 1
        from a in Articles
        where !g.Members.ContainsKey(a.Id)
        select new GoldOmission(a.Id, g.Id);
}

/// <summary>Precision, recall and F1 from counts (true positives counted separately on each side for pair metrics).</summary>
public sealed record PrecisionRecall(int MatchedPredicted, int Predicted, int MatchedGold, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : MatchedPredicted / (double)Predicted;
    public double Recall => Gold == 0 ? 0 : MatchedGold / (double)Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"P {Precision:F3} ({MatchedPredicted}/{Predicted})  R {Recall:F3} ({MatchedGold}/{Gold})  F1 {F1:F3}");
}

public sealed record AlignmentScores(int Events, int Articles, StoryScores Stories, PrecisionRecall Claims, PrecisionRecall Quotes,
    PrecisionRecall Contradictions, ImmutableDictionary<string, PrecisionRecall> ByKind, PrecisionRecall Omissions,
    ImmutableArray<string> Misses)
{
    public string Format()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{Events} events, {Articles} articles, all analysed together");
        sb.AppendLine($"stories:        {Stories}");
        sb.AppendLine($"claim pairs:    {Claims}");
        sb.AppendLine($"quote pairs:    {Quotes}");
        sb.AppendLine($"contradictions: {Contradictions}");
        foreach (var (kind, pr) in ByKind.OrderBy(k => k.Key, StringComparer.Ordinal)) sb.AppendLine($"  {kind,-12}  {pr}");
        sb.AppendLine($"omissions:      {Omissions}");
        foreach (var miss in Misses) sb.AppendLine("  " + miss);
        return sb.ToString().TrimEnd();
    }
}

/// <summary>
/// Scores cross-outlet comparison on events written as several outlet versions with planted errors: all articles are
/// analysed together (so stories must be found too), then claim and quote alignment are scored on pairs of articles
/// (a predicted pair counts when both its spans cover the gold passages of one gold claim), planted contradictions
/// (number, date, role, attribution, loaded word) on the erroneous passage, and omissions on the claim left out.
/// </summary>
public static class AlignmentEvaluator
{
    /// <summary>Contradiction kinds scored, with the predicted kinds that count for each ("title" is a kind of role error).</summary>
    private static readonly ImmutableDictionary<string, string> KindOf = new Dictionary<string, string>
    {
        [DiscrepancyKinds.Number] = "number", [DiscrepancyKinds.Date] = "date", [DiscrepancyKinds.Role] = "role",
        [DiscrepancyKinds.Title] = "role", [DiscrepancyKinds.Attribution] = "attribution", [DiscrepancyKinds.Loaded] = "loaded",
    }.ToImmutableDictionary();

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<GoldEvent> Read(string directory) =>
        [.. Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<GoldEvent>(File.ReadAllText(f), Json) ?? throw new InvalidDataException($"{f}: empty"))];

    /// <summary>The articles as unanalysed documents (id, outlet, title, publication date, text).</summary>
    public static ImmutableArray<Document> Documents(IEnumerable<GoldEvent> events) =>
        [.. events.SelectMany(e => e.Articles).Select(a => new Document(a.Id, a.Id, a.Text, new DocumentMetadata
        {
            Outlet = a.Outlet,
            Title = a.Title,
            Published = a.Published is null ? null : LocalDatePattern.Iso.Parse(a.Published).GetValueOrThrow(),
        }))];

    /// <param name="analyze">Runs the whole pipeline (document and corpus stages) on the documents.</param>
    public static AlignmentScores Evaluate(string directory, Func<ImmutableArray<Document>, Corpus> analyze)
    {
        var events = Read(directory);
        return Score(events, analyze(Documents(events)));
    }

    public static AlignmentScores Score(IReadOnlyList<GoldEvent> events, Corpus corpus)
    {
        var texts = events.SelectMany(e => e.Articles).ToDictionary(a => a.Id, a => a.Text, StringComparer.Ordinal);
        TextSpan Locate(string doc, string passage)
        {
            var at = texts[doc].IndexOf(passage, StringComparison.Ordinal);
            if (at < 0) throw new InvalidDataException($"'{passage}' is not in {doc}");
            return new TextSpan(at, at + passage.Length);
        }
        var misses = new List<string>();

        var goldStory = events.SelectMany(e => e.Articles.Select(a => (a.Id, e.Event))).ToDictionary(x => x.Id, x => x.Event, StringComparer.Ordinal);
        var predictedStory = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < corpus.Stories.Length; s++) foreach (var id in corpus.Stories[s].DocumentIds) predictedStory[id] = s;
        var stories = StoryEvaluator.Compare(goldStory, predictedStory);

        PrecisionRecall Pairs(IEnumerable<GoldGroup> gold, AlignmentKind kind)
        {
            var goldGroups = gold.Select(g => (g.Id, Spans: g.Members.ToDictionary(m => m.Key, m => Locate(m.Key, m.Value)))).ToList();
            var goldPairs = goldGroups.SelectMany(g => g.Spans.Keys.SelectMany(a => g.Spans.Keys.Where(b => string.CompareOrdinal(a, b) < 0)
                .Select(b => (g.Id, A: a, B: b)))).ToList();
            bool Covers(DocSpan p, TextSpan g) => p.Start < g.End && g.Start < p.End;
            var predictedPairs = corpus.Alignments.Where(a => a.Kind == kind).SelectMany(a => a.Documents.SelectMany(x => a.Documents
                .Where(y => string.CompareOrdinal(x.DocumentId, y.DocumentId) < 0).Select(y => (X: x, Y: y)))).ToList();
            string? Match((DocSpan X, DocSpan Y) p) => goldGroups.FirstOrDefault(g =>
                g.Spans.TryGetValue(p.X.DocumentId, out var gx) && Covers(p.X, gx) &&
                g.Spans.TryGetValue(p.Y.DocumentId, out var gy) && Covers(p.Y, gy)).Id;
            var matchedPredicted = 0;
            var found = new HashSet<(string, string, string)>();
            foreach (var p in predictedPairs)
            {
                if (Match(p) is not { } id) continue;
                matchedPredicted++;
                found.Add((id, p.X.DocumentId, p.Y.DocumentId));
            }
            foreach (var g in goldPairs.Where(g => !found.Contains(g))) misses.Add($"missed {kind.ToString().ToLowerInvariant()} pair {g.Id}: {g.A} ~ {g.B}");
            return new PrecisionRecall(matchedPredicted, predictedPairs.Count, goldPairs.Count(found.Contains), goldPairs.Count);
        }
        var claims = Pairs(events.SelectMany(e => e.Claims), AlignmentKind.Claim);
        var quotes = Pairs(events.SelectMany(e => e.Quotes), AlignmentKind.Quote);

        var goldErrors = events.SelectMany(e => e.Discrepancies).Select(d => (d.Document, d.Kind, Span: Locate(d.Document, d.Text))).ToList();
        var predictedErrors = corpus.Discrepancies.Where(d => KindOf.ContainsKey(d.Kind) && texts.ContainsKey(d.Document)).ToList();
        bool Same(Discrepancy p, (string Document, string Kind, TextSpan Span) g) =>
            p.Document == g.Document && KindOf[p.Kind] == g.Kind && p.Start < g.Span.End && g.Span.Start < p.End;
        var byKind = ImmutableDictionary.CreateBuilder<string, PrecisionRecall>();
        foreach (var kind in KindOf.Values.Distinct())
        {
            var p = predictedErrors.Where(d => KindOf[d.Kind] == kind).ToList();
            var g = goldErrors.Where(d => d.Kind == kind).ToList();
            byKind[kind] = new PrecisionRecall(p.Count(x => g.Any(y => Same(x, y))), p.Count, g.Count(y => p.Any(x => Same(x, y))), g.Count);
        }
        foreach (var g in goldErrors.Where(g => !predictedErrors.Any(p => Same(p, g)))) misses.Add($"missed {g.Kind} in {g.Document}");
        foreach (var p in predictedErrors.Where(p => !goldErrors.Any(g => Same(p, g))))
            misses.Add($"false {p.Kind} in {p.Document}: \"{p.Text}\"");
        var contradictions = new PrecisionRecall(byKind.Values.Sum(v => v.MatchedPredicted), byKind.Values.Sum(v => v.Predicted),
            byKind.Values.Sum(v => v.MatchedGold), byKind.Values.Sum(v => v.Gold));

        // An omission names the text it leaves out (another outlet's sentence or quote): it matches a gold omission when
        // that text holds one of the gold claim's passages.
        var goldClaims = events.SelectMany(e => e.Claims.Concat(e.Quotes)).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var goldOmissions = events.SelectMany(e => e.Omissions()).ToList();
        var predictedOmissions = corpus.Discrepancies.Where(d => d.Kind == DiscrepancyKinds.Omission && texts.ContainsKey(d.Document)).ToList();
        bool Omits(Discrepancy p, GoldOmission g) =>
            p.Document == g.Document && goldClaims[g.Claim].Members.Values.Any(passage => p.Text.Contains(passage, StringComparison.Ordinal));
        var omissions = new PrecisionRecall(predictedOmissions.Count(p => goldOmissions.Any(g => Omits(p, g))), predictedOmissions.Count,
            goldOmissions.Count(g => predictedOmissions.Any(p => Omits(p, g))), goldOmissions.Count);
        foreach (var g in goldOmissions.Where(g => !predictedOmissions.Any(p => Omits(p, g)))) misses.Add($"missed omission of {g.Claim} in {g.Document}");
        foreach (var p in predictedOmissions.Where(p => !goldOmissions.Any(g => Omits(p, g))))
            misses.Add($"false omission in {p.Document}: \"{p.Text}\"");

        return new AlignmentScores(events.Count, texts.Count, stories, claims, quotes, contradictions, byKind.ToImmutable(), omissions, [.. misses]);
    }
}
