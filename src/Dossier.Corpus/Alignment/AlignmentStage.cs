using System.Collections.Immutable;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Corpus.Alignment;

using Corpus = Dossier.Core.Model.Corpus;

/// <summary>
/// Within each story: the same quote carried by several outlets (linked to its speaker and original channel, e.g.
/// the social-media post it came from), and the same claim asserted by several outlets (with the first outlet to
/// report it when dates allow).
/// </summary>
public sealed class AlignmentStage : ICorpusStage
{
    public string Name => "alignments";
    public string Version => "1";
    public IReadOnlyList<string> Requires => [CorpusResults.Stories];
    public IReadOnlyList<string> Provides => [CorpusResults.Alignments];

    public Corpus Process(Corpus corpus, StageContext context)
    {
        var byId = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var d in corpus.Documents) byId.TryAdd(d.Id, d);
        var alignments = ImmutableArray.CreateBuilder<Core.Model.Alignment>();
        foreach (var story in corpus.Stories)
        {
            var members = story.DocumentIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            if (members.Count < 2) continue;
            foreach (var group in QuoteAligner.Group(members).Where(g => g.DocumentCount >= 2))
                alignments.Add(FromQuotes(story.Id, group));
            foreach (var group in ClaimAligner.Group(members).Where(g => !g.IsQuotation))
                alignments.Add(new Core.Model.Alignment(story.Id, AlignmentKind.Claim, group.Members[0].Text,
                    [.. group.Members.Select(m => new DocSpan(m.Doc.Id, m.Span.Start, m.Span.End))],
                    FirstOutlet: ClaimAligner.FirstOutlet(group.Members.Select(m => m.Doc))));
        }
        return corpus with { Alignments = alignments.ToImmutable() };
    }

    private static Core.Model.Alignment FromQuotes(string story, QuoteGroup group)
    {
        var members = group.Members.OrderBy(m => m.Doc.Id, StringComparer.Ordinal).ThenBy(m => m.Quote.Span.Start).ToList();
        // The fullest version stands for the statement; the others are cuts or re-punctuations of it.
        var text = members.Select(m => m.Quote.Text).OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).First();
        var speaker = Majority(members.Select(m => m.Quote.Speaker is { } s ? s.EntityId ?? s.Name : null));
        var channel = Majority(members.Select(m => m.Quote.Channel));
        var first = ClaimAligner.FirstOutlet(members.Select(m => m.Doc));
        return new Core.Model.Alignment(story, AlignmentKind.Quote, text,
            [.. members.Select(m => new DocSpan(m.Doc.Id, m.Quote.Span.Start, m.Quote.Span.End))], speaker, channel, first);
    }

    /// <summary>The most frequent non-empty value (ties: alphabetical), or null.</summary>
    internal static string? Majority(IEnumerable<string?> values) =>
        values.OfType<string>().Where(v => v.Length > 0).GroupBy(v => v, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.First()).FirstOrDefault();
}
