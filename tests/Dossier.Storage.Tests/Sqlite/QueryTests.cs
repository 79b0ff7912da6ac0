using Dossier.Core.Model;
using Dossier.Fixtures;
using Dossier.Storage.Sqlite;

namespace Dossier.Storage.Tests.Sqlite;

public sealed class QueryTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private SqliteDossierStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteDossierStore.OpenAsync(_db.Path);
        var older = SampleCorpus.Hostile() with { Metadata = SampleCorpus.Hostile().Metadata with { Published = new NodaTime.LocalDate(2024, 1, 2) } };
        await _store.SaveCorpusAsync(SampleCorpus.Corpus() with { Documents = [SampleCorpus.Gazette(), SampleCorpus.Wire(), older] });
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Documents_are_listed_newest_first_and_can_be_picked_by_id()
    {
        Assert.Equal(3, await _store.CountDocumentsAsync());
        var all = await _store.ListDocumentsAsync(null, 0, 10);
        Assert.Equal([SampleCorpus.Wire().Id, SampleCorpus.Gazette().Id, SampleCorpus.Hostile().Id], all.Select(d => d.Id));
        Assert.Equal("Nordic Wire", all[0].Outlet);
        Assert.True(all[0].PublishedInferred);
        var picked = await _store.ListDocumentsAsync([SampleCorpus.Gazette().Id, "missing"], 0, 10);
        Assert.Equal(SampleCorpus.Gazette().Id, Assert.Single(picked).Id);
        Assert.Single(await _store.ListDocumentsAsync(null, 2, 10));
        Assert.Empty(await _store.ListDocumentsAsync(null, 0, -5));
    }

    [Fact]
    public async Task Documents_load_by_ids_with_their_layers()
    {
        var loaded = await _store.LoadDocumentsAsync([SampleCorpus.Wire().Id, "missing", SampleCorpus.Gazette().Id]);
        Assert.Equal([SampleCorpus.Gazette().Id, SampleCorpus.Wire().Id], loaded.Select(d => d.Id));
        Assert.Equal(SampleCorpus.Gazette().Layer(Layers.Quotes).ToArray(), loaded[0].Layer(Layers.Quotes).ToArray());
        Assert.Empty(await _store.LoadDocumentsAsync([]));
    }

    [Fact]
    public async Task Derived_results_load_without_documents()
    {
        var derived = await _store.LoadDerivedAsync();
        Assert.Empty(derived.Documents);
        Assert.Equal(3, derived.Entities.Length);
        Assert.Single(derived.Stories);
    }

    [Fact]
    public async Task Quotes_are_found_by_text_literally_and_by_speaker()
    {
        var byText = await _store.FindQuotesAsync("PROTECTS every", null, 10);
        Assert.Equal(2, byText.Count);
        Assert.All(byText, h => Assert.Equal("maria-jansen", h.Quote.Speaker!.EntityId));
        Assert.Empty(await _store.FindQuotesAsync("%", null, 10));

        var bySpeaker = await _store.FindQuotesAsync(null, "maria-jansen", 10);
        Assert.Equal(3, bySpeaker.Count);
        Assert.Contains(bySpeaker, h => h.Quote.Text == "watch every clause" && h.Document.Outlet == "Nordic Wire");
        Assert.Equal(6, (await _store.FindQuotesAsync(null, null, 10)).Count);
    }

    [Fact]
    public async Task Events_are_found_by_actor_with_their_sentence()
    {
        var hit = Assert.Single(await _store.FindEventsAsync("NLD", 10));
        Assert.Equal("CONSULT", hit.Event.Type);
        Assert.Equal("welcomed the accord", hit.Text);
        Assert.Single(await _store.FindEventsAsync("dockworkers-union", 10));
        Assert.Equal(2, (await _store.FindEventsAsync(null, 10)).Count);
    }

    [Fact]
    public async Task Search_filters_by_outlet_date_and_entity()
    {
        Assert.Equal(2, (await _store.SearchAsync("agreement", SearchFilter.None, 10)).Count);
        Assert.Equal("Nordic Wire", Assert.Single(await _store.SearchAsync("agreement", new SearchFilter { Outlet = "Nordic Wire" }, 10)).Outlet);
        Assert.Empty(await _store.SearchAsync("agreement", new SearchFilter { From = "2025-03-05" }, 10));
        Assert.Equal(2, (await _store.SearchAsync("agreement", new SearchFilter { From = "2025-03-04", To = "2025-03-04" }, 10)).Count);
        Assert.Equal(SampleCorpus.Gazette().Id,
            Assert.Single(await _store.SearchAsync("agreement", new SearchFilter { EntityId = "pieter-de-vries" }, 10)).DocumentId);
    }

    [Fact]
    public async Task Quotes_and_events_by_actor_follow_later_saves_of_their_documents()
    {
        // Moving the Gazette report to a later date puts its quote first; dropping its quotes removes them.
        var gazette = SampleCorpus.Gazette();
        var later = gazette with { Metadata = gazette.Metadata with { Published = new NodaTime.LocalDate(2025, 6, 1) } };
        await _store.SaveDocumentsAsync([later]);
        var quotes = await _store.FindQuotesAsync(null, "maria-jansen", 10);
        Assert.Equal(3, quotes.Count);
        Assert.Equal(gazette.Id, quotes[0].Document.Id);
        Assert.Equal("2025-06-01", quotes[0].Document.Published);
        Assert.Equal(later.Id, Assert.Single(await _store.FindEventsAsync("NLD", 10)).Document.Id);

        await _store.SaveDocumentsAsync([later.With(Layers.Quotes, [], "quotes", "test").With(Layers.Events, [], "events", "test")]);
        Assert.DoesNotContain(await _store.FindQuotesAsync(null, "maria-jansen", 10), h => h.Document.Id == gazette.Id);
        Assert.Empty(await _store.FindEventsAsync("NLD", 10));
    }

    [Fact]
    public async Task Quotes_by_actor_come_newest_first_and_stop_at_the_limit()
    {
        var bySpeaker = await _store.FindQuotesAsync(null, "maria-jansen", 10);
        Assert.Equal(bySpeaker.Select(h => h.Document.Published).OrderDescending(StringComparer.Ordinal), bySpeaker.Select(h => h.Document.Published));
        Assert.Equal(bySpeaker.Take(2).Select(h => h.Quote), (await _store.FindQuotesAsync(null, "maria-jansen", 2)).Select(h => h.Quote));
        Assert.Equal("watch every clause", Assert.Single(await _store.FindQuotesAsync("CLAUSE", "maria-jansen", 10)).Quote.Text);
    }

    [Fact]
    public async Task Headlines_then_recent_puts_title_matches_first_then_the_newest()
    {
        var order = new SearchFilter { Order = SearchOrder.HeadlinesThenRecent };
        // "port authority" is in the Gazette's title and in the body of the Wire report, stored after it.
        var hits = await _store.SearchAsync("port authority", order, 10);
        Assert.Equal([SampleCorpus.Gazette().Id, SampleCorpus.Wire().Id], hits.Select(h => h.DocumentId));
        Assert.True(hits[0].Rank > hits[1].Rank);
        Assert.Contains(SearchHit.MarkStart, hits[1].Snippet);
        // In no title: the newest first.
        Assert.Equal([SampleCorpus.Wire().Id, SampleCorpus.Gazette().Id], (await _store.SearchAsync("agreement", order, 10)).Select(h => h.DocumentId));
        Assert.Equal(SampleCorpus.Wire().Id, Assert.Single(await _store.SearchAsync("agreement", order, 1)).DocumentId);
        Assert.Equal(SampleCorpus.Gazette().Id,
            Assert.Single(await _store.SearchAsync("agreement", order with { Outlet = "Harbour Gazette" }, 10)).DocumentId);
        Assert.Empty(await _store.SearchAsync("agreement", order with { From = "2025-03-05" }, 10));
        Assert.Empty(await _store.SearchAsync("title", order, 10));
    }

    [Fact]
    public async Task Stories_are_listed_with_their_outlets_counts_and_dates()
    {
        var summary = Assert.Single(await _store.ListStoriesAsync());
        Assert.Equal("s-2025-03-04-dock-strike", summary.Story.Id);
        Assert.Equal(["Harbour Gazette", "Nordic Wire"], summary.Outlets.Order());
        Assert.Equal(2, summary.Documents);
        Assert.Equal("2025-03-04", summary.FirstPublished);
    }

    [Fact]
    public async Task Coverage_counts_documents_per_outlet_and_day()
    {
        var coverage = await _store.CoverageAsync();
        Assert.Contains(new CoveragePoint("Harbour Gazette", "2025-03-04", 1), coverage);
        Assert.Contains(new CoveragePoint("Nordic Wire", "2025-03-04", 1), coverage);
        Assert.Equal("2024-01-02", coverage[0].Date);
    }

    [Fact]
    public async Task Story_coverage_counts_only_that_storys_documents()
    {
        var coverage = await _store.StoryCoverageAsync();
        Assert.Equal([new CoveragePoint("Harbour Gazette", "2025-03-04", 1), new CoveragePoint("Nordic Wire", "2025-03-04", 1)],
            coverage["s-2025-03-04-dock-strike"]);
        Assert.Single(coverage);
    }
}
