using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Corpus.Shared;
using NodaTime;
using NodaTime.Text;

namespace Dossier.Corpus.Stories;

using Corpus = Dossier.Core.Model.Corpus;

/// <summary>When a later story continues an earlier one.</summary>
public sealed record StorylineOptions
{
    /// <summary>The longest gap between two stories of one storyline (a follow-up weeks later, not a year later).</summary>
    public int MaxGapDays { get; init; } = 45;
    /// <summary>Actors both stories must share: one shared actor (a head of state in the news every day) is background.</summary>
    public int MinSharedActors { get; init; } = 2;
    /// <summary>The score (actor overlap and key-term overlap, both rarity-weighted) a continuation needs. Set by hand:
    /// no labelled storyline data exists; the shared-actor and date-gap conditions do most of the work.</summary>
    public double Threshold { get; init; } = 0.2;
    public double ActorWeight { get; init; } = 0.6;
    /// <summary>Actors and key terms that describe a story (the most salient of each).</summary>
    public int Actors { get; init; } = 12;
    public int Terms { get; init; } = 15;
    /// <summary>Stories sharing an actor or term that more than this many stories have are not compared through it.</summary>
    public int MaxPosting { get; init; } = 200;
}

/// <summary>
/// Storylines: a story continues an earlier one when it is dated later (within <see cref="StorylineOptions.MaxGapDays"/>),
/// shares at least two of its salient actors and enough of its key terms (the mid-March ceasefire calls follow the
/// late-February talks). Each story links to the one earlier story it continues best, so storylines are trees read
/// from the earliest story; every story of a storyline carries its id. Undated stories cannot be ordered and stay alone.
/// Candidates come from an inverted index over actors and terms, so cost grows with the stories, not their pairs.
/// </summary>
public sealed class StorylineStage(StorylineOptions? options = null) : ICorpusStage
{
    private readonly StorylineOptions _o = options ?? new StorylineOptions();

    public string Name => "storylines";
    public string Version => "1";
    public IReadOnlyList<string> Requires => [CorpusResults.Stories];
    public IReadOnlyList<string> Provides => [CorpusResults.Storylines];

    private sealed record Profile(Story Story, LocalDate Date, Dictionary<string, double> Actors, Dictionary<string, double> Terms);

    public Corpus Process(Corpus corpus, StageContext context)
    {
        var byId = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var d in corpus.Documents) byId.TryAdd(d.Id, d);
        var dated = corpus.Stories
            .Select(s => (Story: s, Date: s.Date is null ? null : LocalDatePattern.Iso.Parse(s.Date) is { Success: true } p ? p.Value : (LocalDate?)null))
            .Where(x => x.Date is not null)
            .OrderBy(x => x.Date!.Value).ThenBy(x => x.Story.Id, StringComparer.Ordinal).ToList();
        if (dated.Count < 2) return corpus with { Storylines = [] };

        var members = dated.Select(x => x.Story.DocumentIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList()).ToList();
        var actorCounts = members.Select(m => Salient(m.Select(ActorsOf), _o.Actors)).ToList();
        var termCounts = members.Select(m => SalientTerms(m, _o.Terms)).ToList();
        var profiles = dated.Select((x, i) => new Profile(x.Story, x.Date!.Value,
            Weighted(actorCounts[i], actorCounts), Weighted(termCounts[i], termCounts))).ToList();

