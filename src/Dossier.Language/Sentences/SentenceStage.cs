using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Language.Sentences;

namespace Dossier.Language.Sentences
{
    /// <summary>Adds the "sentences" layer (see <see cref="SentenceSplitter"/>).</summary>
    public sealed class SentenceStage : IDocumentStage
    {
        public string Name => "sentences";
        public string Version => "1";
        public IReadOnlyList<string> Requires => [];
        public IReadOnlyList<string> Provides => [Layers.Sentences.Name];

        public Document Process(Document document, StageContext context) =>
            document.With(Layers.Sentences, SentenceSplitter.Split(document.Text), Name, Version);
    }
}

namespace Dossier.Language
{
    public static class SentencePipelineExtensions
    {
        public static PipelineBuilder UseSentences(this PipelineBuilder builder) => builder.Use(new SentenceStage());
    }
}
