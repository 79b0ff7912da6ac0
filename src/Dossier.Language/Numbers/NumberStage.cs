using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Language.Numbers;

namespace Dossier.Language.Numbers
{
    /// <summary>Adds the "numbers" layer: cardinals, ordinals, money and percentages (see <see cref="NumberRecognizer"/>).</summary>
    public sealed class NumberStage : IDocumentStage
    {
        public string Name => "numbers";
        public string Version => "1";
        public IReadOnlyList<string> Requires => [Layers.Tokens.Name];
        public IReadOnlyList<string> Provides => [Layers.Numbers.Name];

        public Document Process(Document document, StageContext context) =>
            document.With(Layers.Numbers, NumberRecognizer.Recognize(document.Text, document.Layer(Layers.Tokens)), Name, Version);
    }
}

namespace Dossier.Language
{
    public static class NumberPipelineExtensions
    {
        public static PipelineBuilder UseNumbers(this PipelineBuilder builder) => builder.Use(new NumberStage());
    }
}
