using System.CommandLine;
using System.Text.Json;
using Dossier.Core.Diagnostics;
using Dossier.Core.Pipeline;
using Dossier.Ingest;
using Dossier.Reporting.Json;
using NodaTime;
using NodaTime.Text;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier nlp FILES…</c>: every language layer over text taken exactly as given (no cleaning).</summary>
public static class NlpCommand
{
    private static readonly JsonSerializerOptions Compact = new(DossierJson.SerializerOptions) { WriteIndented = false };

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Text files or directories of them.", Arity = ArgumentArity.OneOrMore };
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) that relative dates are resolved against." };
        var format = new Option<string>("--format") { Description = "json (an array) or jsonl (one document per line).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "jsonl");

        var command = new Command("nlp", CommandLine.Describe(
            "Run the language layers (sentences, tokens, entities, numbers, actors, times, quotes, events) on each file's text exactly as it is; offsets index that text.",
            "dossier nlp notes.txt --published 2025-02-24 --format jsonl"))
        {
            inputs, published, format,
        };
        command.SetAction(parse =>
        {
            var reporter = CommandLine.Reporter(parse);
            var paths = parse.GetValue(inputs)!;
            if (!CommandLine.CheckInputsExist(paths, reporter)) return CommandLine.UsageError;
            LocalDate? date = null;
            if (parse.GetValue(published) is { } text)
            {
                var parsed = LocalDatePattern.Iso.Parse(text);
                if (!parsed.Success)
                {
                    reporter.Error($"E004 --published '{text}' is not a date: write it as YYYY-MM-DD.");
                    return CommandLine.UsageError;
                }
                date = parsed.Value;
            }

            var context = new StageContext(SystemClock.Instance, new DiagnosticBag());
            var nodes = new List<string>();
            // The reader decodes (BOM, charset) but never cleans: Content is the file's text exactly.
            foreach (var raw in InputReader.Read(paths, null, context.Diagnostics))
            {
                var document = Analyzer.Default.AnalyzeText(raw.Content, raw.Source, date ?? raw.Hints.Published, context);
                var node = DossierJson.DocumentNode(document);
                nodes.Add(node.ToJsonString(parse.GetValue(format) == "json" ? DossierJson.SerializerOptions : Compact));
            }
            reporter.Report(context.Diagnostics.Items);
            var stdout = System.Console.Out;
            if (parse.GetValue(format) == "jsonl") foreach (var line in nodes) stdout.WriteLine(line);
            else stdout.WriteLine("[" + string.Join("," + Environment.NewLine, nodes) + "]");
            return nodes.Count > 0 ? CommandLine.Ok : CommandLine.NothingDone;
        });
        return command;
    }
}
