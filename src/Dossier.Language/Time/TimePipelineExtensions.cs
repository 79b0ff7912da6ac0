using Dossier.Core.Pipeline;
using Dossier.Language.Time;

namespace Dossier.Language;

public static class TimePipelineExtensions
{
    /// <summary>Adds the "times" document stage: TIMEX3 expressions, and a publication date inferred from the text when missing.</summary>
    public static PipelineBuilder UseTimes(this PipelineBuilder builder) => builder.Use(new TimeStage());
}
