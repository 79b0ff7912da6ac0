using System.CommandLine;
using Dossier.Outputs;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier analyze INPUTS… --out DIR</c>: the main job, from raw reports to a dossier.</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files or directories (read recursively) of .txt, .html/.htm, .jsonl, optionally .gz.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Directory for dossier.json, dossier.md, dossier.html and dossier.db.",
            DefaultValueFactory = _ => "out",
        };
        var database = new Option<string?>("--db")
        {
            Description = "SQLite database to add to (default: OUT/dossier.db). Re-running adds only new documents.",
        };
        var manifest = new Option<string?>("--manifest")
        {
            Description = "CSV or JSONL giving per-file metadata: path, url, outlet, published (YYYY-MM-DD).",
        };
        var taxonomy = new Option<string?>("--taxonomy")
        {
            Description = "YAML file of negotiation issues replacing the built-in taxonomy.",
        };
        var formats = new Option<string[]>("--format", "-f")
        {
            Description = "Outputs to write: json, md, html, jsonl, csv, parquet (repeat or comma-separate).",
            DefaultValueFactory = _ => ["json", "md", "html"],
            AllowMultipleArgumentsPerToken = true,
        };
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "Documents analysed in parallel.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };

        var command = new Command("analyze", CommandLine.Describe(
            "Read news reports and write an evidence-linked dossier: clean text, actors, quotes, times, events, stories, alignments, discrepancies and the negotiation map.",
            "dossier analyze ../shared/seeds --out out/",
            "dossier analyze reports/ feeds.jsonl.gz --manifest meta.csv --format json,html,parquet"))
        {
            inputs, output, database, manifest, taxonomy, formats, jobs,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var reporter = CommandLine.Reporter(parse);
            var paths = parse.GetValue(inputs)!;
            if (!CommandLine.CheckInputsExist(paths, reporter)) return CommandLine.UsageError;
            var wanted = OutputFormats.Parse(parse.GetValue(formats)!, reporter);
            if (wanted is null) return CommandLine.UsageError;
            var analyzer = TaxonomyOption.AnalyzerFor(parse.GetValue(taxonomy), reporter);
            if (analyzer is null) return CommandLine.UsageError;

            var outDir = parse.GetValue(output)!;
            Directory.CreateDirectory(outDir);
            var options = new AnalysisOptions
            {
                DatabasePath = parse.GetValue(database) ?? Path.Combine(outDir, "dossier.db"),
                ManifestPath = parse.GetValue(manifest),
                MaxDegreeOfParallelism = Math.Max(1, parse.GetValue(jobs)),
            };

            var result = await reporter.WithProgressAsync(progress =>
                analyzer.AnalyzeAsync(paths, options with { Progress = progress }, cancellationToken));
            reporter.Report(result.Diagnostics);

            if (!result.AnalysedAnything)
            {
                reporter.Error("E001 nothing could be analysed: every input was empty, unreadable or unsupported (see the diagnostics above).");
                return CommandLine.NothingDone;
            }
            var written = DossierOutputs.Write(result.Corpus, result.Diagnostics, outDir, wanted);
            reporter.Info($"{result.NewDocuments} new of {result.InputItems} input documents; {result.Corpus.Documents.Length} in the dossier, " +
                          $"{result.Corpus.Stories.Length} stories, {result.Corpus.Entities.Length} actors, {result.Corpus.Positions.Length} positions.");
            foreach (var file in written) reporter.Info($"wrote {file}");
            return CommandLine.Ok;
        });
        return command;
    }
}
