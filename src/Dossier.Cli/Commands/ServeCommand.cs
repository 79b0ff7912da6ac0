using System.CommandLine;
using Dossier.Ingest.Web;
using Dossier.Web;
using Microsoft.Extensions.Hosting;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier serve</c>: the web app and REST API over a dossier database.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var database = new Option<string>("--db") { Description = "The dossier database (created when missing).", DefaultValueFactory = _ => Path.Combine("out", "dossier.db") };
        var port = new Option<int>("--port") { Description = "TCP port.", DefaultValueFactory = _ => 5000 };
        var bind = new Option<string>("--bind") { Description = "Address to listen on; anything but loopback needs --token.", DefaultValueFactory = _ => "127.0.0.1" };
        var token = new Option<string?>("--token") { Description = "Shared secret required for writes and, by default, reads." };
        var allowPrivate = new Option<bool>("--allow-private")
        {
            Description = "Let URL and feed ingestion fetch from this machine and private networks (refused by default: only for trusted intranets).",
        };

        var command = new Command("serve", CommandLine.Describe(
            "Serve the dossier in a browser (stories, documents, entities, the negotiation map, search, ingest) and as a REST API under /api.",
            "dossier serve --db out/dossier.db --port 5000"))
        {
            database, port, bind, token, allowPrivate,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reporter = CommandLine.Reporter(parse);
            var db = parse.GetValue(database)!;
            var options = new WebOptions
            {
                Port = parse.GetValue(port),
                Bind = parse.GetValue(bind)!,
                Token = parse.GetValue(token),
                Fetch = new FetchOptions { AllowPrivate = parse.GetValue(allowPrivate) },
                Ingest = async (inputs, progress, ct) =>
                {
                    var analysis = new AnalysisOptions
                    {
                        DatabasePath = db,
                        Progress = new ProgressRelay(progress),
                    };
                    var result = await Analyzer.Default.AnalyzeAsync(inputs, analysis, ct);
                    return new IngestResult(result.InputDocumentIds, result.Diagnostics);
                },
            };
            if (!System.Net.IPAddress.TryParse(options.Bind, out var address))
            {
                reporter.Error($"E007 --bind '{options.Bind}' is not an IP address (use 127.0.0.1, or 0.0.0.0 with --token).");
                return CommandLine.UsageError;
            }
            if (!System.Net.IPAddress.IsLoopback(address) && string.IsNullOrEmpty(options.Token))
            {
                reporter.Error($"E008 listening on {options.Bind} exposes the dossier to the network: add --token SECRET.");
                return CommandLine.UsageError;
            }
            var directory = Path.GetDirectoryName(Path.GetFullPath(db));
            if (directory is not null) Directory.CreateDirectory(directory);
            var app = DossierWeb.Build(db, options);
            reporter.Info($"Dossier at http://{options.Bind}:{options.Port}/ (Ctrl+C to stop)");
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return CommandLine.Ok;
        });
        return command;
    }

    /// <summary>Passes the engine's progress to the web job as it happens (Progress&lt;T&gt; would post it later, out of order).</summary>
    private sealed class ProgressRelay(IProgress<IngestProgress> target) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => target.Report(new IngestProgress(value.Step, value.Done, value.Total));
    }
}
