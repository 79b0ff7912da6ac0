using Dossier.Core.Pipeline;
using Dossier.Events.Plover;

namespace Dossier.Events;

public static class EventsPipelineExtensions
{
    /// <summary>Adds the "events" stage (needs "sentences", "actors" and "times").</summary>
    public static PipelineBuilder UseEvents(this PipelineBuilder builder) => builder.Use(new EventStage());
}
