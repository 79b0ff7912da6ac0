using System.CommandLine;
using Dossier.Outputs;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier restory --db PATH</c>: re-derive stories (and everything built on them) for a whole database.</summary>
public static class RestoryCommand
{
    public static Command Create()
    {
        var database = new Option<string>("--db") { Description = "The SQLite database written by analyze.", Required = true };
        var output = new Option<string?>("--out", "-o") { Description = "Also write the dossier (json, md, html) to this directory." };
        var command = new Command("restory", CommandLine.Describe(
            "Re-derive stories, storylines, alignments, discrepancies and positions from every document in a database; the result does not depend on the order or the runs that added the documents.",
            "dossier restory --db out/dossier.db",
            "dossier restory --db out/dossier.db --out out/"))
        {
            database, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reporter = CommandLine.Reporter(parse);
            var path = parse.GetValue(database)!;
            // Opening a missing database would create an empty one: refuse instead.
            if (!File.Exists(path))
            {
                reporter.Error($"E002 database not found: {path}");
                return CommandLine.UsageError;
            }
            var result = await reporter.WithProgressAsync(progress =>
                Analyzer.Default.RestoryAsync(path, new AnalysisOptions { Progress = progress }, cancellationToken));
            reporter.Report(result.Diagnostics);
            if (!result.AnalysedAnything)
            {
                reporter.Error($"E001 the database {path} holds no documents.");
                return CommandLine.NothingDone;
            }
            reporter.Info($"{result.Corpus.Documents.Length} documents: {result.Corpus.Stories.Length} stories, " +
                          $"{result.Corpus.Storylines.Length} storylines, {result.Corpus.Alignments.Length} alignments, {result.Corpus.Discrepancies.Length} discrepancies.");
            if (parse.GetValue(output) is { } outDir)
            {
                Directory.CreateDirectory(outDir);
                foreach (var file in DossierOutputs.Write(result.Corpus, result.Diagnostics, outDir, OutputFormats.Parse(["json", "md", "html"], reporter)!))
                    reporter.Info($"wrote {file}");
            }
            return CommandLine.Ok;
        });
        return command;
    }
}
