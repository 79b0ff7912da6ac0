using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Language.Actors;

/// <summary>Finer entity types the actor stage writes into <see cref="EntityMention.Type"/>.</summary>
public static class EntityTypes
{
    public const string Person = "PER";
    public const string Organisation = "ORG";
    public const string Location = "LOC";
    public const string Misc = "MISC";
    /// <summary>A state or a place with a government: countries, cities, and seats of government used for it.</summary>
    public const string Gpe = "GPE";
    /// <summary>Nationalities and peoples ("Russian officials", "Ukrainians").</summary>
    public const string Norp = "NORP";
    /// <summary>A building as a place ("in the White House").</summary>
    public const string Facility = "FAC";
    /// <summary>A title before a person's name; its EntityId is that person's.</summary>
    public const string Title = "TITLE";
}

/// <summary>
/// Links the named-entity layer to actors: fills <see cref="EntityMention.Type"/> and <see cref="EntityMention.EntityId"/>,
/// folds a person's aliases inside the document, adds the title in front of each name as a TITLE mention, and adds
/// the actor mentions a CoNLL tagger does not produce (demonyms used as actors, seats of government used for the
/// government). States are their ISO alpha-3 code; people and organisations a slug of their name.
/// </summary>
public sealed partial class ActorStage(ActorGazetteer gazetteer) : IDocumentStage
{
    public const string StageName = "actors";

    public string Name => StageName;
    public string Version => "1";
    public IReadOnlyList<string> Requires { get; } = [Layers.Entities.Name];
    public IReadOnlyList<string> Provides { get; } = [StageName];

