using System.Collections.Immutable;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;

namespace Dossier.Core.Pipeline;

/// <summary>
/// Stages in order. Built with <see cref="PipelineBuilder"/>, which checks once that every stage's requirements are
/// met by the stages before it.
/// </summary>
public sealed class Pipeline
{
    internal Pipeline(IReadOnlyList<IDocumentStage> documentStages, IReadOnlyList<ICorpusStage> corpusStages)
    {
        DocumentStages = documentStages;
        CorpusStages = corpusStages;
    }

    public IReadOnlyList<IDocumentStage> DocumentStages { get; }
    public IReadOnlyList<ICorpusStage> CorpusStages { get; }

    /// <summary>Runs every document stage on one document. A stage that throws is a bug: it is reported and the
    /// document keeps the layers made so far, so one bad document never stops a run.</summary>
    public Document ProcessDocument(Document document, StageContext context)
    {
        foreach (var stage in DocumentStages)
        {
            try
            {
                document = stage.Process(document, context);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.Diagnostics.Add(Codes.StageFailed, Severity.Error, document.Source,
                    $"stage {stage.Name} failed ({ex.GetType().Name}: {ex.Message}); later layers may be missing. Please report this as a bug.");
            }
        }
        return document;
    }

    public Corpus ProcessCorpus(Corpus corpus, StageContext context)
    {
        foreach (var stage in CorpusStages)
        {
            try
            {
                var before = corpus;
                corpus = Rederive(before, stage.Process(corpus, context), context);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.Diagnostics.Add(Codes.StageFailed, Severity.Error, "corpus",
                    $"stage {stage.Name} failed ({ex.GetType().Name}: {ex.Message}). Please report this as a bug.");
            }
        }
        return corpus;
    }

    /// <summary>
    /// A corpus stage may learn something that changes a document's metadata (a publication date inferred from its
    /// story): that document's layers are derived again from its text, so times are normalised against the new date.
    /// </summary>
    private Corpus Rederive(Corpus before, Corpus after, StageContext context)
    {
        var previous = before.Documents.ToDictionary(d => d.Id, d => d.Metadata);
        var changed = false;
        var documents = after.Documents.Select(d =>
        {
            if (!previous.TryGetValue(d.Id, out var old) || old == d.Metadata) return d;
            changed = true;
            return ProcessDocument(d with { LayerSet = d.LayerSet.Clear() }, context);
        }).ToImmutableArray();
        return changed ? after with { Documents = documents } : after;
    }
}

/// <summary>Markdig-style builder: <c>new PipelineBuilder().UseSentences().UseEntities()…Build()</c>.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IDocumentStage> _documentStages = [];
    private readonly List<ICorpusStage> _corpusStages = [];

    public PipelineBuilder Use(IDocumentStage stage)
    {
        _documentStages.Add(stage);
        return this;
    }

    public PipelineBuilder Use(ICorpusStage stage)
    {
        _corpusStages.Add(stage);
        return this;
    }

    /// <exception cref="InvalidOperationException">A stage needs something no earlier stage provides (a bug in the caller's pipeline).</exception>
    public Pipeline Build()
    {
        var available = new HashSet<string>();
        foreach (var stage in _documentStages.Cast<IStage>().Concat(_corpusStages))
        {
            var missing = stage.Requires.Where(r => !available.Contains(r)).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException(
                    $"Stage '{stage.Name}' requires {string.Join(", ", missing)}, which no earlier stage provides. Add the providing stage before it.");
            available.UnionWith(stage.Provides);
        }
        return new Pipeline([.. _documentStages], [.. _corpusStages]);
    }
}
