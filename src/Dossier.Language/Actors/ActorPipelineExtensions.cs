using Dossier.Core.Pipeline;
using Dossier.Language.Actors;

namespace Dossier.Language;

public static class ActorPipelineExtensions
{
    /// <summary>Adds the "actors" document stage: entity types and ids, aliases folded in the document, titles, demonyms and metonyms.</summary>
    public static PipelineBuilder UseActors(this PipelineBuilder builder, ActorGazetteer? gazetteer = null) =>
        builder.Use(new ActorStage(gazetteer ?? ActorGazetteer.Default));

    /// <summary>Adds the "canonical-actors" corpus stage: <see cref="Dossier.Core.Model.Corpus.Entities"/> and cross-document surname folding.</summary>
    public static PipelineBuilder UseCanonicalActors(this PipelineBuilder builder, ActorGazetteer? gazetteer = null) =>
        builder.Use(new CanonicalActorStage(gazetteer ?? ActorGazetteer.Default));
}
