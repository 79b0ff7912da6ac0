using Dossier.Core.Pipeline;
using Dossier.Corpus.Alignment;
using Dossier.Corpus.Dates;
using Dossier.Corpus.Discrepancies;
using Dossier.Corpus.Duplicates;
using Dossier.Corpus.Positions;
using Dossier.Corpus.Stories;

namespace Dossier.Corpus;

/// <summary>Pipeline registration for the corpus-level stages (and the per-document stance stage they feed on).</summary>
public static class CorpusPipelineExtensions
{
    /// <summary>Stances of actors on the issues of <paramref name="taxonomy"/> (the embedded default when null).</summary>
    public static PipelineBuilder UseStances(this PipelineBuilder builder, Taxonomy? taxonomy = null) =>
        builder.Use(new StanceStage(taxonomy));

    public static PipelineBuilder UseStories(this PipelineBuilder builder, StoryClusterOptions? options = null) =>
        builder.Use(new StoryStage(options));

    public static PipelineBuilder UseDuplicates(this PipelineBuilder builder, NearDuplicateOptions? options = null) =>
        builder.Use(new DuplicateStage(options));

    public static PipelineBuilder UseStoryDates(this PipelineBuilder builder) => builder.Use(new StoryDateStage());

    /// <summary>Links stories that continue one another (run after the story dates are known).</summary>
    public static PipelineBuilder UseStorylines(this PipelineBuilder builder, StorylineOptions? options = null) =>
        builder.Use(new StorylineStage(options));

    public static PipelineBuilder UseAlignments(this PipelineBuilder builder) => builder.Use(new AlignmentStage());

    public static PipelineBuilder UseDiscrepancies(this PipelineBuilder builder) => builder.Use(new DiscrepancyStage());

    public static PipelineBuilder UsePositions(this PipelineBuilder builder) => builder.Use(new PositionStage());
}
