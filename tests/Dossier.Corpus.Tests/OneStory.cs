using Dossier.Core.Model;
using Dossier.Corpus.Discrepancies;

namespace Dossier.Corpus.Tests;

/// <summary>Reports of one story, as the discrepancy tests build them: every document given belongs to one story.</summary>
internal static class OneStory
{
    public static IReadOnlyList<Discrepancy> Discrepancies(params Document[] docs)
    {
        var corpus = TestCorpus.Of(docs) with { Stories = [new Story("s", "t", null, [.. docs.Select(d => d.Id).Order(StringComparer.Ordinal)], "")] };
        return new DiscrepancyStage().Process(corpus, TestCorpus.Context()).Discrepancies;
    }

    public static DocBuilder Report(string id, string outlet, string text) =>
        new DocBuilder(id, text).Outlet(outlet).Published(2024, 10, 3);
}
