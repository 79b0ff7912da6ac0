using System.Diagnostics;
using System.Globalization;
using Dossier.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Web.Benchmarks;

/// <summary>Page times of one kind of page: nearest-rank percentiles in milliseconds.</summary>
public sealed record PageTimes(string Kind, int Requests, int Failures, double P50, double P95, double P99, double Max)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Kind,-7} {Requests,6} requests  p50 {P50,6:F1} ms  p95 {P95,6:F1} ms  p99 {P99,6:F1} ms  max {Max,6:F1} ms  failures {Failures}");
}

/// <summary>The addresses the load asks for, drawn from the database itself so it runs on any dossier.</summary>
public sealed record PageTargets(IReadOnlyList<string> Stories, IReadOnlyList<string> Entities, IReadOnlyList<string> Searches);

/// <summary>
/// The page-time benchmark: the app on a loopback port, <c>clients</c> concurrent clients each asking, one request after
/// another, for a random story, entity or search page, for a fixed time after a warm-up. The clients run in the same
/// process (and on the same cores) as the server, so the figures include their cost.
/// </summary>
public static class PageLoad
{
    /// <summary>
    /// Stories uniformly; entities half uniformly over the canonical entities and half in proportion to how often they
    /// are mentioned (so the busiest people, with the most quotes and events, come up as often as readers would open
    /// them); searches for one or two words of a sampled title (common words match tens of thousands of documents).
    /// </summary>
    public static async Task<PageTargets> TargetsAsync(string db, int seed = 1, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        await using var store = await SqliteDossierStore.OpenAsync(db, cancellationToken);
        var stories = (await store.ListStoriesAsync(cancellationToken)).Select(s => s.Story.Id).ToList();
        var entities = (await store.LoadDerivedAsync(cancellationToken)).Entities.Select(e => e.Id).ToList();
        var total = await store.CountDocumentsAsync(cancellationToken);
        var sampledIds = new List<string>();
        for (var i = 0; i < Math.Min(200, total); i++)
            sampledIds.AddRange((await store.ListDocumentsAsync(null, random.Next(total), 1, cancellationToken)).Select(d => d.Id));
        var sampled = await store.LoadDocumentsAsync(sampledIds.Distinct().ToList(), cancellationToken);
        var mentioned = sampled.SelectMany(d => d.Layer(Core.Model.Layers.Entities)).Select(m => m.EntityId).OfType<string>().ToList();
        var picked = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            var pool = (i % 2 == 0 && mentioned.Count > 0) || entities.Count == 0 ? mentioned : entities;
            if (pool.Count > 0) picked.Add(pool[random.Next(pool.Count)]);
        }
        var searches = new List<string>();
        foreach (var title in sampled.Select(d => d.Metadata.Title).OfType<string>())
        {
            var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4 && w.All(char.IsLetter)).ToList();
            if (words.Count == 0) continue;
            var first = words[random.Next(words.Count)];
            searches.Add(first);
            searches.Add($"{first} {words[random.Next(words.Count)]}");
        }
        return new PageTargets(stories, picked, searches);
    }

    /// <summary>The benchmark as reported: each page alone (one client, 10 s), then under <paramref name="clients"/> for <paramref name="duration"/>.</summary>
    public static async Task<(IReadOnlyList<PageTimes> Alone, IReadOnlyList<PageTimes> Loaded)> MeasureAsync(string db, PageTargets targets, int clients,
        TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var alone = await RunAsync(db, targets, 1, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), cancellationToken);
        var loaded = await RunAsync(db, targets, clients, duration, TimeSpan.FromSeconds(5), cancellationToken);
        return (alone, loaded);
    }

    public static async Task<IReadOnlyList<PageTimes>> RunAsync(string db, PageTargets targets, int clients, TimeSpan duration, TimeSpan warmUp,
        CancellationToken cancellationToken = default)
    {
        await using var app = DossierWeb.Build(db, new WebOptions { Port = 0 });
        await app.StartAsync(cancellationToken);
        try
        {
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
            var kinds = new List<(string Kind, IReadOnlyList<string> Paths)>
            {
                ("story", targets.Stories.Select(id => "/stories/" + Uri.EscapeDataString(id)).ToList()),
                ("entity", targets.Entities.Select(id => "/entities/" + Uri.EscapeDataString(id)).ToList()),
                ("search", targets.Searches.Select(q => "/search?q=" + Uri.EscapeDataString(q)).ToList()),
            };
            kinds.RemoveAll(k => k.Paths.Count == 0);
            if (kinds.Count == 0) return [];

            await Drive(client, kinds, clients, warmUp, null, cancellationToken);
            var samples = new List<(int Kind, double Ms, bool Ok)>();
            await Drive(client, kinds, clients, duration, samples, cancellationToken);
            return kinds.Select((k, i) =>
            {
                var times = samples.Where(s => s.Kind == i).Select(s => s.Ms).Order().ToList();
                double At(double q) => times.Count == 0 ? 0 : times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
                return new PageTimes(k.Kind, times.Count, samples.Count(s => s.Kind == i && !s.Ok), At(0.50), At(0.95), At(0.99), times.Count == 0 ? 0 : times[^1]);
            }).ToList();
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static async Task Drive(HttpClient client, List<(string Kind, IReadOnlyList<string> Paths)> kinds, int clients, TimeSpan duration,
        List<(int Kind, double Ms, bool Ok)>? samples, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker * 7919 + (samples is null ? 0 : 1));
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var kind = random.Next(kinds.Count);
                var path = kinds[kind].Paths[random.Next(kinds[kind].Paths.Count)];
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    using var response = await client.GetAsync(path, cancellationToken);
                    await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    ok = response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (samples is not null) lock (samples) samples.Add((kind, ms, ok));
            }
        }, cancellationToken)));
    }
}
