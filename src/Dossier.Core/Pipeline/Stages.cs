using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using NodaTime;

namespace Dossier.Core.Pipeline;

/// <summary>What every stage may use besides its input: the run's clock and its diagnostics.</summary>
public sealed class StageContext(IClock clock, DiagnosticBag diagnostics)
{
    public IClock Clock { get; } = clock;
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public static StageContext Default() => new(SystemClock.Instance, new DiagnosticBag());
}

/// <summary>Common description of a stage: its name, version (stored as provenance) and its contract.</summary>
public interface IStage
{
    string Name { get; }
    string Version { get; }
    /// <summary>Layer or corpus names that must be present before this stage runs.</summary>
    IReadOnlyList<string> Requires { get; }
    /// <summary>Layer or corpus names this stage adds.</summary>
    IReadOnlyList<string> Provides { get; }
}

/// <summary>A pure function of one document (plus read-only resources): safe to run in parallel.</summary>
public interface IDocumentStage : IStage
{
    Document Process(Document document, StageContext context);
}

/// <summary>A stage that sees the whole corpus (stories, alignments, positions…).</summary>
public interface ICorpusStage : IStage
{
    Corpus Process(Corpus corpus, StageContext context);
}

/// <summary>Names of corpus-level results, for <see cref="IStage.Requires"/>/<see cref="IStage.Provides"/>.</summary>
public static class CorpusResults
{
    public const string Actors = "corpus.actors";
    public const string Stories = "corpus.stories";
    public const string PublicationDates = "corpus.publication_dates";
    public const string Alignments = "corpus.alignments";
    public const string Discrepancies = "corpus.discrepancies";
    public const string Positions = "corpus.positions";
    public const string Duplicates = "corpus.duplicates";
    public const string Storylines = "corpus.storylines";
}
