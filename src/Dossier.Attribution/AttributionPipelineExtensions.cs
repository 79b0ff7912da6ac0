using Dossier.Attribution.Quotes;
using Dossier.Core.Pipeline;

namespace Dossier.Attribution;

public static class AttributionPipelineExtensions
{
    /// <summary>Adds the "quotes" stage (needs "sentences" and "actors").</summary>
    public static PipelineBuilder UseQuotes(this PipelineBuilder builder) => builder.Use(new QuoteStage());
}
