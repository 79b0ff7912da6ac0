using Dossier.Attribution;
using Dossier.Core.Pipeline;
using Dossier.Corpus;
using Dossier.Corpus.Positions;
using Dossier.Events;
using Dossier.Language;

namespace Dossier;

/// <summary>The pipeline Dossier runs when nobody configures one; read it top to bottom to see the whole flow.</summary>
public static class DefaultPipeline
{
    /// <summary>Every document stage, in order (extraction happens before, on raw input).</summary>
    public static PipelineBuilder Language(this PipelineBuilder builder) => builder
        .UseSentences()
        .UseTokens()
        .UseEntities()
        .UseNumbers()
        .UseActors()
        .UseTimes();

    public static PipelineBuilder Create(Taxonomy? taxonomy = null) => new PipelineBuilder()
        .Language()
        .UseQuotes()
        .UseEvents()
        .UseStances(taxonomy)
        // corpus stages: they see every document
        .UseDuplicates()
        .UseStories()
        .UseStoryDates()
        .UseStorylines()
        .UseCanonicalActors()
        .UseAlignments()
        .UseDiscrepancies()
        .UsePositions();
}
