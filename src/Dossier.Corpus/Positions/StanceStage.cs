using System.Text.RegularExpressions;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Corpus.Dates;
using Dossier.Corpus.Shared;

namespace Dossier.Corpus.Positions;

/// <summary>
/// Finds, in each sentence that names an issue of the taxonomy (or continues the issue of the sentence before, as in
/// "Kyiv's on board; Moscow's not — yet."), the stance of the actor who holds it: the speaker of a quote the cue sits
/// in, else the actor nearest before the cue in its clause (or after "by" for a passive). The stance comes from the
/// cue lexicons (<see cref="StanceCues"/>) and negation; a conditional stance carries its condition.
/// </summary>
public sealed partial class StanceStage(Taxonomy? taxonomy = null) : IDocumentStage
{
    private const int MaxActorDistance = 120; // characters between an actor and its cue, beyond which it is no subject

    private readonly Taxonomy _taxonomy = taxonomy ?? Taxonomy.Default;

    public string Name => "stances";
    public string Version => "1";
    public IReadOnlyList<string> Requires => ["sentences", "actors", "quotes", "times"];
    public IReadOnlyList<string> Provides => ["stances"];

    public Document Process(Document document, StageContext context) =>
        document.With(Layers.Stances, Find(document), Name, Version);

    public IReadOnlyList<StanceMention> Find(Document doc)
    {
        var text = doc.Text;
        var actors = doc.Layer(Layers.Entities);
        var quotes = doc.Layer(Layers.Quotes);
        var published = TextUnits.Iso(doc.Metadata.Published);
        var results = new List<StanceMention>();
        var seen = new HashSet<(int, string, string)>();
        IReadOnlyList<Issue> previousIssues = [];

        foreach (var sentence in TextUnits.Sentences(doc))
        {
            var issues = _taxonomy.Find(text, sentence.Start, sentence.End).ToList();
            var sentenceActors = SpanIndex.Inside(actors, sentence).Where(e => e.Span.Length > 0).ToList();
            // A sentence naming no issue may continue the previous one's, when that was a single issue.
            var context = issues.Count > 0 ? issues.Select(m => m.Issue).Distinct().ToList() : previousIssues;
            var date = SentenceDate(doc, sentence, published);
            Cue? previousCue = null;
            foreach (var clause in Clauses(text, sentence))
            {
                var clauseIssues = issues.Where(m => clause.Contains(m.Span)).ToList();
                var clauseActors = sentenceActors.Where(a => clause.Contains(a.Span) && !issues.Any(m => m.Span.Contains(a.Span))).ToList();
                var cues = StanceCues.Find(text, clause.Start, clause.End);
                if (cues.Count == 0 && previousCue is { } elided && clauseActors.Count > 0 && HasNegation(text, clause.Start, clause.End))
                {
                    // Ellipsis: "Kyiv's on board; Moscow's not" repeats the earlier cue, negated.
                    var stance = Negate(elided, text, clause);
                    var issueList = clauseIssues.Count > 0 ? clauseIssues.Select(m => m.Issue).ToList() : context;
                    foreach (var issue in issueList)
                        Add(results, seen, new StanceMention(sentence, issue.Id, ActorOf(clauseActors[0]), stance, date));
                    continue;
                }
                foreach (var cue in cues)
                {
                    previousCue = cue;
                    var holders = Holders(doc, cue, clause, clauseActors, quotes);
                    if (holders.Count == 0) continue;
                    var stance = HasNegation(text, Math.Max(clause.Start, cue.Span.Start - 30), cue.Span.Start) ? Negate(cue, text, clause) : cue.Stance;
                    var nextCondition = cues.Where(c => c.Stance == Stance.Conditional && c.Span.Start > cue.Span.Start).Select(c => (int?)c.Span.Start).FirstOrDefault();
                    foreach (var (issue, issueStance, condition) in IssuesFor(text, cue, stance, clause, clauseIssues, context, previousIssues, nextCondition))
                        foreach (var holder in holders)
                            Add(results, seen, new StanceMention(sentence, issue.Id, holder, issueStance, date, condition));
                }
            }
            previousIssues = issues.Count > 0 ? (context.Count == 1 ? context : []) : (previousIssues.Count == 1 ? previousIssues : []);
        }
        return results;
    }

    private static void Add(List<StanceMention> results, HashSet<(int, string, string)> seen, StanceMention m)
    {
        // One stance per actor, issue and sentence: the first cue (nearest the subject) decides.
        if (seen.Add((m.Span.Start, m.Issue, m.Actor.EntityId))) results.Add(m);
    }

