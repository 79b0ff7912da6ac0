using System.CommandLine;
using Dossier.Core.Diagnostics;
using Dossier.Events;
using Dossier.Outputs;
using Dossier.Storage;
using Dossier.Storage.Sqlite;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier export FORMAT --db PATH --out DIR</c>: the stored dossier in another shape.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var format = new Argument<string>("format") { Description = "json, md, html, jsonl, csv, parquet or plover." };
        format.AcceptOnlyFromAmong([.. OutputFormats.Known, "plover"]);
        var database = new Option<string>("--db") { Description = "The dossier database written by analyze.", DefaultValueFactory = _ => Path.Combine("out", "dossier.db") };
        var output = new Option<string>("--out", "-o") { Description = "Output directory.", DefaultValueFactory = _ => "out" };

        var command = new Command("export", CommandLine.Describe(
            "Export a stored dossier: reports, one JSONL/CSV/Parquet file per layer (every row names its source), or PLOVER event records.",
            "dossier export parquet --db out/dossier.db --out exports/",
            "dossier export plover --db out/dossier.db --out exports/"))
        {
            format, database, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reporter = CommandLine.Reporter(parse);
            var db = parse.GetValue(database)!;
            if (!File.Exists(db))
            {
                reporter.Error($"E005 no dossier database at {db}: run 'dossier analyze INPUTS --out DIR' first or pass --db.");
                return CommandLine.UsageError;
            }
            await using var store = await SqliteDossierStore.OpenAsync(db, cancellationToken);
            var corpus = await store.LoadCorpusAsync(cancellationToken);
            var outDir = parse.GetValue(output)!;
            Directory.CreateDirectory(outDir);
            var chosen = parse.GetValue(format)!;
            if (chosen == "plover")
            {
                var path = Path.Combine(outDir, "events.plover.json");
                var events = corpus.Documents.SelectMany(d => d.Layer(Core.Model.Layers.Events).Select(e => (d, e)));
                await File.WriteAllTextAsync(path, PloverExport.ToJson(events), cancellationToken);
                reporter.Info($"wrote {path}");
            }
            else
            {
                foreach (var file in DossierOutputs.Write(corpus, [], outDir, new HashSet<string> { chosen }))
                    reporter.Info($"wrote {file}");
            }
            return corpus.Documents.Length > 0 ? CommandLine.Ok : CommandLine.NothingDone;
        });
        return command;
    }
}
