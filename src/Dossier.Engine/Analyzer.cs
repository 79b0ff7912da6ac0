using System.Collections.Concurrent;
using System.Collections.Immutable;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Ingest;
using Dossier.Ingest.Extraction;
using Dossier.Storage;
using Dossier.Storage.Sqlite;
using NodaTime;
using CorpusModel = Dossier.Core.Model.Corpus;

namespace Dossier;

/// <summary>What one analysis produced: the corpus (documents and everything derived) and the diagnostics.</summary>
public sealed record AnalysisResult(
    CorpusModel Corpus,
    IReadOnlyList<Diagnostic> Diagnostics,
    int InputItems,
    int NewDocuments,
    IReadOnlyList<string> InputDocumentIds)
{
    /// <summary>True when at least one document could be analysed (the CLI's exit code 0).</summary>
    public bool AnalysedAnything => Corpus.Documents.Length > 0;
}

/// <summary>
/// The library entry point: <c>var result = await Analyzer.Default.AnalyzeAsync(["reports/"]);</c>
/// Reads inputs, extracts clean text, runs the document stages in parallel, then the corpus stages over every
/// document (those already in the database included), and stores the result.
/// </summary>
public sealed class Analyzer(Pipeline pipeline, IClock clock)
{
    public static Analyzer Default { get; } = new(DefaultPipeline.Create().Build(), SystemClock.Instance);

    public Pipeline Pipeline { get; } = pipeline;

    public async Task<AnalysisResult> AnalyzeAsync(
        IReadOnlyList<string> inputs, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnalysisOptions();
        var context = options.Context ?? new StageContext(clock, new DiagnosticBag());
        options.Progress?.Report(new AnalysisProgress("read", 0, inputs.Count));
        var manifest = options.ManifestPath is null ? null : Manifest.Load(options.ManifestPath, context.Diagnostics);
        var raws = InputReader.Read(inputs, manifest, context.Diagnostics).ToList();
        options.Progress?.Report(new AnalysisProgress("read", inputs.Count, inputs.Count));
        return await AnalyzeAsync(raws, options with { Context = context }, cancellationToken);
    }

    /// <summary>Analyses inputs already read (pasted text, uploads, fetched pages) together with the stored documents.</summary>
    public async Task<AnalysisResult> AnalyzeAsync(
        IReadOnlyList<RawDocument> raws, AnalysisOptions options, CancellationToken cancellationToken = default)
    {
        var context = options.Context ?? new StageContext(clock, new DiagnosticBag());
        var extracted = Extractor.Extract(raws, context);
        await using var store = options.DatabasePath is null
            ? null
            : await SqliteDossierStore.OpenAsync(options.DatabasePath, cancellationToken);

        var fresh = new List<Document>();
        foreach (var document in extracted)
        {
            if (store is null || !await store.ContainsAsync(document.Id, cancellationToken)) fresh.Add(document);
        }

        var processed = await ProcessDocumentsAsync(fresh, store, options, context, cancellationToken);
        var all = store is null ? processed : await store.LoadDocumentsAsync(cancellationToken);

        var corpus = await DeriveAsync(all, store, options, context, cancellationToken);
        return new AnalysisResult(corpus, context.Diagnostics.Items, raws.Count, processed.Count, [.. extracted.Select(d => d.Id)]);
    }

    /// <summary>
    /// Re-derives everything corpus-wide (stories, storylines, alignments, discrepancies, positions) from every document
    /// stored in the database, and stores the result: what <c>dossier restory</c> runs. The documents' own layers are
    /// kept; the result depends only on the stored documents, never on the order or the runs that added them.
    /// </summary>
    public async Task<AnalysisResult> RestoryAsync(string databasePath, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnalysisOptions();
        var context = options.Context ?? new StageContext(clock, new DiagnosticBag());
        await using var store = await SqliteDossierStore.OpenAsync(databasePath, cancellationToken);
        var all = await store.LoadDocumentsAsync(cancellationToken);
        var corpus = await DeriveAsync(all, store, options, context, cancellationToken);
        return new AnalysisResult(corpus, context.Diagnostics.Items, 0, 0, []);
    }

    private async Task<CorpusModel> DeriveAsync(IReadOnlyList<Document> all, IDossierStore? store, AnalysisOptions options, StageContext context,
        CancellationToken cancellationToken)
    {
        options.Progress?.Report(new AnalysisProgress("corpus", 0, 1));
        // Sorted by id so that the corpus stages never see input order.
        var corpus = Pipeline.ProcessCorpus(
            new CorpusModel { Documents = [.. all.OrderBy(d => d.Id, StringComparer.Ordinal)] }, context);
        options.Progress?.Report(new AnalysisProgress("corpus", 1, 1));

        if (store is not null)
        {
            await store.SaveDocumentsAsync(corpus.Documents, cancellationToken);
            await store.SaveCorpusAsync(corpus, cancellationToken);
        }
        return corpus;
    }

    /// <summary>Runs the language layers on one clean text, as given (no cleaning): what <c>dossier nlp</c> shows.</summary>
    public Document AnalyzeText(string text, string source, LocalDate? published, StageContext? context = null)
    {
        var document = new Document(Core.Text.ContentHash.Of(text), source, text, new DocumentMetadata { Published = published });
        return Pipeline.ProcessDocument(document, context ?? new StageContext(clock, new DiagnosticBag()));
    }

    /// <summary>Every stage on documents already cleaned (evaluation sets, tests), without storage.</summary>
    public CorpusModel AnalyzeDocuments(IEnumerable<Document> documents, StageContext? context = null)
    {
        context ??= new StageContext(clock, new DiagnosticBag());
        var processed = documents.AsParallel().Select(d => Pipeline.ProcessDocument(d, context!)).OrderBy(d => d.Id, StringComparer.Ordinal);
        return Pipeline.ProcessCorpus(new CorpusModel { Documents = [.. processed] }, context);
    }

    private static readonly Lazy<Pipeline> LanguageOnly = new(() => new PipelineBuilder().Language().Build());

    /// <summary>Only the language layers (sentences to times): what the quote and event scorers need before their stage.</summary>
    public Document PrepareForAttribution(Document document) =>
        LanguageOnly.Value.ProcessDocument(document, new StageContext(clock, new DiagnosticBag()));

    private async Task<IReadOnlyList<Document>> ProcessDocumentsAsync(
        IReadOnlyList<Document> documents, IDossierStore? store, AnalysisOptions options, StageContext context,
        CancellationToken cancellationToken)
    {
        var results = new List<Document>(documents.Count);
        var done = 0;
        options.Progress?.Report(new AnalysisProgress("analyse", 0, documents.Count));
        foreach (var batch in documents.Chunk(Math.Max(1, options.BatchSize)))
        {
            var processed = new ConcurrentDictionary<int, Document>();
            Parallel.For(0, batch.Length,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken },
                i => processed[i] = Pipeline.ProcessDocument(batch[i], context));
            var ordered = Enumerable.Range(0, batch.Length).Select(i => processed[i]).ToImmutableArray();
            if (store is not null) await store.SaveDocumentsAsync(ordered, cancellationToken);
            results.AddRange(ordered);
            done += batch.Length;
            options.Progress?.Report(new AnalysisProgress("analyse", done, documents.Count));
        }
        return results;
    }
}