    /// <summary>Which issues a cue speaks about, with what stance. For a condition ("any deal must lock in X and bar
    /// Y") the issues before the cue (or the issue in context) become conditional on the rest of the clause, and the
    /// issues named inside the condition are what the actor demands: support, or opposition after "bar", "exclude"…
    /// A nested condition ("insists that any truce must freeze…") leaves the inner issue to the inner cue.</summary>
    private static IEnumerable<(Issue, Stance, string?)> IssuesFor(string text, Cue cue, Stance stance, TextSpan clause,
        List<IssueMatch> clauseIssues, IReadOnlyList<Issue> context, IReadOnlyList<Issue> previous, int? nextCondition)
    {
        if (stance == Stance.Conditional)
        {
            if (nextCondition is not null) yield break;
            // The condition runs to the end of its clause or to the next comma or dash (what follows is the report's own).
            var raw = text[cue.Span.End..clause.End];
            var stop = raw.IndexOfAny([',', '—', '–', ';']);
            var condition = (stop > 0 ? raw[..stop] : raw).Trim().TrimEnd('.', ',', ';', ':', '!', '?', '"', '”', '’').Trim();
            var before = clauseIssues.Where(m => m.Span.End <= cue.Span.Start).Select(m => m.Issue).Distinct().ToList();
            // "Any deal must…": with no issue before the cue, the condition is on the issue of the sentences before.
            var subject = before.Count > 0 ? before : previous;
            var inside = clauseIssues.Where(m => m.Span.Start >= cue.Span.End).ToList();
            foreach (var issue in subject.Where(i => inside.All(m => m.Issue.Id != i.Id)))
                yield return (issue, Stance.Conditional, condition.Length > 0 ? condition : null);
            foreach (var m in inside.GroupBy(m => m.Issue.Id).Select(g => g.First()))
            {
                // The barring word may open the issue's own wording ("bar Ukraine from NATO").
                var lead = text[cue.Span.End..m.Span.End];
                yield return (m.Issue, Matches(StanceCues.DemandAgainst(), lead) ? Stance.Oppose : Stance.Support, null);
            }
            yield break;
        }
        // "X will be part of a deal" speaks about X, before the cue; most cues speak about what follows them.
        var aboutBefore = text[cue.Span.Start..cue.Span.End].StartsWith("part of", StringComparison.OrdinalIgnoreCase);
        var after = clauseIssues.Where(m => aboutBefore ? m.Span.End <= cue.Span.Start : m.Span.Start >= cue.Span.Start).Select(m => m.Issue).Distinct().ToList();
        var targets = after.Count > 0 ? after : clauseIssues.Select(m => m.Issue).Distinct().ToList();
        if (targets.Count == 0) targets = [.. context];
        foreach (var issue in targets) yield return (issue, stance, null);
    }

    /// <summary>Who holds the stance a cue expresses.</summary>
    private static List<ActorRef> Holders(Document doc, Cue cue, TextSpan clause, List<EntityMention> clauseActors,
        IReadOnlyList<Quote> quotes)
    {
        var text = doc.Text;
        var quote = quotes.FirstOrDefault(q => q.Span.Contains(cue.Span));
        var scope = quote is null ? clause : Intersect(clause, quote.Span);
        // Passive participle with an agent: "a truce pitched last week by U.S. and Ukrainian teams".
        var agent = PassiveAgent().Match(text, cue.Span.End, Math.Min(scope.End, cue.Span.End + 60) - cue.Span.End);
        if (text[cue.Span.Start..cue.Span.End].EndsWith("ed", StringComparison.OrdinalIgnoreCase) && agent.Success)
        {
            var byActors = clauseActors.Where(a => a.Span.Start >= agent.Index && a.Span.Start < agent.Index + agent.Length + 60 && scope.Contains(a.Span)).ToList();
            if (byActors.Count > 0) return [.. byActors.Select(ActorOf).DistinctBy(a => a.EntityId)];
        }
        var subject = clauseActors.Where(a => a.Span.End <= cue.Span.Start && scope.Contains(a.Span) && cue.Span.Start - a.Span.End <= MaxActorDistance &&
                                              !AfterPreposition(text, a.Span.Start))
            .OrderByDescending(a => a.Span.End).FirstOrDefault();
        if (subject is not null)
        {
            // "persuading Putin to back", "if Russia agrees": someone else's wish or a hypothesis, not a position.
            var lead = text[Math.Max(clause.Start, subject.Span.Start - 40)..subject.Span.Start];
            if (Matches(StanceCues.Hypothetical(), lead)) return [];
            // Conjoined subjects: "Britain and France back…".
            var conjoined = clauseActors.Where(a => a != subject && a.Span.End <= subject.Span.Start && scope.Contains(a.Span) &&
                                                    IsConjunction(text[a.Span.End..subject.Span.Start])).ToList();
            return [.. conjoined.Append(subject).Select(ActorOf).DistinctBy(a => a.EntityId)];
        }
        if (quote?.Speaker is { } speaker && !HasThirdPersonSubject(text, scope.Start, cue.Span.Start))
            return [new ActorRef(speaker.EntityId ?? Slug(speaker.Name), speaker.Name)];
        return [];
    }

