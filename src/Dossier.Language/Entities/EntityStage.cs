using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Language.Entities;

namespace Dossier.Language.Entities
{
    /// <summary>
    /// Adds the "entities" layer: PER/ORG/LOC/MISC mentions found by <see cref="NerModel"/> in each sentence, with
    /// offsets into the document text. A MISC mention that is a listed demonym ("Russian", "Ukrainians") gets the finer
    /// type NORP; canonical ids and other types are the actors stage's work.
    /// </summary>
    public sealed class EntityStage(NerModel? model = null) : IDocumentStage
    {
        private const int MiscType = 3;

        public string Name => "entities";
        public string Version => "2";
        public IReadOnlyList<string> Requires => [Layers.Sentences.Name, Layers.Tokens.Name];
        public IReadOnlyList<string> Provides => [Layers.Entities.Name];

        public Document Process(Document document, StageContext context)
        {
            var tagger = model ?? NerModel.Default;
            var text = document.Text;
            var groups = SentenceTokens.Group(document.Layer(Layers.Sentences), document.Layer(Layers.Tokens));
            var tags = tagger.TagIds(SentenceTokens.Words(text, groups), new NerDecoder.Buffers());

            var mentions = new List<EntityMention>();
            for (var s = 0; s < groups.Count; s++)
            {
                foreach (var (start, end, type) in Conll.Chunks(tags[s].Select(i => NerTags.Names[i]).ToArray()))
                {
                    var span = new TextSpan(groups[s][start].Span.Start, groups[s][end - 1].Span.End);
                    var surface = span.Of(text);
                    // A name has a letter or a digit: a tagged run of marks ("&", "€") in junk text is not an entity.
                    if (!surface.Any(char.IsLetterOrDigit)) continue;
                    var label = Enum.Parse<EntityLabel>(type);
                    var finer = label == EntityLabel.MISC && IsDemonym(tagger.Gazetteer, surface) ? "NORP" : null;
                    mentions.Add(new EntityMention(span, surface, label, finer));
                }
            }
            return document.With(Layers.Entities, mentions, Name, Version);
        }

        /// <summary>A listed demonym, singular or plural ("Ukrainian", "Ukrainians").</summary>
        private static bool IsDemonym(Gazetteer gazetteer, string surface) =>
            gazetteer.Contains(surface, MiscType) || (surface.EndsWith('s') && gazetteer.Contains(surface[..^1], MiscType));
    }
}

namespace Dossier.Language
{
    public static class EntityPipelineExtensions
    {
        /// <summary>Adds named-entity recognition with <paramref name="model"/>, or <see cref="NerModel.Default"/>.</summary>
        public static PipelineBuilder UseEntities(this PipelineBuilder builder, NerModel? model = null) =>
            builder.Use(new EntityStage(model));
    }
}
