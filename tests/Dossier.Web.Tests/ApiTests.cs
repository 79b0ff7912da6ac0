using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dossier.Fixtures;

namespace Dossier.Web.Tests;

public sealed class ApiTests(DossierWebFactory web) : IClassFixture<DossierWebFactory>
{
    private async Task<JsonNode> GetJson(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await web.Client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Stories_and_a_story_match_the_dossier_json_shape()
    {
        var stories = (await GetJson("/api/stories")).AsArray();
        var story = stories.Single(s => (string?)s!["id"] == "s-2025-03-04-dock-strike")!;
        foreach (var field in new[] { "id", "title", "date", "documents", "summary" }) Assert.NotNull(story[field]);
        Assert.Equal(2, (int)story["document_count"]!);

        var detail = await GetJson("/api/stories/s-2025-03-04-dock-strike");
        Assert.Equal(2, detail["document_summaries"]!.AsArray().Count);
        Assert.Equal("quote", (string?)detail["alignments"]![0]!["kind"]);
        await GetJson("/api/stories/nope", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_document_has_the_contract_fields()
    {
        var document = await GetJson($"/api/documents/{SampleCorpus.Gazette().Id}");
        foreach (var field in new[] { "id", "source", "outlet", "title", "authors", "published", "published_inferred", "language", "text", "removed", "entities", "quotes", "times", "events" })
            Assert.True(document.AsObject().ContainsKey(field), field);
        Assert.Equal("Maria Jansen", (string?)document["quotes"]![0]!["speaker"]!["name"]);
        var page = await GetJson("/api/documents?limit=2&offset=0");
        Assert.Equal(2, page["documents"]!.AsArray().Count);
        Assert.True((int)page["total"]! >= 3);
        await GetJson("/api/documents/zzz", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Entity_quotes_events_positions_and_search_answer()
    {
        var entity = await GetJson("/api/entities/maria-jansen");
        Assert.Equal("Maria Jansen", (string?)entity["name"]);
        Assert.Equal(3, entity["quotes"]!.AsArray().Count);
        Assert.Equal("support", (string?)entity["positions"]![0]!["stance"]);
        Assert.Equal(2, (await GetJson("/api/quotes?q=protects")).AsArray().Count);
        Assert.Equal("CONSULT", (string?)(await GetJson("/api/events?entity=NLD"))[0]!["type"]);
        Assert.Contains((await GetJson("/api/positions")).AsArray(), p => (string?)p!["issue"] == "strike_ends");
        Assert.Single((await GetJson("/api/search?q=compromise")).AsArray());
        await GetJson("/api/search", HttpStatusCode.BadRequest);
        await GetJson("/api/entities/nobody", HttpStatusCode.NotFound);
        await GetJson("/api/nothing-here", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Json_answers_escape_markup()
    {
        var raw = await web.Client.GetStringAsync($"/api/documents/{SampleCorpus.Hostile().Id}");
        Assert.DoesNotContain("<script>", raw);
        Assert.Equal("<script>alert(1)</script>", (string?)JsonNode.Parse(raw)!["title"]);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_api()
    {
        var paths = (await GetJson("/openapi/v1.json"))["paths"]!.AsObject();
        foreach (var path in new[] { "/api/stories", "/api/stories/{id}", "/api/documents", "/api/documents/{id}", "/api/entities/{id}",
                     "/api/quotes", "/api/events", "/api/positions", "/api/search" })
            Assert.True(paths.ContainsKey(path), path);
        Assert.NotNull(paths["/api/documents"]!["post"]);
    }

    [Fact]
    public async Task Posting_articles_stores_them_once_even_when_sent_concurrently()
    {
        var article = new { title = "Ferry crews vote on new contract", outlet = "Coastal Post", published = "2025-04-01",
            text = "Ferry crews on the northern routes voted on Monday on a contract that raises pay by 4 percent." };
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => web.Client.PostAsJsonAsync("/api/documents", article)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var id = (string?)JsonNode.Parse(await responses[0].Content.ReadAsStringAsync())!["documents"]![0];
        var stored = await GetJson($"/api/documents/{id}");
        Assert.Equal("Coastal Post", (string?)stored["outlet"]);
        var hits = (await GetJson("/api/search?q=ferry+crews")).AsArray();
        Assert.Single(hits);
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    [InlineData("42", HttpStatusCode.BadRequest)]
    [InlineData("{\"title\":\"no body\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"x\",\"published\":\"yesterday\"}", HttpStatusCode.BadRequest)]
    [InlineData("[1,2]", HttpStatusCode.BadRequest)]
    public async Task Malformed_posts_get_clear_errors(string body, HttpStatusCode expected)
    {
        var response = await web.Client.PostAsync("/api/documents", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(expected, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]));
    }
}
