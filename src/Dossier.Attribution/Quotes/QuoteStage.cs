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
    public string Name => "quotes";
    public string Version => "1.0";
    public IReadOnlyList<string> Requires { get; } = ["sentences", "actors"];
    public IReadOnlyList<string> Provides { get; } = ["quotes"];

    public Document Process(Document document, StageContext context) =>
        document.With(Layers.Quotes, QuoteExtractor.Extract(document), Name, Version);
}
