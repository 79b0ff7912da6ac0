using System.Collections.Immutable;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Corpus.Alignment;

namespace Dossier.Corpus.Discrepancies;

using Corpus = Dossier.Core.Model.Corpus;

/// <summary>Kinds of <see cref="Discrepancy"/> this stage reports.</summary>
public static class DiscrepancyKinds
{
    public const string Number = "number";
    public const string Date = "date";
    public const string Role = "role";
    public const string Title = "title";
    public const string Attribution = "attribution";
    public const string Omission = "omission";
    public const string Exclusive = "exclusive";
    /// <summary>A quote version with words the others lack, or cut to a fraction of the fullest version.</summary>
    public const string Wording = "wording";
    /// <summary>A loaded word in one outlet's sentence for a fact the others state without it.</summary>
    public const string Loaded = "loaded";
}

/// <summary>
/// Where the outlets of a story disagree or differ, with the evidence span and a plain explanation: conflicting
/// numbers and dates for the same claim, titles and roles that contradict how most reports name the same person
/// (a sitting president called "former"), the same quote given to different speakers, claims most outlets carry
/// that one leaves out (omission; the span is empty since the text is absent), facts only one outlet reports, and how
/// outlets word shared facts (quote versions that differ, loaded words; see <see cref="Wording"/>).
/// </summary>
public sealed class DiscrepancyStage : ICorpusStage
{
    public string Name => "discrepancies";
    public string Version => "1";
    public IReadOnlyList<string> Requires => [CorpusResults.Stories];
    public IReadOnlyList<string> Provides => [CorpusResults.Discrepancies];

