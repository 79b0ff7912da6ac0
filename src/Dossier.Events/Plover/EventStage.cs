using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Events.Plover;

/// <summary>The "events" stage: sentence-level PLOVER events (see <see cref="EventCoder"/>).</summary>
public sealed class EventStage(EventCoder coder) : IDocumentStage
{
    public EventStage() : this(EventCoder.Default) { }

    public string Name => "events";
    public string Version => "1.0";
    public IReadOnlyList<string> Requires { get; } = ["sentences", "actors", "times"];
    public IReadOnlyList<string> Provides { get; } = ["events"];

    public Document Process(Document document, StageContext context) =>
        document.With(Layers.Events, coder.Code(document), Name, Version);
}