    /// <summary>"troops in Ukraine", "a statement from Moscow": a name after a preposition is a place or a source,
    /// not the subject holding a position.</summary>
    private static bool AfterPreposition(string text, int start) =>
        Matches(Preposition(), text[Math.Max(0, start - 12)..start]);

    private static bool IsConjunction(string between) => ConjunctionOnly().IsMatch(between);

    private static bool HasThirdPersonSubject(string text, int from, int to) =>
        ThirdPerson().IsMatch(text.AsSpan(from, Math.Max(0, to - from)));

    private static Stance Negate(Cue cue, string text, TextSpan clause)
    {
        // "not yet", "hasn't committed": the position is still open. A negated refusal is also no decision.
        if (cue.Commitment || cue.Stance is Stance.Oppose or Stance.Undecided || Matches(StanceCues.Yet(), text[clause.Start..clause.End]))
            return Stance.Undecided;
        return cue.Stance == Stance.Support ? Stance.Oppose : cue.Stance;
    }

    private static bool HasNegation(string text, int from, int to) => to > from && Matches(StanceCues.Negation(), text[from..to]);

    private static bool Matches(Regex regex, string s)
    {
        try { return regex.IsMatch(s); }
        catch (RegexMatchTimeoutException) { return false; }
    }

    /// <summary>Clauses: split at semicolons and contrastive conjunctions; an opening subordinate clause ("While the
    /// US hasn't committed…, Rubio has made clear…") ends at its first comma.</summary>
    internal static List<TextSpan> Clauses(string text, TextSpan sentence)
    {
        var cuts = new SortedSet<int>();
        var s = text[sentence.Start..sentence.End];
        foreach (Match m in ClauseBreak().Matches(s)) cuts.Add(sentence.Start + m.Index);
        var opening = OpeningSubordinate().Match(s);
        if (opening.Success) cuts.Add(sentence.Start + opening.Length);
        var clauses = new List<TextSpan>();
        var start = sentence.Start;
        foreach (var cut in cuts.Where(c => c > sentence.Start && c < sentence.End))
        {
            clauses.Add(new TextSpan(start, cut));
            start = cut;
        }
        clauses.Add(new TextSpan(start, sentence.End));
        return clauses;
    }

    private static TextSpan Intersect(TextSpan a, TextSpan b) => new(Math.Max(a.Start, b.Start), Math.Max(Math.Max(a.Start, b.Start), Math.Min(a.End, b.End)));

    private static ActorRef ActorOf(EntityMention e) => new(e.EntityId ?? Slug(e.Text), e.Text);

    internal static string Slug(string name) =>
        string.Join('-', Words.Tokenize(name).Select(w => w.Norm.Replace(".", "").Replace("'", "")).Where(n => n.Length > 0));

    /// <summary>The date of what a sentence reports: a full date it states (not after publication), else the
    /// document's publication date.</summary>
    private static string? SentenceDate(Document doc, TextSpan sentence, string? published)
    {
        var stated = SpanIndex.Inside(doc.Layer(Layers.Times), sentence).Where(t => t.Type == TimexType.DATE)
            .Select(t => TextDates.ParseIso(t.Value)).OfType<NodaTime.LocalDate>()
            .Where(d => doc.Metadata.Published is null || d <= doc.Metadata.Published).ToList();
        return stated.Count > 0 ? TextUnits.Iso(stated.Max()) : published;
    }

    [GeneratedRegex(@";|,?\s+(?:but|while|whereas|although|though|however)\b", RegexOptions.IgnoreCase, 2000)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"^\s*(?:While|Although|Though|Whereas|Even\s+though|Despite|Even\s+as)\b[^,;]*,", RegexOptions.None, 2000)]
    private static partial Regex OpeningSubordinate();

    [GeneratedRegex(@"^[\s,]*(?:and|&|as\s+well\s+as)[\s,]*(?:the\s+)?$", RegexOptions.IgnoreCase, 2000)]
    private static partial Regex ConjunctionOnly();

    [GeneratedRegex(@"\b(?:in|into|from|at|on|to|for|against|with|across|inside|near|of)\s+(?:the\s+)?$", RegexOptions.IgnoreCase, 2000)]
    private static partial Regex Preposition();

    [GeneratedRegex(@"\b(?:by)\b", RegexOptions.IgnoreCase, 2000)]
    private static partial Regex PassiveAgent();

    [GeneratedRegex(@"\b(?:he|she|they|it)\b\W*\w*\W*$", RegexOptions.IgnoreCase, 2000)]
    private static partial Regex ThirdPerson();
}