    /// <summary>Words after a demonym that make it an actor ("Russian officials", "Ukrainian negotiators").</summary>
    private static readonly FrozenSet<string> ActorNouns = new[]
    {
        "official", "officials", "force", "forces", "troops", "soldiers", "government", "authorities", "side",
        "delegation", "delegations", "team", "teams", "negotiators", "diplomats", "diplomat", "leaders", "leadership",
        "leader", "military", "army", "navy", "ministry", "embassy", "counterpart", "counterparts", "lawmakers",
        "parliament", "officers", "intelligence", "president", "prime", "foreign", "defense", "defence", "envoy",
        "spokesman", "spokeswoman", "spokesperson", "minister", "ministers", "state", "regime", "administration",
        "sources", "representatives", "commanders", "units", "drones", "strikes", "attacks", "negotiating",
        "security", "deputy", "ambassador", "secretary", "chancellor", "king", "courts", "court", "prosecutors",
        "police", "media", "people", "public", "voters", "allies", "partners", "counterparts", "premier", "general",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before a place name that make it a place, not a government ("in Moscow", "visited Kyiv").</summary>
    private static readonly FrozenSet<string> PlaceCues = new[]
    {
        "in", "at", "from", "to", "into", "near", "outside", "inside", "across", "around", "toward", "towards", "via",
        "through", "throughout", "within", "over", "on", "onto", "off", "beyond", "visit", "visited", "visiting",
        "visits", "reached", "reach", "leave", "left", "leaving", "arrive", "arrived", "arriving", "fled", "hit",
        "struck", "strike", "attacked", "shelled", "bombed", "central", "downtown", "northern", "southern", "eastern",
        "western", "greater", "capital", "of", "streets", "returned", "return", "flew", "fly", "travel", "traveled",
        "travelled", "near", "under", "above", "behind", "inside", "outside",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after a place name that keep it a place ("Moscow region", "White House lawn").</summary>
    private static readonly FrozenSet<string> PlaceNouns = new[]
    {
        "region", "oblast", "time", "metro", "subway", "airport", "residents", "streets", "street", "suburbs",
        "outskirts", "centre", "center", "skyline", "lawn", "grounds", "walls", "mayor", "city", "district",
        "districts", "population", "apartment", "building", "buildings", "area", "press", "briefing", "room",
        "hospital", "station", "marathon", "-based", "based", "native", "resident", "zoo", "university",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Verbs and auxiliaries after a capital that show it acting as its government ("Kyiv has rejected").</summary>
    private static readonly FrozenSet<string> GovernmentVerbs = new[]
    {
        "says", "said", "say", "wants", "wanted", "rejected", "rejects", "accepted", "accepts", "insists", "insisted",
        "demanded", "demands", "agreed", "agrees", "denied", "denies", "warned", "warns", "claimed", "claims", "called",
        "calls", "hopes", "hoped", "believes", "believed", "refused", "refuses", "proposed", "proposes", "responded",
        "announced", "announces", "argued", "argues", "will", "would", "could", "should", "must", "may", "might", "has",
        "had", "have", "is", "was", "sees", "saw", "views", "accused", "accuses", "signed", "offered", "offers", "urged",
        "urges", "expects", "expected", "plans", "planned", "welcomed", "welcomes", "condemned", "condemns",
        "considers", "seeks", "sought", "pushed", "pushes", "blamed", "blames", "threatened", "threatens", "sent",
        "sends", "can", "cannot", "does", "did", "reacted", "responded", "dismissed", "dismisses", "backed", "backs",
        "supports", "supported", "opposes", "opposed", "recognised", "recognized", "launched", "imposed", "lifted",
        "and", "also", "still", "now", "already",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before a capital that make it a party to something ("talks with Moscow", "rejected by Kyiv").</summary>
    private static readonly FrozenSet<string> GovernmentCues = new[] { "with", "between", "by", "against", "urged", "told", "pressed", "pressure", "warned", "accused", "asked", "and" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"[\p{L}\p{M}](?:[\p{L}\p{M}\p{Nd}'’\-]|\.(?=\p{L}))*\.?", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    public Document Process(Document document, StageContext context)
    {
        var text = document.Text;
        var ner = document.Layer(Layers.Entities);
        var mentions = new List<EntityMention>();
        var persons = new List<(EntityMention Mention, TextSpan NameSpan, Names.PersonName Name)>();
        foreach (var m in ner)
        {
            var classified = m.Label == EntityLabel.PER ? ReclassifyPerson(text, m) : Classify(text, m);
            if (classified is not null) { mentions.Add(classified); continue; }
            var (nameSpan, name) = PersonPart(m);
            if (name is null) mentions.Add(m with { Type = EntityTypes.Person, EntityId = Names.Slug(m.Text) is { Length: > 0 } s ? s : null });
            else persons.Add((m, nameSpan, name));
        }
        FoldAcronyms(mentions);
        mentions.AddRange(ScanMissing(text, ner.Select(m => m.Span)));
        var resolved = ResolvePersons(persons);
        var others = mentions.Select(m => m.Span).Concat(persons.Select(p => p.Mention.Span)).Order().ToArray();
        foreach (var (m, nameSpan, _, id) in resolved)
        {
            mentions.Add(m with { Type = EntityTypes.Person, EntityId = id });
            if ((TitleFor(text, nameSpan, m.Span, others) ?? AppositiveTitle(text, m.Span, others)) is { } title)
                mentions.Add(new EntityMention(title.Span, title.Title, EntityLabel.MISC, EntityTypes.Title, id));
        }
        return document.With(Layers.Entities, mentions, StageName, Version);
    }

    /// <summary>A title inside the name span ("President Trump" tagged whole) or right before it; never over another entity.</summary>
    private static TitleMatch? TitleFor(string text, TextSpan nameSpan, TextSpan mentionSpan, TextSpan[] sortedSpans)
    {
        if (nameSpan.Start > mentionSpan.Start)
        {
            var inside = new TextSpan(mentionSpan.Start, nameSpan.Start).Trimmed(text);
            return new TitleMatch(inside, inside.Of(text));
        }
        if (Titles.Before(text, mentionSpan.Start) is not { } title) return null;
        var start = title.Span.Start;
        // "Kremlin spokesman": the ORG keeps its own mention, the title starts after it. Spans are sorted, so only
        // those starting before the title's end can overlap it; a title is a few words, so the scan back is short.
        var index = Array.BinarySearch(sortedSpans, new TextSpan(title.Span.End, title.Span.End));
        for (var i = (index < 0 ? ~index : index) - 1; i >= 0 && sortedSpans[i].Start >= title.Span.Start - 200; i--)
        {
            if (sortedSpans[i].Overlaps(title.Span) && sortedSpans[i].End > start) start = sortedSpans[i].End;
        }
        while (start < title.Span.End && text[start] == ' ') start++;
        // Cutting at another entity can leave a connector in front ("and national security adviser").
        foreach (var connector in new[] { "and ", "the ", "of " })
        {
            if (text.AsSpan(start).StartsWith(connector, StringComparison.Ordinal)) start += connector.Length;
        }
        if (start >= title.Span.End) return null;
        var span = new TextSpan(start, title.Span.End);
        return span == title.Span ? title : new TitleMatch(span, span.Of(text));
    }

    /// <summary>
    /// A title in apposition after the name: "Sergei Lavrov, Russia's foreign minister, said" or "Marco Rubio, the
    /// secretary of state,". The appositive must be only a title, optionally after "the" and a nationality, and end at
    /// a comma, a full stop or a dash, so a relative clause or a list of names is never read as a role.
    /// </summary>
    private static TitleMatch? AppositiveTitle(string text, TextSpan mentionSpan, TextSpan[] sortedSpans)
    {
        var i = mentionSpan.End;
        if (i + 2 >= text.Length || text[i] != ',' || text[i + 1] != ' ') return null;
        var start = i + 2;
        var end = start;
        while (end < text.Length && end - start < 80 && text[end] is not (',' or '.' or ';' or '—' or '–' or '(' or '\n')) end++;
        if (end >= text.Length || end - start >= 80 || text[end] is '(' or '\n') return null;
        if (Titles.Before(text, end) is not { } title) return null;
        // What precedes the title inside the appositive may only be "the", "a", a nationality or a country's possessive.
        var lead = text[start..title.Span.Start].Trim();
        var index = Array.BinarySearch(sortedSpans, new TextSpan(start, int.MaxValue)); // sorts before every span starting at start
        var entityAtStart = (index < 0 ? ~index : index) is var k && k < sortedSpans.Length && sortedSpans[k].Start == start ? sortedSpans[k] : (TextSpan?)null;
        var leadOk = lead.Length == 0 || lead is "the" or "The" or "a" or "an"
            || entityAtStart is { } e && e.End <= title.Span.Start && text[e.End..title.Span.Start].Trim() is "" or "'s" or "’s";
        return leadOk ? title : null;
    }

    /// <summary>The name part of a PER mention, without a leading title or honorific the tagger included.</summary>
    private static (TextSpan Span, Names.PersonName? Name) PersonPart(EntityMention m)
    {
        var start = 0;
        var words = m.Text.Split(' ');
        var i = 0;
        while (i < words.Length - 1 && Titles.IsTitleWord(words[i])) { start += words[i].Length + 1; i++; }
        var nameText = m.Text[start..];
        var span = new TextSpan(m.Span.Start + start, m.Span.End);
        return (span, Names.ParsePerson(nameText));
    }

    private EntityMention? ReclassifyPerson(string text, EntityMention m)
    {
        // A tagger sometimes calls a state or a people PER ("Ukraine said"); the gazetteer is surer on those words.
        var bare = Bare(m.Text);
        return gazetteer.ByName(bare) is not null || gazetteer.ByDemonym(bare) is not null || gazetteer.Building(bare) is not null
            ? Classify(text, m)
            : null;
    }

    /// <summary>Type and id for a non-person mention.</summary>
    private EntityMention Classify(string text, EntityMention m)
    {
        var bare = Bare(m.Text);
        if (gazetteer.ByName(bare) is { } country)
            return m with { Type = EntityTypes.Gpe, EntityId = country.Iso3 };
        if (gazetteer.ByDemonym(bare) is { } people)
            return m with { Type = EntityTypes.Norp, EntityId = people.Iso3 };
        if (gazetteer.Building(bare) is { } building)
            return IsPlaceUse(text, m.Span)
                ? m with { Type = EntityTypes.Facility, EntityId = Names.Slug(building.Name) }
                : m with { Type = EntityTypes.Gpe, EntityId = building.Country };
        if (gazetteer.CityByName(bare) is { } city)
            return city.Capital && IsGovernmentUse(text, m.Span)
                ? m with { Type = EntityTypes.Gpe, EntityId = city.Country }
                : m with { Type = EntityTypes.Gpe, EntityId = Names.Slug(city.Name) };
        var type = m.Label switch
        {
            EntityLabel.ORG => EntityTypes.Organisation,
            EntityLabel.LOC => EntityTypes.Location,
            EntityLabel.PER => EntityTypes.Person,
            _ => EntityTypes.Misc,
        };
        var slug = Names.Slug(bare);
        return m with { Type = type, EntityId = slug.Length > 0 ? slug : null };
    }

    private static string Bare(string surface)
    {
        var s = Names.StripPossessive(surface);
        return s.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? s[4..] : s;
    }

    /// <summary>
    /// "International Monetary Fund" and "IMF" in one document are one organisation: a multi-word ORG whose initials
    /// match an acronym mention takes the acronym's id, which is how news names it on every later mention.
    /// </summary>
    private static void FoldAcronyms(List<EntityMention> mentions)
    {
        var acronyms = mentions.Where(m => m.Type == EntityTypes.Organisation && m.Text.Length is >= 2 and <= 8 && m.Text.All(char.IsUpper))
            .Select(m => m.Text).ToHashSet(StringComparer.Ordinal);
        if (acronyms.Count == 0) return;
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type != EntityTypes.Organisation) continue;
            var initials = string.Concat(Bare(m.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(w => char.IsUpper(w[0])).Select(w => w[0]));
            if (initials.Length >= 2 && initials != m.Text && acronyms.Contains(initials))
                mentions[i] = m with { EntityId = Names.Slug(initials) };
        }
    }

    /// <summary>
    /// Ids for the document's people. A full name ("Donald J. Trump") gets the slug of given name + surname; a bare
    /// surname takes the id of the one full name in the document with that surname. When two full names share the
    /// surname (two different Smiths), a bare "Smith" goes to the most recent full mention before it: news writing
    /// introduces a person by full name just before using the surname alone, so the nearest antecedent is the usual
    /// referent. A bare surname before any of them stays ambiguous: it keeps the surname's own id, which the corpus
    /// stage will not fold either, because more than one full name carries that surname.
    /// </summary>
    private static List<(EntityMention Mention, TextSpan NameSpan, Names.PersonName Name, string Id)> ResolvePersons(
        List<(EntityMention Mention, TextSpan NameSpan, Names.PersonName Name)> persons)
    {
        // Per surname: the full mentions' starts in text order with their ids, and whether they all carry one id.
        // The nearest full name before a bare surname is a binary search, so a document with thousands of
        // same-surname mentions stays near-linear.
        var fullBySurname = persons.Where(p => p.Name.IsFull)
            .GroupBy(p => p.Name.SurnameKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g =>
            {
                var ordered = g.OrderBy(p => p.Mention.Span).ToList();
                var single = ordered.Select(f => f.Name.Id).Distinct(StringComparer.Ordinal).Take(2).Count() == 1;
                return (Starts: ordered.Select(f => f.Mention.Span.Start).ToArray(), Ids: ordered.Select(f => f.Name.Id).ToArray(), Single: single);
            }, StringComparer.Ordinal);
        var result = new List<(EntityMention, TextSpan, Names.PersonName, string)>();
        foreach (var p in persons)
        {
            string id;
            if (p.Name.IsFull) id = p.Name.Id;
            else if (!fullBySurname.TryGetValue(p.Name.SurnameKey, out var fulls)) id = p.Name.Id;
            else if (fulls.Single) id = fulls.Ids[0];
            else
            {
                // the last full mention starting before this one: the index before the first start >= ours
                var index = Array.BinarySearch(fulls.Starts, p.Mention.Span.Start);
                var before = (index >= 0 ? FirstOf(fulls.Starts, index) : ~index) - 1;
                id = before >= 0 ? fulls.Ids[before] : p.Name.Id;
            }
            result.Add((p.Mention, p.NameSpan, p.Name, id));
        }
        return result;
    }

    /// <summary>The first index holding the same value as <paramref name="index"/> (starts may repeat).</summary>
    private static int FirstOf(int[] sorted, int index)
    {
        while (index > 0 && sorted[index - 1] == sorted[index]) index--;
        return index;
    }

    /// <summary>A place name used as a place: after "in"/"visited"…, before "region"/"lawn"…, or a dateline.</summary>
    private static bool IsPlaceUse(string text, TextSpan span)
    {
        var before = Titles.WordsBefore(text, WithoutArticle(text, span.Start), 1);
        if (before.Count == 1 && PlaceCues.Contains(text[before[0].Start..before[0].End])) return true;
        var after = NextWord(text, span.End);
        if (after is not null && PlaceNouns.Contains(after)) return true;
        return IsDateline(text, span);
    }

    /// <summary>
    /// A capital acting as its government: "Moscow has rejected", "Kyiv's demands", "talks with Washington".
    /// A place name is a place unless the sentence makes it act, so the test is positive, not a default.
    /// </summary>
    private static bool IsGovernmentUse(string text, TextSpan span)
    {
        if (IsPlaceUse(text, span)) return false;
        var end = span.End;
        var possessive = end + 1 < text.Length && text[end] is '\'' or '’' && text[end + 1] == 's';
        if (possessive) return true; // "Kyiv's position"; place nouns were excluded above
        var next = NextWord(text, end);
        if (next is not null && GovernmentVerbs.Contains(next) && !(next is "and" && !NextIsActor(text, end))) return true;
        var before = Titles.WordsBefore(text, WithoutArticle(text, span.Start), 1);
        return before.Count == 1 && GovernmentCues.Contains(text[before[0].Start..before[0].End]);
    }

    /// <summary>"Moscow and Kyiv said": "and" counts only when a verb follows the pair.</summary>
    private static bool NextIsActor(string text, int end)
    {
        var words = WordPattern().Matches(text[end..Math.Min(text.Length, end + 40)]).Take(3).Select(m => m.Value).ToList();
        return words.Count == 3 && words[0] == "and" && char.IsUpper(words[1][0]) && GovernmentVerbs.Contains(words[2]) && words[2] != "and";
    }

    private static int WithoutArticle(string text, int start)
    {
        var words = Titles.WordsBefore(text, start, 1);
        return words.Count == 1 && text[words[0].Start..words[0].End] is "the" or "The" ? words[0].Start : start;
    }

    private static string? NextWord(string text, int end)
    {
        var i = end;
        if (i + 1 < text.Length && text[i] is '\'' or '’' && text[i + 1] == 's') i += 2;
        if (i < text.Length && text[i] == '-') return text.AsSpan(i).StartsWith("-based") ? "-based" : null;
        if (i >= text.Length || text[i] != ' ') return null;
        var m = WordPattern().Match(text, i + 1, Math.Min(40, text.Length - i - 1));
        return m.Success && m.Index == i + 1 ? m.Value.TrimEnd('.') : null;
    }

    private static bool IsDateline(string text, TextSpan span)
    {
        var lineStart = span.Start == 0 || text[span.Start - 1] == '\n';
        if (!lineStart) return false;
        var rest = text.AsSpan(span.End, Math.Min(4, text.Length - span.End)).TrimStart(' ');
        return rest.Length > 0 && rest[0] is '(' or '-' or '—' or '–' or ',';
    }

    /// <summary>Actor mentions a CoNLL tagger leaves out: demonyms acting, seats and capitals acting, "U.S."-style codes.</summary>
    private IEnumerable<EntityMention> ScanMissing(string text, IEnumerable<TextSpan> occupied)
    {
        // One flag per character keeps the overlap test constant-time on long texts.
        var covered = new bool[text.Length];
        foreach (var o in occupied)
        {
            for (var c = o.Start; c < o.End; c++) covered[c] = true;
        }
        var words = WordPattern().Matches(text).Select(m => new TextSpan(m.Index, m.Index + m.Length)).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            if (!char.IsUpper(text[words[i].Start])) continue;
            var found = false;
            for (var n = Math.Min(gazetteer.MaxPhraseWords, words.Count - i); n >= 1 && !found; n--)
            {
                if (!SingleSpaced(text, words, i, n)) continue;
                var full = new TextSpan(words[i].Start, words[i + n - 1].End);
                foreach (var span in Candidates(text, full))
                {
                    if (Covered(covered, span)) break;
                    var mention = Added(text, span, words, i + n);
                    if (mention is null) continue;
                    for (var c = span.Start; c < span.End; c++) covered[c] = true;
                    yield return mention;
                    i += n - 1;
                    found = true;
                    break;
                }
            }
        }
    }

    private static bool Covered(bool[] covered, TextSpan span)
    {
        for (var c = span.Start; c < span.End; c++)
        {
            if (covered[c]) return true;
        }
        return false;
    }

    private static IEnumerable<TextSpan> Candidates(string text, TextSpan span)
    {
        yield return span;
        if (text[span.End - 1] == '.') yield return new TextSpan(span.Start, span.End - 1);
    }

    private static bool SingleSpaced(string text, List<TextSpan> words, int i, int n)
    {
        for (var k = i; k < i + n - 1; k++)
        {
            if (words[k + 1].Start != words[k].End + 1 || text[words[k].End] != ' ') return false;
        }
        return true;
    }

    private EntityMention? Added(string text, TextSpan span, List<TextSpan> words, int next)
    {
        var surface = span.Of(text);
        if (gazetteer.ByDemonym(surface) is { } people && (IsPluralPeople(surface, people) || ActorFollows(text, words, next)))
            return new EntityMention(span, surface, EntityLabel.MISC, EntityTypes.Norp, people.Iso3);
        if (gazetteer.Building(surface) is { } building && !IsPlaceUse(text, span))
            return new EntityMention(span, surface, EntityLabel.ORG, EntityTypes.Gpe, building.Country);
        if (gazetteer.CityByName(surface) is { Capital: true } city && IsGovernmentUse(text, span))
            return new EntityMention(span, surface, EntityLabel.LOC, EntityTypes.Gpe, city.Country);
        // Country codes written with dots or in capitals ("U.S.", "UK") are the names taggers most often miss.
        if (gazetteer.ByName(surface) is { } country && (surface.Contains('.') || surface.Length <= 3 && surface.All(char.IsUpper)))
            return new EntityMention(span, surface, EntityLabel.LOC, EntityTypes.Gpe, country.Iso3);
        return null;
    }

    private static bool IsPluralPeople(string surface, Country people) => !people.Demonyms.Contains(surface);

    /// <summary>An actor noun within the next three words, past other demonyms and "and" ("Russian and Ukrainian officials").</summary>
    private bool ActorFollows(string text, List<TextSpan> words, int next)
    {
        for (var k = next; k < Math.Min(words.Count, next + 3); k++)
        {
            var gap = text.AsSpan(words[k - 1].End, words[k].Start - words[k - 1].End);
            if (gap.Trim(' ').Length > 0 && !gap.Trim(' ').SequenceEqual(",")) return false;
            var w = words[k].Of(text).TrimEnd('.');
            if (ActorNouns.Contains(w)) return true;
            if (w != "and" && gazetteer.ByDemonym(w) is null) return false;
        }
        return false;
    }
}

internal static class SpanExtensions
{
    public static TextSpan Trimmed(this TextSpan span, string text)
    {
        var (s, e) = (span.Start, span.End);
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return new TextSpan(s, e);
    }
}
