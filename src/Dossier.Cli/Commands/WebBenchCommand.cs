using System.CommandLine;
using Dossier.Web.Benchmarks;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier bench web</c>: page times of the web app on a generated (or given) database, one client and then
/// several concurrent clients over loopback, for a fixed time. Figures go to docs/benchmarks.md.
/// </summary>
public static class WebBenchCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count", "-n") { Description = "Documents in the generated database.", DefaultValueFactory = _ => 100_000 };
        var database = new Option<string?>("--db")
        {
            Description = "The database to serve: generated there when missing, reused when present (any dossier database works). " +
                          "Default: a generated one in the temp directory, kept for the next run.",
        };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients.", DefaultValueFactory = _ => 8 };
        var seconds = new Option<int>("--seconds") { Description = "How long the clients run (after a 5 s warm-up).", DefaultValueFactory = _ => 30 };

        var command = new Command("web", CommandLine.Describe(
            "Page times (p50/p95/p99) of story, entity and search pages under concurrent clients, on loopback.",
            "dossier bench web --count 100000 --clients 8 --seconds 30"))
        {
            count, database, clients, seconds,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var n = parse.GetValue(count);
            var db = parse.GetValue(database) ?? Path.Combine(Path.GetTempPath(), "dossier-bench", $"web-{n}.db");
            var output = System.Console.Out;
            if (!File.Exists(db))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(db))!);
                var generated = await new DossierGenerator().WriteAsync(db, n, cancellationToken: cancellationToken);
                output.WriteLine($"generated {generated.Documents:N0} documents, {generated.Stories:N0} stories, {generated.Entities:N0} entities, " +
                                 $"{generated.Positions:N0} positions in {generated.Elapsed.TotalSeconds:F0} s; {generated.Bytes / (1024 * 1024):N0} MB at {db}");
            }
            else
            {
                output.WriteLine($"using {db} ({new FileInfo(db).Length / (1024 * 1024):N0} MB)");
            }
            var targets = await PageLoad.TargetsAsync(db, cancellationToken: cancellationToken);
            output.WriteLine($"cores: {Environment.ProcessorCount}; load average before: {LoadAverage()}");
            var many = parse.GetValue(clients);
            var (alone, loaded) = await PageLoad.MeasureAsync(db, targets, many, TimeSpan.FromSeconds(parse.GetValue(seconds)), cancellationToken);
            foreach (var times in alone) output.WriteLine($"1 client:  {times}");
            foreach (var times in loaded) output.WriteLine($"{many} clients: {times}");
            output.WriteLine($"load average after: {LoadAverage()}");
            return CommandLine.Ok;
        });
        return command;
    }

    /// <summary>The machine's load (Linux), so a figure says whether it was taken on a shared machine.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