    public Corpus Process(Corpus corpus, StageContext context)
    {
        var byId = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var d in corpus.Documents) byId.TryAdd(d.Id, d);
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in corpus.Stories) foreach (var id in s.DocumentIds) storyOf.TryAdd(id, s.Id);

        var found = new List<Discrepancy>();
        found.AddRange(Roles(corpus.Documents, storyOf));
        foreach (var story in corpus.Stories)
        {
            var members = story.DocumentIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            if (members.Count < 2) continue;
            var claims = ClaimAligner.Group(members);
            var quotes = QuoteAligner.Group(members).Where(g => g.DocumentCount >= 2).ToList();
            foreach (var claim in claims)
            {
                found.AddRange(Numbers(story.Id, claim));
                found.AddRange(Dates(story.Id, claim));
                found.AddRange(Wording.LoadedWords(story.Id, claim, OutletOf));
            }
            foreach (var quote in quotes)
            {
                found.AddRange(Attributions(story.Id, quote));
                found.AddRange(Wording.Quotes(story.Id, quote, OutletOf));
            }
            found.AddRange(Omissions(story.Id, members, claims, quotes));
            found.AddRange(Exclusives(story.Id, members, claims));
        }
        return corpus with
        {
            Discrepancies = [.. found.Distinct().OrderBy(d => d.Story, StringComparer.Ordinal).ThenBy(d => d.Document, StringComparer.Ordinal)
                .ThenBy(d => d.Start).ThenBy(d => d.Kind, StringComparer.Ordinal)],
        };
    }

    private static string OutletOf(Document d) => d.Metadata.Outlet ?? d.Source;

    /// <summary>Overlap at which a sentence conveys a claim, though not closely enough to be aligned with it.</summary>
    private const double LooseOverlap = 0.3;

    /// <summary>Versions of a claim an absent document is compared with, and outlets named in an explanation.</summary>
    private const int MaxVersions = 20;
    private const int MaxNamed = 12;

    /// <summary>Numbers counting the same thing in one claim: the members that disagree with the majority value.</summary>
    private static IEnumerable<Discrepancy> Numbers(string story, ClaimGroup claim)
    {
        var facts = claim.Members.SelectMany(m => m.Numbers.Where(n => n.Counted is not null).Select(n => (m, n)))
            .GroupBy(x => x.n.Counted!, StringComparer.Ordinal);
        foreach (var byThing in facts)
        {
            var values = byThing.GroupBy(x => x.n.Value).ToList();
            if (values.Count < 2 || byThing.Select(x => x.m.Doc.Id).Distinct().Count() < 2) continue;
            foreach (var (member, fact, others) in Minority(values.Select(g => (g.Key, g.Select(x => (x.m, x.n)).ToList())).ToList()))
                yield return new Discrepancy(story, member.Doc.Id, DiscrepancyKinds.Number, fact.Text, fact.Span.Start, fact.Span.End,
                    $"{OutletOf(member.Doc)} gives {fact.Text} {byThing.Key}(s) where {others} for the same claim: \"{Shorten(member.Text)}\"");
        }
    }

    private static IEnumerable<Discrepancy> Dates(string story, ClaimGroup claim)
    {
        var dated = claim.Members.Where(m => m.Dates.Length > 0).ToList();
        if (dated.Select(m => m.Doc.Id).Distinct().Count() < 2) yield break;
        // Compare dates of the same precision only (a year does not contradict a day in it).
        foreach (var byPrecision in dated.SelectMany(m => m.Dates.Select(d => (m, d))).GroupBy(x => x.d.Value.Length))
        {
            var values = byPrecision.GroupBy(x => x.d.Value, StringComparer.Ordinal).ToList();
            if (values.Count < 2 || byPrecision.Select(x => x.m.Doc.Id).Distinct().Count() < 2) continue;
            foreach (var (member, fact, others) in Minority(values.Select(g => (g.Key, g.Select(x => (x.m, x.d)).ToList())).ToList()))
                yield return new Discrepancy(story, member.Doc.Id, DiscrepancyKinds.Date, fact.Text, fact.Span.Start, fact.Span.End,
                    $"{OutletOf(member.Doc)} dates this to {fact.Text} ({fact.Value}) where {others}: \"{Shorten(member.Text)}\"");
        }
    }

    /// <summary>Members holding a value other outlets outnumber; on a tie every side is reported.</summary>
    private static IEnumerable<(ClaimSentence Member, T Fact, string Others)> Minority<TKey, T>(List<(TKey Value, List<(ClaimSentence M, T F)> Members)> values)
        where TKey : notnull
    {
        var counts = values.Select(v => (v.Value, Docs: v.Members.Select(x => x.M.Doc.Id).Distinct().Count(), v.Members)).ToList();
        var top = counts.Max(c => c.Docs);
        var majority = counts.Count(c => c.Docs == top) == 1 ? counts.First(c => c.Docs == top).Value : default;
        foreach (var c in counts)
        {
            if (majority is not null && EqualityComparer<TKey>.Default.Equals(c.Value, majority)) continue;
            var others = string.Join("; ", counts.Where(o => !EqualityComparer<TKey>.Default.Equals(o.Value, c.Value))
                .Select(o => $"{string.Join(", ", o.Members.Select(x => OutletOf(x.M.Doc)).Distinct())} give {Describe(o.Members[0].F)}"));
            foreach (var (m, f) in c.Members) yield return (m, f, others);
        }
    }

    private static string Describe<T>(T fact) => fact switch
    {
        NumberFact n => n.Text,
        DateFact d => $"{d.Text} ({d.Value})",
        _ => fact?.ToString() ?? "",
    };

    /// <summary>
    /// Titles and roles against the majority of the corpus's reports for the same entity. Counted per document (each
    /// document's first mention of each title), so the cost is linear in the number of mentions.
    /// </summary>
    private static IEnumerable<Discrepancy> Roles(IEnumerable<Document> documents, Dictionary<string, string> storyOf)
    {
        var perDocument = documents.SelectMany(RoleFinder.Find)
            .GroupBy(r => (r.EntityId, r.Doc.Id, r.Title, r.Past)).Select(g => g.First()).ToList();
        foreach (var byEntity in perDocument.GroupBy(r => r.EntityId, StringComparer.Ordinal))
        {
            var list = byEntity.ToList();
            var docsWith = list.GroupBy(r => (r.Title, r.Past)).ToDictionary(g => g.Key, g => g.Select(r => r.Doc.Id).Distinct().Count());
            var docsWithTitle = list.GroupBy(r => r.Title).ToDictionary(g => g.Key, g => g.Select(r => r.Doc.Id).Distinct().Count());
            var allDocs = list.Select(r => r.Doc.Id).Distinct().Count();
            foreach (var r in list)
            {
                if (!storyOf.TryGetValue(r.Doc.Id, out var story)) continue;
                var otherDocs = allDocs - 1;
                if (otherDocs < 2) continue;
                var name = r.Doc.Text[r.Span.Start..r.Span.End];
                // Same title, other tense: "former president" where most reports say "president" (or the reverse).
                var contrary = docsWith.GetValueOrDefault((r.Title, !r.Past));
                var agreeing = docsWith.GetValueOrDefault((r.Title, r.Past)) - 1;
                if (contrary >= 2 && contrary > agreeing)
                {
                    yield return new Discrepancy(story, r.Doc.Id, DiscrepancyKinds.Role, name, r.Span.Start, r.Span.End,
                        r.Past
                            ? $"{OutletOf(r.Doc)} calls {byEntity.Key} a former {r.Title}, while {contrary} other report(s) call them the sitting {r.Title}."
                            : $"{OutletOf(r.Doc)} calls {byEntity.Key} {r.Title}, while {contrary} other report(s) call them a former {r.Title}.");
                    continue;
                }
                // Another title altogether, when the other reports agree on one and none uses this one.
                if (docsWithTitle[r.Title] > 1) continue;
                var top = docsWithTitle.Where(t => t.Key != r.Title).OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).FirstOrDefault();
                if (top.Key is not null && top.Value >= 2 && top.Value * 2 > otherDocs)
                    yield return new Discrepancy(story, r.Doc.Id, DiscrepancyKinds.Title, name, r.Span.Start, r.Span.End,
                        $"{OutletOf(r.Doc)} calls {byEntity.Key} {r.Title}; {top.Value} other report(s) call them {top.Key}.");
            }
        }
    }

    private static IEnumerable<Discrepancy> Attributions(string story, QuoteGroup group)
    {
        var speakers = group.Members.Where(m => m.Quote.Speaker is not null)
            .GroupBy(m => m.Quote.Speaker!.EntityId ?? m.Quote.Speaker.Name.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => (Speaker: g.Key, Name: g.First().Quote.Speaker!.Name, Docs: g.Select(m => m.Doc.Id).Distinct().Count(), Members: g.ToList()))
            .OrderByDescending(g => g.Docs).ThenBy(g => g.Speaker, StringComparer.Ordinal).ToList();
        if (speakers.Count < 2) yield break;
        var majority = speakers[0].Docs > speakers[1].Docs ? speakers[0].Speaker : null;
        foreach (var s in speakers.Where(s => s.Speaker != majority))
        {
            var others = string.Join("; ", speakers.Where(o => o.Speaker != s.Speaker).Select(o => $"{o.Docs} report(s) attribute it to {o.Name}"));
            foreach (var (doc, quote) in s.Members)
                yield return new Discrepancy(story, doc.Id, DiscrepancyKinds.Attribution, quote.Text, quote.Span.Start, quote.Span.End,
                    $"{OutletOf(doc)} attributes this quote to {s.Name}; {others}.");
        }
    }

    /// <summary>Claims and quotes most other outlets of the story carry and this document lacks.</summary>
    private static IEnumerable<Discrepancy> Omissions(string story, List<Document> members, List<ClaimGroup> claims, List<QuoteGroup> quotes)
    {
        if (members.Count < 3) yield break; // with two reports "most others" is one outlet: a difference, not an omission
        var sentences = members.ToDictionary(d => d.Id, d => ClaimAligner.Sentences(d), StringComparer.Ordinal);
        // Quotations among the claims are the quote groups' business (the same rule the alignment stage applies).
        var carried = claims.Where(c => !c.IsQuotation)
            .Select(c => (Text: c.Members[0].Text, Docs: c.Members.Select(m => m.Doc).ToList(), What: "reports", Claim: (ClaimGroup?)c))
            .Concat(quotes.Select(q => (Text: q.Members.Select(m => m.Quote.Text).OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).First(),
                Docs: q.Members.Select(m => m.Doc).ToList(), What: "quotes", Claim: (ClaimGroup?)null)));
        foreach (var (text, docs, what, claim) in carried)
        {
            var ids = docs.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            // "Most other outlets": more than half of the story's other documents.
            if (ids.Count * 2 <= members.Count - 1 || ids.Count < 2) continue;
            var outlets = string.Join(", ", docs.Select(OutletOf).Distinct().Take(MaxNamed));
            // Checked against a bounded number of versions, so a claim carried by thousands stays linear.
            var versions = claim?.Members.Take(MaxVersions).ToList();
            foreach (var d in members.Where(d => !ids.Contains(d.Id)))
            {
                // A sentence that states the fact in other words (too loosely to join the group) is not an omission. It
                // must convey at least half of the group's versions: one member may join two facts in one sentence.
                if (versions is not null && sentences[d.Id].Any(s => versions.Count(m => Conveys(s, m)) * 2 >= versions.Count)) continue;
                yield return new Discrepancy(story, d.Id, DiscrepancyKinds.Omission, text, 0, 0,
                    $"{ids.Count} of the {members.Count - 1} other reports in this story ({outlets}) {what} \"{Shorten(text)}\"; {OutletOf(d)} does not.");
            }
        }
    }

    /// <summary>A sentence conveys a claim when it overlaps it loosely and, if the claim states numbers, gives one of them
    /// (or another figure for the same thing): sharing the setting of a fact is not stating it.</summary>
    private static bool Conveys(ClaimSentence sentence, ClaimSentence member) =>
        ClaimAligner.Score(member, sentence) >= LooseOverlap &&
        (member.Numbers.Length == 0 || member.Numbers.Any(n => sentence.Numbers.Any(x => x.Value == n.Value || n.Counted is not null && x.Counted == n.Counted)));

    /// <summary>Factual sentences (an actor plus a number or date) no other outlet of the story carries.</summary>
    private static IEnumerable<Discrepancy> Exclusives(string story, List<Document> members, List<ClaimGroup> claims)
    {
        var aligned = claims.SelectMany(c => c.Members).Select(m => (m.Doc.Id, m.Span)).ToHashSet();
        foreach (var d in members)
            foreach (var s in ClaimAligner.Sentences(d))
            {
                if (aligned.Contains((d.Id, s.Span)) || s.MostlyQuoted || s.Actors.Count == 0) continue;
                if (s.Numbers.Length == 0 && s.Dates.Length == 0) continue;
                yield return new Discrepancy(story, d.Id, DiscrepancyKinds.Exclusive, s.Text, s.Span.Start, s.Span.End,
                    $"Only {OutletOf(d)} reports this among the {members.Count} reports of the story.");
            }
    }

    private static string Shorten(string text) =>
        text.Length <= 160 ? text : text[..157].TrimEnd() + "…";

}