        var links = BestPredecessors(profiles);
        return Assemble(corpus, profiles, links);
    }

    /// <summary>Entity ids a document names (folded surface text when no id was resolved).</summary>
    private static IEnumerable<string> ActorsOf(Document d) =>
        d.Layer(Layers.Entities).Select(e => e.EntityId ?? e.Text.ToLowerInvariant()).Distinct(StringComparer.Ordinal);

    /// <summary>The items most of a story's documents share: counted per document, the top <paramref name="take"/>.</summary>
    private static List<string> Salient(IEnumerable<IEnumerable<string>> perDocument, int take)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var items in perDocument) foreach (var item in items) counts[item] = counts.GetValueOrDefault(item) + 1;
        return [.. counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(take).Select(p => p.Key)];
    }

    /// <summary>A story's key terms: in how many of its documents a term occurs, times its rarity in general news
    /// (the background frequencies), so "ceasefire" outranks "official" and ties do not fall to the alphabet.</summary>
    private static List<string> SalientTerms(List<Document> documents, int take)
    {
        var background = BackgroundTerms.Default;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in documents)
            foreach (var t in Words.ContentTerms(d.Metadata.Title + "\n" + d.Text).Where(t => !char.IsDigit(t[0])).Distinct())
                counts[t] = counts.GetValueOrDefault(t) + 1;
        double Weight(KeyValuePair<string, int> p) =>
            p.Value * Math.Log((background.Documents + 1.0) / (background.Frequencies.GetValueOrDefault(p.Key) + 1.0));
        return [.. counts.Where(p => documents.Count < 2 || p.Value >= 2).OrderByDescending(Weight).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(take).Select(p => p.Key)];
    }

    /// <summary>Each item weighted by its rarity across stories (smoothed, so two stories alone still weigh their items).</summary>
    private static Dictionary<string, double> Weighted(List<string> items, List<List<string>> all)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var list in all) foreach (var item in list) df[item] = df.GetValueOrDefault(item) + 1;
        return items.ToDictionary(i => i, i => Math.Log(1.0 + all.Count / (double)df[i]), StringComparer.Ordinal);
    }

    private Dictionary<int, StorylineLink> BestPredecessors(List<Profile> profiles)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < profiles.Count; i++)
            foreach (var key in profiles[i].Actors.Keys.Select(a => "a:" + a).Concat(profiles[i].Terms.Keys.Select(t => "t:" + t)))
            {
                if (!postings.TryGetValue(key, out var list)) postings[key] = list = [];
                list.Add(i);
            }
        var best = new Dictionary<int, StorylineLink>();
        for (var later = 0; later < profiles.Count; later++)
        {
            var candidates = new SortedSet<int>();
            foreach (var key in profiles[later].Actors.Keys.Select(a => "a:" + a))
                if (postings[key].Count <= _o.MaxPosting)
                    foreach (var earlier in postings[key]) if (earlier < later) candidates.Add(earlier);
            StorylineLink? chosen = null;
            foreach (var earlier in candidates)
            {
                var link = Link(profiles[earlier], profiles[later]);
                // Higher score wins; on a tie the most recent story, since a storyline continues its latest step.
                if (link is not null && (chosen is null || link.Score >= chosen.Score)) chosen = link;
            }
            if (chosen is not null) best[later] = chosen;
        }
        return best;
    }

    private StorylineLink? Link(Profile earlier, Profile later)
    {
        var gap = Period.Between(earlier.Date, later.Date, PeriodUnits.Days).Days;
        if (gap <= 0 || gap > _o.MaxGapDays) return null;
        var sharedActors = earlier.Actors.Keys.Where(later.Actors.ContainsKey).Order(StringComparer.Ordinal).ToImmutableArray();
        if (sharedActors.Length < _o.MinSharedActors) return null;
        var sharedTerms = earlier.Terms.Keys.Where(later.Terms.ContainsKey).Order(StringComparer.Ordinal).ToImmutableArray();
        var score = _o.ActorWeight * Overlap(earlier.Actors, later.Actors) + (1 - _o.ActorWeight) * Overlap(earlier.Terms, later.Terms);
        return score >= _o.Threshold ? new StorylineLink(earlier.Story.Id, later.Story.Id, sharedActors, sharedTerms, Math.Round(score, 3)) : null;
    }

    /// <summary>Weighted overlap coefficient: the shared weight over the smaller set's weight. A follow-up story brings
    /// new actors and words of its own; what matters is how much of one story the other takes up.</summary>
    private static double Overlap(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        double shared = 0;
        foreach (var (k, w) in a) if (b.ContainsKey(k)) shared += w;
        var smaller = Math.Min(a.Values.Sum(), b.Values.Sum());
        return smaller <= 0 ? 0 : shared / smaller;
    }

    private static Corpus Assemble(Corpus corpus, List<Profile> profiles, Dictionary<int, StorylineLink> links)
    {
        var index = profiles.Select((p, i) => (p.Story.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        int Root(int i) { while (links.TryGetValue(i, out var l)) i = index[l.From]; return i; }
        var lines = ImmutableArray.CreateBuilder<Storyline>();
        var lineOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tree in Enumerable.Range(0, profiles.Count).GroupBy(Root).Where(g => g.Count() > 1).OrderBy(g => g.Key))
        {
            var storyIds = tree.OrderBy(i => i).Select(i => profiles[i].Story.Id).ToImmutableArray();
            var id = "storyline-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', storyIds))).AsSpan(0, 6));
            foreach (var s in storyIds) lineOf[s] = id;
            lines.Add(new Storyline(id, profiles[tree.Key].Story.Title, storyIds,
                [.. tree.Where(links.ContainsKey).OrderBy(i => i).Select(i => links[i])]));
        }
        return corpus with
        {
            Stories = [.. corpus.Stories.Select(s => s with { Storyline = lineOf.GetValueOrDefault(s.Id) })],
            Storylines = lines.ToImmutable(),
        };
    }
}
