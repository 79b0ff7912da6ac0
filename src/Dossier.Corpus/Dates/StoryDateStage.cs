using System.Collections.Immutable;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Corpus.Shared;
using NodaTime;

namespace Dossier.Corpus.Dates;

using Corpus = Dossier.Core.Model.Corpus;

/// <summary>
/// Gives every undated document the date of its story: the earliest publication date its members were given, or,
/// when none was given, the earliest date the members' own texts imply (see <see cref="TextDates.Implied"/>).
/// Inferred dates are marked (<see cref="DocumentMetadata.PublishedInferred"/>); the story's date is updated too.
/// </summary>
public sealed class StoryDateStage : ICorpusStage
{
    public string Name => "story-dates";
    public string Version => "1";
    public IReadOnlyList<string> Requires => [CorpusResults.Stories];
    public IReadOnlyList<string> Provides => [CorpusResults.PublicationDates];

    public Corpus Process(Corpus corpus, StageContext context)
    {
        var today = context.Clock.GetCurrentInstant().InUtc().Date;
        var byId = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var d in corpus.Documents) byId.TryAdd(d.Id, d);
        var assigned = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        var stories = ImmutableArray.CreateBuilder<Story>();
        foreach (var story in corpus.Stories)
        {
            var members = story.DocumentIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            var given = members.Where(d => d.Metadata.Published is not null && !d.Metadata.PublishedInferred)
                .Select(d => d.Metadata.Published!.Value).ToList();
            var date = given.Count > 0
                ? given.Min()
                : members.Select(d => TextDates.Implied(d, today)).OfType<LocalDate>().DefaultIfEmpty().Min();
            var known = given.Count > 0 || members.Any(d => TextDates.Implied(d, today) is not null);
            if (!known) { stories.Add(story); continue; }
            foreach (var d in members)
                if (d.Metadata.Published is null || d.Metadata.PublishedInferred) assigned[d.Id] = date;
            stories.Add(story with { Date = TextUnits.Iso(date) });
        }
        var documents = corpus.Documents.Select(d =>
            assigned.TryGetValue(d.Id, out var date) && d.Metadata.Published != date
                ? d with { Metadata = d.Metadata with { Published = date, PublishedInferred = true } }
                : d).ToImmutableArray();
        return corpus with { Documents = documents, Stories = stories.ToImmutable() };
    }
}
