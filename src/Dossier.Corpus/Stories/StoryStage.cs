using System.Collections.Immutable;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Corpus.Shared;

namespace Dossier.Corpus.Stories;

using Corpus = Dossier.Core.Model.Corpus;

/// <summary>Groups the corpus's documents into stories (see <see cref="StoryClusterer"/>) and describes each story:
/// a stable id, a title, the earliest given publication date and an extractive summary.</summary>
public sealed class StoryStage(StoryClusterOptions? options = null) : ICorpusStage
{
    private readonly StoryClusterer _clusterer = new(options);

    public string Name => "stories";
    public string Version => "1";
    public IReadOnlyList<string> Requires => [];
    public IReadOnlyList<string> Provides => [CorpusResults.Stories];

    public Corpus Process(Corpus corpus, StageContext context)
    {
        var byId = corpus.Documents.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());
        var clusters = _clusterer.Cluster(corpus.Documents.Select(ToStoryDocument));
        var stories = clusters.Select(c => Describe(c, byId)).ToImmutableArray();
        return corpus with { Stories = stories };
    }

    internal static StoryDocument ToStoryDocument(Document d) => new(
        d.Id, d.Text, d.Metadata.Title, d.Metadata.Published,
        [.. d.Layer(Layers.Entities).Select(e => e.EntityId ?? e.Text.ToLowerInvariant()).Distinct()],
        d.Has(Layers.Quotes) ? [.. d.Layer(Layers.Quotes).Where(q => q.Kind != QuoteKind.Indirect).Select(q => q.Text)] : null);

    private static Story Describe(StoryCluster cluster, Dictionary<string, Document> byId)
    {
        var members = cluster.DocumentIds.Select(id => byId[id]).ToList();
        var central = Enumerable.Range(0, members.Count)
            .OrderByDescending(i => cluster.Centrality[i]).ThenBy(i => members[i].Id, StringComparer.Ordinal)
            .Select(i => members[i]).ToList();
        var summary = StorySummarizer.Summarize(central);
        var title = central.Select(d => d.Metadata.Title).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))
                    ?? string.Join(", ", StorySummarizer.KeyTerms(central, 5));
        var date = members.Where(d => d.Metadata.Published is not null && !d.Metadata.PublishedInferred)
            .Select(d => d.Metadata.Published!.Value).DefaultIfEmpty().Min();
        var hasDate = members.Any(d => d.Metadata.Published is not null && !d.Metadata.PublishedInferred);
        return new Story(StoryClusterer.StoryId(cluster.DocumentIds), title, hasDate ? TextUnits.Iso(date) : null,
            cluster.DocumentIds, summary);
    }
}

/// <summary>Extractive story summaries: the sentences closest to the story's term centroid.</summary>
public static class StorySummarizer
{
    private const int MaxDocuments = 20;
    private const int MaxSentencesPerDocument = 40;

    /// <summary>Up to two sentences, most central first, from documents ordered most central first.</summary>
    public static string Summarize(IReadOnlyList<Document> documentsByCentrality)
    {
        var docs = documentsByCentrality.Take(MaxDocuments).ToList();
        var centroid = Centroid(docs);
        var candidates = new List<(string Text, double Score, HashSet<string> Terms)>();
        foreach (var d in docs)
        {
            foreach (var span in TextUnits.Sentences(d).Take(MaxSentencesPerDocument))
            {
                var words = Words.Tokenize(d.Text, span.Start, span.End);
                // Very short lines are headlines or captions, very long ones run-ons: neither summarises well.
                if (words.Count < 8 || words.Count > 60) continue;
                var terms = words.Select(w => Words.ContentTerm(w)).OfType<string>().ToList();
                if (terms.Count == 0) continue;
                var score = terms.Sum(t => centroid.GetValueOrDefault(t)) / Math.Sqrt(words.Count);
                candidates.Add((d.TextOf(span).Trim(), score, [.. terms]));
            }
        }
        var chosen = new List<(string Text, double Score, HashSet<string> Terms)>();
        foreach (var c in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Text, StringComparer.Ordinal))
        {
            if (chosen.Any(x => Overlap(x.Terms, c.Terms) > 0.5)) continue; // the same fact in other words
            chosen.Add(c);
            if (chosen.Count == 2) break;
        }
        return string.Join(" ", chosen.Select(c => c.Text));
    }

    public static IEnumerable<string> KeyTerms(IReadOnlyList<Document> docs, int count) =>
        Centroid(docs.Take(MaxDocuments).ToList()).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Where(p => !p.Key.Any(char.IsDigit)).Take(count).Select(p => p.Key);

    /// <summary>Term weights: in how many member documents a term occurs (a term all outlets use is central).</summary>
    private static Dictionary<string, double> Centroid(IReadOnlyList<Document> docs)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var d in docs)
            foreach (var t in Words.ContentTerms(d.Text).Distinct()) weights[t] = weights.GetValueOrDefault(t) + 1.0 / docs.Count;
        return weights;
    }

    private static double Overlap(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : a.Count(b.Contains) / (double)Math.Min(a.Count, b.Count);
}
