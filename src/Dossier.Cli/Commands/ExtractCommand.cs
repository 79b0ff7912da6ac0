using System.CommandLine;
using System.Text.Json;
using Dossier.Core.Diagnostics;
using Dossier.Core.Pipeline;
using Dossier.Ingest;
using Dossier.Ingest.Extraction;
using NodaTime;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier extract FILES…</c>: clean body text and metadata, without the language layers.</summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "HTML or text files (optionally .gz), or directories of them.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "json, jsonl, text or markdown.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "jsonl", "text", "markdown");

        var command = new Command("extract", CommandLine.Describe(
            "Extract each article's clean body and metadata (title, authors, dates, outlet, language), listing what was removed and why.",
            "dossier extract page.html --format json",
            "dossier extract saved-pages/ --format jsonl > articles.jsonl"))
        {
            inputs, format,
        };
        command.SetAction(parse =>
        {
            var reporter = CommandLine.Reporter(parse);
            var paths = parse.GetValue(inputs)!;
            if (!CommandLine.CheckInputsExist(paths, reporter)) return CommandLine.UsageError;
            var context = new StageContext(SystemClock.Instance, new DiagnosticBag());
            var raws = InputReader.Read(paths, null, context.Diagnostics).ToList();
            var extracted = Extractor.ExtractWithDetails(raws, context);
            var diagnostics = context.Diagnostics.Items;
            var reports = extracted.Select(d => ExtractionReport.From(d, diagnostics)).ToList();
            reporter.Report(diagnostics);

            var output = System.Console.Out;
            var style = parse.GetValue(format)!;
            var json = new JsonSerializerOptions
            {
                WriteIndented = style == "json",
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            };
            switch (style)
            {
                case "json":
                    output.WriteLine(JsonSerializer.Serialize(reports, json));
                    break;
                case "jsonl":
                    foreach (var report in reports) output.WriteLine(JsonSerializer.Serialize(report, json));
                    break;
                case "text":
                    foreach (var report in reports) output.WriteLine(report.Text + Environment.NewLine);
                    break;
                default:
                    foreach (var report in reports) output.WriteLine(Markdown(report));
                    break;
            }
            return reports.Count > 0 ? CommandLine.Ok : CommandLine.NothingDone;
        });
        return command;
    }

    /// <summary>An article as Markdown: title, a metadata line, then its paragraphs.</summary>
    private static string Markdown(ExtractionReport report)
    {
        var lines = new List<string> { $"# {report.Title ?? report.Source}", "" };
        var meta = new[] { report.Outlet, string.Join(", ", report.Authors), report.Published, report.Url }
            .Where(m => !string.IsNullOrEmpty(m));
        lines.Add($"*{string.Join(" · ", meta)}*");
        foreach (var paragraph in report.Paragraphs) lines.AddRange(["", paragraph]);
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
