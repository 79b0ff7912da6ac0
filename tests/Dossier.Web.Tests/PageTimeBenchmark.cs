using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Dossier.Core.Model;
using Dossier.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit.Abstractions;

namespace Dossier.Web.Tests;

/// <summary>Runs only when DOSSIER_WEB_BENCH is set (it builds a database of that many documents, 100000 by default).</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("DOSSIER_WEB_BENCH") is null) Skip = "set DOSSIER_WEB_BENCH=100000 to run the page-time benchmark";
    }
}

/// <summary>
/// Page times on a generated database: 8 concurrent clients request story, entity and search pages over loopback
/// for a fixed time; p50/p95 per page kind are printed. The generator writes invented news-like documents.
/// </summary>
public sealed class PageTimeBenchmark(ITestOutputHelper output)
{
    private static readonly string[] Outlets = ["Harbour Gazette", "Nordic Wire", "Metro Daily", "Coastal Post", "Estuary Times", "Valley Herald", "City Ledger", "Plains Courier"];
    private static readonly string[] Verbs = ["met", "criticised", "praised", "called", "warned", "visited", "thanked", "accused"];
    private static readonly string[] Topics = ["the port strike", "fuel prices", "a new rail line", "the fishing quota", "school funding", "the harbour bridge", "flood defences", "a trade deal"];

    [BenchmarkFact]
    public async Task Story_entity_and_search_pages_under_eight_clients()
    {
        var count = int.Parse(Environment.GetEnvironmentVariable("DOSSIER_WEB_BENCH")!, CultureInfo.InvariantCulture);
        var directory = Directory.CreateTempSubdirectory("dossier-bench-").FullName;
        var db = Path.Combine(directory, "dossier.db");
        var clock = Stopwatch.StartNew();
        var (stories, entities) = await Generate(db, count);
        output.WriteLine($"generated {count} documents, {stories} stories, {entities} entities in {clock.Elapsed.TotalSeconds:F0} s");

        await using var app = DossierWeb.Build(db, new WebOptions { Port = 0 });
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };

        var kinds = new Dictionary<string, Func<Random, string>>
        {
            ["story"] = r => $"/stories/story-{r.Next(stories)}",
            ["entity"] = r => $"/entities/person-{r.Next(entities)}",
            ["search"] = r => $"/search?q={Uri.EscapeDataString(Topics[r.Next(Topics.Length)].Split(' ')[^1])}+{Verbs[r.Next(Verbs.Length)]}",
        };
        foreach (var kind in kinds) await client.GetAsync(kind.Value(new Random(0)));  // warm-up: caches, JIT

        var duration = TimeSpan.FromSeconds(20);
        foreach (var (kind, path) in kinds)
        {
            var times = new List<double>();
            var until = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
            {
                var random = new Random(worker);
                while (until.Elapsed < duration)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.GetAsync(path(random));
                    await response.Content.ReadAsByteArrayAsync();
                    Assert.True(response.IsSuccessStatusCode, $"{kind}: {response.StatusCode}");
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    lock (times) times.Add(ms);
                }
            }));
            times.Sort();
            output.WriteLine($"{kind}: {times.Count} requests, p50 {times[times.Count / 2]:F1} ms, p95 {times[(int)(times.Count * 0.95)]:F1} ms, max {times[^1]:F1} ms");
        }
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>Documents of four sentences naming two of the people, with entity, quote and event layers; stories of 20.</summary>
    private static async Task<(int Stories, int Entities)> Generate(string db, int count)
    {
        var people = Enumerable.Range(0, Math.Max(50, count / 50)).Select(i => (Id: $"person-{i}", Name: $"Alex Person{i}")).ToList();
        var random = new Random(42);
        var start = new LocalDate(2024, 1, 1);
        await using var store = await SqliteDossierStore.OpenAsync(db);
        var documents = new List<Document>(count);
        for (var i = 0; i < count; i++)
        {
            var (a, b) = (people[random.Next(people.Count)], people[random.Next(people.Count)]);
            var topic = Topics[random.Next(Topics.Length)];
            var verb = Verbs[random.Next(Verbs.Length)];
            var quote = $"\"We will not accept {topic} as it stands,\"";
            var text = $"{a.Name} {verb} {b.Name} on Monday over {topic}. {quote} {a.Name} said. " +
                       $"Officials expect a decision on {topic} within weeks. Report number {i} adds local reactions from residents.";
            var at = text.IndexOf(b.Name, a.Name.Length, StringComparison.Ordinal);
            var quoteAt = text.IndexOf(quote, StringComparison.Ordinal);
            var speakerAt = text.IndexOf(a.Name, quoteAt, StringComparison.Ordinal);
            var document = new Document($"doc-{i:D7}", $"gen/{i}.txt", text, new DocumentMetadata
            {
                Outlet = Outlets[i % Outlets.Length],
                Title = $"{a.Name} {verb} {b.Name} over {topic}",
                Published = start.PlusDays(i / 200),
                Language = "en",
            });
            documents.Add(document
                .With(Layers.Entities, [
                    new EntityMention(TextSpan.FromLength(0, a.Name.Length), a.Name, EntityLabel.PER, null, a.Id),
                    new EntityMention(TextSpan.FromLength(at, b.Name.Length), b.Name, EntityLabel.PER, null, b.Id),
                ], "actors", "bench")
                .With(Layers.Quotes, [
                    new Quote(TextSpan.FromLength(quoteAt, quote.Length), quote.Trim('"'), QuoteKind.Direct,
                        new Speaker(a.Name, a.Id, TextSpan.FromLength(speakerAt, a.Name.Length)), "said", null, null, AttributionCertainty.Direct),
                ], "quotes", "bench")
                .With(Layers.Events, [
                    new EventMention(TextSpan.FromLength(0, text.IndexOf('.')), "CONSULT", "meet", new ActorRef(a.Id, a.Name), new ActorRef(b.Id, b.Name),
                        null, null, 0.5),
                ], "events", "bench"));
            if (documents.Count == 1000)
            {
                await store.SaveDocumentsAsync(documents);
                documents.Clear();
            }
        }
        await store.SaveDocumentsAsync(documents);

        var storyCount = count / 20;
        var corpus = new Corpus
        {
            Entities = [.. people.Select(p => new CanonicalEntity(p.Id, p.Name, "PER", [p.Name.Split(' ')[1]], "NLD", null, []))],
            Stories = [.. Enumerable.Range(0, storyCount).Select(s => new Story($"story-{s}", $"Story {s}", start.PlusDays(s * 20 / 200).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [.. Enumerable.Range(s * 20, 20).Select(i => $"doc-{i:D7}")], $"Generated story {s}."))],
            Positions = [.. people.Take(40).Select((p, i) => new Position(Topics[i % Topics.Length].Replace(' ', '_'), p.Id, (Stance)(i % 4), "2024-02-01",
                [new Evidence($"doc-{i:D7}", 0, 10, Outlets[i % Outlets.Length])]))],
        };
        await store.SaveCorpusAsync(corpus);
        return (storyCount, people.Count);
    }
}
