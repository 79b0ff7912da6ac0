using Dossier.Attribution.Learned;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Attribution.Quotes;

/// <summary>
/// The "quotes" stage: direct, partial and indirect quotations with speaker, cue, channel, addressee, certainty and
/// speech date. Reads sentences and the actor-linked entities layer; uses the times layer when present (for the date
/// of the speech act).
/// </summary>
public sealed class QuoteStage : IDocumentStage
{
    private readonly Lazy<AttributionTagger?> _tagger;

    /// <summary>The stage with the committed attribution tagger (rules alone when the build has none), loaded on first use.</summary>
    public QuoteStage() => _tagger = new(() => AttributionTagger.Default);

    /// <param name="tagger">The attribution tagger to use; null for the rules alone.</param>
    public QuoteStage(AttributionTagger? tagger) => _tagger = new(tagger);

    public string Name => "quotes";
    public string Version => "2.1";
    public IReadOnlyList<string> Requires { get; } = ["sentences", "tokens", "actors"];
    public IReadOnlyList<string> Provides { get; } = ["quotes"];

    public Document Process(Document document, StageContext context) =>
        document.With(Layers.Quotes, QuoteExtractor.Extract(document, _tagger.Value), Name, Version);
}
