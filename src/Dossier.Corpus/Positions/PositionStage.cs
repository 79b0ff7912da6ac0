using System.Collections.Immutable;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Corpus.Positions;

using Corpus = Dossier.Core.Model.Corpus;

/// <summary>
/// The negotiation map: every stance mention of every document folded into cells (issue, actor, date, stance), each
/// with all its evidence spans and outlets. A change of stance over time is a new cell; nothing is overwritten.
/// </summary>
public sealed class PositionStage : ICorpusStage
{
    public string Name => "positions";
    public string Version => "1";
    public IReadOnlyList<string> Requires => ["stances"];
    public IReadOnlyList<string> Provides => [CorpusResults.Positions];

    public Corpus Process(Corpus corpus, StageContext context) => corpus with { Positions = Aggregate(corpus.Documents) };

    public static ImmutableArray<Position> Aggregate(IEnumerable<Document> documents)
    {
        var cells = new SortedDictionary<(string Issue, string Actor, string Date, Stance Stance), List<(Evidence E, string? Condition)>>();
        foreach (var doc in documents)
        {
            foreach (var m in doc.Layer(Layers.Stances))
            {
                var key = (m.Issue, m.Actor.EntityId, m.Date ?? "", m.Stance);
                if (!cells.TryGetValue(key, out var list)) cells[key] = list = [];
                list.Add((new Evidence(doc.Id, m.Span.Start, m.Span.End, doc.Metadata.Outlet, doc.TextOf(m.Span)), m.Condition));
            }
        }
        return [.. cells.Select(c => new Position(c.Key.Issue, c.Key.Actor, c.Key.Stance, c.Key.Date.Length > 0 ? c.Key.Date : null,
            [.. c.Value.Select(v => v.E).OrderBy(e => e.Document, StringComparer.Ordinal).ThenBy(e => e.Start).Distinct()],
            Conditions(c.Value.Select(v => v.Condition))))];
    }

    private static string? Conditions(IEnumerable<string?> conditions)
    {
        var distinct = conditions.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? null : string.Join("; ", distinct);
    }
}
