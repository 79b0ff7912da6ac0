using System.Collections.Immutable;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Language.Actors;

/// <summary>
/// Builds <see cref="Corpus.Entities"/> from the documents' linked entity layers and folds a surname-only person
/// ("trump", from a report that never wrote the full name) into the one full-name person of the corpus with that
/// surname. Everything is grouped and sorted by id, so the result does not depend on document order.
/// </summary>
public sealed class CanonicalActorStage(ActorGazetteer gazetteer) : ICorpusStage
{
    public const string StageName = "canonical-actors";

    public string Name => StageName;
    public string Version => "1";
    public IReadOnlyList<string> Requires { get; } = [ActorStage.StageName];
    public IReadOnlyList<string> Provides { get; } = [CorpusResults.Actors];

    public Corpus Process(Corpus corpus, StageContext context)
    {
        var folds = SurnameFolds(corpus.Documents);
        var documents = corpus.Documents.Select(d => EntityReferences.Redirect(d, folds)).ToImmutableArray();
        var mentions = documents
            .SelectMany(d => d.Layer(Layers.Entities).Where(m => m.EntityId is not null).Select(m => (Doc: d, Mention: m)))
            .ToList();
        var entities = mentions
            .Where(x => x.Mention.Type != EntityTypes.Title)
            .GroupBy(x => x.Mention.EntityId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Canonical(g.Key, g.ToList(), mentions))
            .ToImmutableArray();
        return corpus with { Documents = documents, Entities = entities };
    }

    /// <summary>surname id → full-name id, when exactly one full-name person in the corpus carries that surname.</summary>
    private static Dictionary<string, string> SurnameFolds(ImmutableArray<Document> documents)
    {
        var fullBySurname = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var surnameOnly = new HashSet<string>(StringComparer.Ordinal);
        var hasFull = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in documents.SelectMany(d => d.Layer(Layers.Entities)).Where(m => m.Type == EntityTypes.Person && m.EntityId is not null))
        {
            if (Names.ParsePerson(m.Text) is not { } name) continue;
            if (name.IsFull && name.Id == m.EntityId)
            {
                hasFull.Add(m.EntityId);
                var set = fullBySurname.TryGetValue(name.SurnameKey, out var s) ? s : fullBySurname[name.SurnameKey] = new SortedSet<string>(StringComparer.Ordinal);
                set.Add(m.EntityId);
            }
            else if (!name.IsFull && name.Id == m.EntityId) surnameOnly.Add(m.EntityId);
        }
        var folds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in surnameOnly.Where(id => !hasFull.Contains(id)))
        {
            if (fullBySurname.TryGetValue(id.Replace('-', ' '), out var full) && full.Count == 1) folds[id] = full.Min!;
        }
        return folds;
    }

    private CanonicalEntity Canonical(string id, List<(Document Doc, EntityMention Mention)> group, List<(Document Doc, EntityMention Mention)> all)
    {
        var type = group.GroupBy(x => x.Mention.Type ?? EntityTypes.Misc, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var surfaces = group.Select(x => Names.StripPossessive(x.Mention.Text)).ToList();
        var country = gazetteer.ByIso3(id);
        var isState = country is not null && id.All(char.IsUpper);
        if (isState) type = EntityTypes.Gpe;

        string name;
        if (isState) name = country!.Name;
        else
        {
            var pool = type == EntityTypes.Person ? surfaces.Where(s => Names.ParsePerson(s) is { IsFull: true }).DefaultIfEmpty().Where(s => s is not null).Cast<string>().ToList() : surfaces;
            if (pool.Count == 0) pool = surfaces;
            name = pool.GroupBy(s => s, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        }

        var titles = all.Where(x => x.Mention.Type == EntityTypes.Title && x.Mention.EntityId == id).ToList();
        var aliases = new SortedSet<string>(surfaces, StringComparer.Ordinal);
        foreach (var (doc, title) in titles)
        {
            var person = doc.Layer(Layers.Entities).FirstOrDefault(m => m.Type == EntityTypes.Person && m.EntityId == id && m.Span.Start >= title.Span.End && m.Span.Start <= title.Span.End + 1);
            if (person is not null) aliases.Add(title.Text + " " + Names.StripPossessive(person.Text));
        }
        var roles = titles
            .Select(x => new Role(x.Mention.Text, x.Doc.Metadata.Published?.ToString("yyyy-MM-dd", null), x.Doc.Id))
            .Distinct()
            .OrderBy(r => r.Date, StringComparer.Ordinal).ThenBy(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.DocumentId, StringComparer.Ordinal)
            .ToImmutableArray();

        string? countryCode = isState ? id : null;
        string? wikidata = isState ? country!.Wikidata : null;
        if (type == EntityTypes.Person)
        {
            var nationality = Nationalities(titles);
            var leaders = gazetteer.LeadersNamed(name);
            var qids = leaders.Select(l => l.Wikidata).Distinct(StringComparer.Ordinal).ToList();
            var leaderCountries = leaders.Select(l => l.Country).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            // A full name that is exactly one leader's, and no stated nationality that contradicts it: certain enough.
            if (qids.Count == 1 && Names.ParsePerson(name) is { IsFull: true } && (nationality is null || leaderCountries.Contains(nationality)))
            {
                wikidata = qids[0];
                countryCode = nationality ?? (leaderCountries.Count == 1 ? leaderCountries[0] : null);
            }
            else countryCode = nationality;
        }
        else if (type == EntityTypes.Gpe && !isState)
        {
            countryCode = gazetteer.CityByName(name)?.Country;
        }
        return new CanonicalEntity(id, name, type, [.. aliases], countryCode, wikidata, roles);
    }

    /// <summary>The state written in front of a person's titles ("Russian President", "U.S. envoy"), when they agree.</summary>
    private static string? Nationalities(List<(Document Doc, EntityMention Mention)> titles)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (doc, title) in titles)
        {
            var before = doc.Layer(Layers.Entities).LastOrDefault(m =>
                m.Type is EntityTypes.Norp or EntityTypes.Gpe && m.EntityId is { Length: 3 } && m.Span.End <= title.Span.Start &&
                doc.Text[m.Span.End..title.Span.Start] is " " or "" or "'s " or "’s ");
            if (before?.EntityId is { } iso3 && iso3.All(char.IsUpper)) found.Add(iso3);
        }
        return found.Count == 1 ? found.Min : null;
    }
}
