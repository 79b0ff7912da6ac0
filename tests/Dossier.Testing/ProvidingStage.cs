using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Testing;

/// <summary>A stage that only claims to provide layers, to check a pipeline's contracts without the real stages.</summary>
public sealed class ProvidingStage(params string[] provides) : IDocumentStage
{
    public string Name => "provides:" + string.Join(",", provides);
    public string Version => "0";
    public IReadOnlyList<string> Requires { get; } = [];
    public IReadOnlyList<string> Provides { get; } = provides;
    public Document Process(Document document, StageContext context) => document;
}
