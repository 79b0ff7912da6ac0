using Dossier.Cli.Console;
using Dossier.Corpus;
using Dossier.Corpus.Positions;
using NodaTime;

namespace Dossier.Cli.Commands;

/// <summary>The analyzer a command uses: the default one, or one whose negotiation map reads the user's taxonomy.</summary>
public static class TaxonomyOption
{
    public static Analyzer? AnalyzerFor(string? taxonomyPath, Reporter reporter)
    {
        if (taxonomyPath is null) return Analyzer.Default;
        var loaded = Taxonomy.Load(taxonomyPath);
        if (loaded.Ok) return new Analyzer(DefaultPipeline.Create(loaded.Taxonomy).Build(), SystemClock.Instance);
        foreach (var error in loaded.Errors) reporter.Error($"E006 taxonomy {taxonomyPath}: {error}");
        return null;
    }
}
