using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Language.Tokens;

namespace Dossier.Language.Tokens
{
    /// <summary>Adds the "tokens" layer: every token of the text with its kind (see <see cref="Tokenizer"/>).</summary>
    public sealed class TokenStage : IDocumentStage
    {
        public string Name => "tokens";
        public string Version => "1";
        public IReadOnlyList<string> Requires => [];
        public IReadOnlyList<string> Provides => [Layers.Tokens.Name];

        public Document Process(Document document, StageContext context) =>
            document.With(Layers.Tokens, Tokenizer.Tokenize(document.Text), Name, Version);
    }
}

namespace Dossier.Language
{
    public static class TokenPipelineExtensions
    {
        public static PipelineBuilder UseTokens(this PipelineBuilder builder) => builder.Use(new TokenStage());
    }
}
