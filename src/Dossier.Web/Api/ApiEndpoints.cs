using System.Text.Json;
using System.Text.Json.Nodes;
using Dossier.Core.Model;
using Dossier.Reporting.Json;
using Dossier.Storage;
using Dossier.Core.Diagnostics;
using Dossier.Web.Ingest;
using Dossier.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NodaTime.Text;

namespace Dossier.Web.Api;

/// <summary>The REST API: JSON shaped like dossier.json (the same node builders), bounded lists, JSON errors.</summary>
internal static class ApiEndpoints
{
    /// <summary>The default encoder escapes &lt; &gt; &amp; ' so a JSON answer is inert even if something renders it as HTML.</summary>
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/stories", Stories);
        api.MapGet("/stories/{id}", Story);
        api.MapGet("/documents", Documents);
        api.MapGet("/documents/{id}", Document);
        api.MapPost("/documents", Ingest);
        api.MapGet("/entities/{id}", Entity);
        api.MapGet("/quotes", Quotes);
        api.MapGet("/events", Events);
        api.MapGet("/positions", Positions);
        api.MapGet("/search", Search);
        app.MapGet("/openapi/v1.json", () => Send(OpenApi.Document));
    }

    public static IResult Send(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Content(node.ToJsonString(Json), "application/json; charset=utf-8", System.Text.Encoding.UTF8, status);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    private static IResult Error(int status, string message) => Send(new JsonObject { ["error"] = message, ["status"] = status }, status);

    private static int Limit(HttpRequest request, int fallback = 100) =>
        int.TryParse(request.Query["limit"], out var limit) ? Math.Clamp(limit, 1, 1000) : fallback;

    private static JsonObject Summary(DocumentSummary d) => new()
    {
        ["id"] = d.Id,
        ["source"] = d.Source,
        ["outlet"] = d.Outlet,
        ["title"] = d.Title,
        ["published"] = d.Published,
        ["published_inferred"] = d.PublishedInferred,
        ["language"] = d.Language,
        ["url"] = d.Url,
    };

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode> node) => new([.. items.Select(i => (JsonNode?)node(i))]);

    private static async Task<IResult> Stories(HttpRequest request, DossierData data)
    {
        var derived = await data.DerivedAsync();
        var offset = int.TryParse(request.Query["offset"], out var o) ? Math.Max(0, o) : 0;
        return Send(Array(derived.NewestFirst.Skip(offset).Take(Limit(request, 1000)), s =>
        {
            var node = DossierJson.StoryNode(s.Story);
            node["outlets"] = new JsonArray([.. s.Outlets.Select(o => (JsonNode?)o)]);
            node["document_count"] = s.Documents;
            return node;
        }));
    }

    private static async Task<IResult> Story(string id, DossierData data, CancellationToken cancellationToken)
    {
        var derived = await data.DerivedAsync();
        if (!derived.StoriesById.TryGetValue(id, out var summary)) return NotFound($"no story with id '{id}'");
        var node = DossierJson.StoryNode(summary.Story);
        var documents = await data.Store.ListDocumentsAsync(summary.Story.DocumentIds, 0, 1000, cancellationToken);
        node["document_summaries"] = Array(documents, Summary);
        node["alignments"] = Array(derived.AlignmentsByStory[id], DossierJson.AlignmentNode);
        node["discrepancies"] = Array(derived.DiscrepanciesByStory[id], DossierJson.DiscrepancyNode);
        return Send(node);
    }

    private static async Task<IResult> Documents(HttpRequest request, DossierData data, CancellationToken cancellationToken)
    {
        var offset = int.TryParse(request.Query["offset"], out var o) ? Math.Max(0, o) : 0;
        var limit = Limit(request);
        var documents = await data.Store.ListDocumentsAsync(null, offset, limit, cancellationToken);
        return Send(new JsonObject
        {
            ["total"] = await data.Store.CountDocumentsAsync(cancellationToken),
            ["offset"] = offset,
            ["documents"] = Array(documents, Summary),
        });
    }

    private static async Task<IResult> Document(string id, DossierData data, CancellationToken cancellationToken) =>
        await data.Store.LoadDocumentAsync(id, cancellationToken) is { } document
            ? Send(DossierJson.DocumentNode(document))
            : NotFound($"no document with id '{id}'");

    private static async Task<IResult> Entity(string id, DossierData data, CancellationToken cancellationToken)
    {
        var derived = await data.DerivedAsync();
        var entity = derived.View.Entity(id);
        var positions = derived.PositionsByActor[id].ToList();
        var quotes = await data.Store.FindQuotesAsync(null, id, 200, cancellationToken);
        if (entity is null && positions.Count == 0 && quotes.Count == 0) return NotFound($"no entity with id '{id}'");
        var node = entity is null ? new JsonObject { ["id"] = id } : DossierJson.EntityNode(entity);
        node["positions"] = Array(positions, DossierJson.PositionNode);
        node["quotes"] = Array(quotes, QuoteHitNode);
        return Send(node);
    }

    private static JsonObject QuoteHitNode(QuoteHit hit)
    {
        var node = DossierJson.QuoteNode(hit.Quote);
        node["document"] = Summary(hit.Document);
        return node;
    }

    private static async Task<IResult> Quotes(HttpRequest request, DossierData data, CancellationToken cancellationToken) =>
        Send(Array(await data.Store.FindQuotesAsync(SitePages.Bounded(request.Query["q"]), SitePages.Bounded(request.Query["speaker"]),
            Limit(request), cancellationToken), QuoteHitNode));

    private static async Task<IResult> Events(HttpRequest request, DossierData data, CancellationToken cancellationToken) =>
        Send(Array(await data.Store.FindEventsAsync(SitePages.Bounded(request.Query["entity"]), Limit(request), cancellationToken), hit =>
        {
            var node = DossierJson.EventNode(hit.Event, "");
            node["text"] = hit.Text;
            node["document"] = Summary(hit.Document);
            return node;
        }));

    private static async Task<IResult> Positions(DossierData data)
    {
        var derived = await data.DerivedAsync();
        return Send(Array(derived.Corpus.Positions, DossierJson.PositionNode));
    }

    private static async Task<IResult> Search(HttpRequest request, DossierData data, CancellationToken cancellationToken)
    {
        var q = SitePages.Bounded(request.Query["q"]);
        if (q is null) return Error(StatusCodes.Status400BadRequest, "give the words to search for as ?q=");
        var filter = new SearchFilter
        {
            Outlet = SitePages.Bounded(request.Query["outlet"]),
            From = SitePages.IsoDate(request.Query["from"]),
            To = SitePages.IsoDate(request.Query["to"]),
            EntityId = SitePages.Bounded(request.Query["entity"]),
            Order = SitePages.OrderOf(request),
        };
        var hits = await data.Store.SearchAsync(q, filter, Limit(request), cancellationToken);
        return Send(Array(hits, h => new JsonObject
        {
            ["id"] = h.DocumentId,
            ["title"] = h.Title,
            ["outlet"] = h.Outlet,
            ["published"] = h.Published,
            ["snippet"] = h.PlainSnippet,
            ["rank"] = h.Rank,
        }));
    }

    /// <summary>
    /// POST /api/documents: one article object or an array of them, { text | html, title, outlet, url, published, id }
    /// as in a JSONL input line; an object with a url and no text or html is fetched, and { "feed": url } reads a feed
    /// and the pages it links to (both through the private-address guard). Answers when the analysis is done.
    /// </summary>
    private static async Task<IResult> Ingest(HttpRequest request, IngestJobs jobs, WebOptions options, CancellationToken cancellationToken)
    {
        if (!jobs.Enabled) return Error(StatusCodes.Status503ServiceUnavailable, "ingestion is not enabled on this server");
        if (!request.HasJsonContentType()) return Error(StatusCodes.Status415UnsupportedMediaType, "send application/json");
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            return Error(StatusCodes.Status400BadRequest, $"the body is not valid JSON: {ex.Message}");
        }
        catch (BadHttpRequestException ex)
        {
            return ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(options) : Error(ex.StatusCode, ex.Message);
        }
        var items = body switch
        {
            JsonArray array => array.ToList(),
            JsonObject obj => [obj],
            _ => [],
        };
        var inputs = new List<RawDocument>();
        var urls = new List<string>();
        string? feed = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item) return Error(StatusCodes.Status400BadRequest, $"item {i} is not an object");
            if (Str(item, "feed") is { } feedUrl)
            {
                if (feed is not null) return Error(StatusCodes.Status400BadRequest, "give at most one feed per request");
                feed = feedUrl;
                continue;
            }
            var text = Str(item, "text");
            var html = Str(item, "html");
            var url = Str(item, "url");
            if (text is null && html is null)
            {
                if (url is null) return Error(StatusCodes.Status400BadRequest, $"item {i} has neither text, html, url nor feed");
                urls.Add(url);
                continue;
            }
            var published = Str(item, "published");
            var parsed = published is null ? null : LocalDatePattern.Iso.Parse(published);
            if (parsed is { Success: false }) return Error(StatusCodes.Status400BadRequest, $"item {i}: published must be YYYY-MM-DD");
            var hints = new MetadataHints
            {
                Id = Str(item, "id"),
                Url = url,
                Outlet = Str(item, "outlet"),
                Title = Str(item, "title"),
                Published = parsed?.Value,
            };
            var source = hints.Id ?? hints.Url ?? $"api:{i}";
            inputs.Add(html is not null ? new RawDocument(source, html, ContentKind.Html, hints) : new RawDocument(source, text!, ContentKind.PlainText, hints));
        }
        var ingest = new IngestRequest(inputs, urls, feed);
        if (ingest.Problem() is { } problem) return Error(StatusCodes.Status400BadRequest, problem);
        if (ingest.IsEmpty) return Error(StatusCodes.Status400BadRequest, "send an article object or an array of them");
        var job = jobs.Start(ingest);
        await job.Completion.WaitAsync(cancellationToken);
        var status = job.Status;
        var answer = new JsonObject
        {
            ["job"] = job.Id,
            ["documents"] = new JsonArray([.. status.DocumentIds.Select(id => (JsonNode?)id)]),
            ["diagnostics"] = Array(status.Diagnostics, DossierJson.DiagnosticNode),
        };
        if (status.State == JobState.Failed) answer["error"] = status.Step;
        // Nothing stored and something refused or failed: the request as a whole did not work.
        var failed = status.State == JobState.Failed || (status.DocumentIds.Count == 0 && status.Diagnostics.Any(d => d.Severity == Severity.Error));
        return Send(answer, failed ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status201Created);
    }

    public static IResult TooLarge(WebOptions options) =>
        Error(StatusCodes.Status413PayloadTooLarge, $"the body is over the {Layout.Size(options.MaxUploadBytes)} limit; send fewer or smaller articles per request");

    private static string? Str(JsonObject item, string name) =>
        item[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
