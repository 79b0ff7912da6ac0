using System.Globalization;
using Dossier.Web.Benchmarks;
using Xunit.Abstractions;

namespace Dossier.Web.Tests;

/// <summary>Runs only when DOSSIER_WEB_BENCH is set (it builds a database of that many documents).</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("DOSSIER_WEB_BENCH") is null) Skip = "set DOSSIER_WEB_BENCH=100000 to run the page-time benchmark";
    }
}

/// <summary>
/// Page times on a generated database (<see cref="DossierGenerator"/>): 8 concurrent clients ask for story, entity
/// and search pages over loopback for 30 s; p50/p95/p99 per page kind are printed (the same run as
/// <c>dossier bench web</c>). DOSSIER_WEB_BENCH_DB names a database to keep and reuse between runs.
/// </summary>
public sealed class PageTimeBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public async Task Story_entity_and_search_pages_under_eight_clients()
    {
        var count = int.Parse(Environment.GetEnvironmentVariable("DOSSIER_WEB_BENCH")!, CultureInfo.InvariantCulture);
        var kept = Environment.GetEnvironmentVariable("DOSSIER_WEB_BENCH_DB");
        var directory = kept is null ? Directory.CreateTempSubdirectory("dossier-bench-").FullName : null;
        var db = kept ?? Path.Combine(directory!, "dossier.db");
        try
        {
            if (!File.Exists(db))
            {
                var generated = await new DossierGenerator().WriteAsync(db, count);
                output.WriteLine($"generated {generated.Documents} documents, {generated.Stories} stories, {generated.Entities} entities " +
                                 $"in {generated.Elapsed.TotalSeconds:F0} s; {generated.Bytes / (1024 * 1024)} MB");
            }
            var targets = await PageLoad.TargetsAsync(db);
            output.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
            // One client first: the time a page takes on its own, then the same under 8 clients.
            foreach (var t in await PageLoad.RunAsync(db, targets, clients: 1, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3)))
                output.WriteLine("1 client:  " + t);
            var times = await PageLoad.RunAsync(db, targets, clients: 8, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));
            foreach (var t in times) output.WriteLine("8 clients: " + t);
            Assert.Equal(["story", "entity", "search"], times.Select(t => t.Kind));
            Assert.All(times, t => Assert.Equal(0, t.Failures));
            output.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (directory is not null) Directory.Delete(directory, recursive: true);
        }
    }
}
