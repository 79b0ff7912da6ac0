using System.Text.Json.Nodes;

namespace Dossier.Web.Api;

/// <summary>The OpenAPI 3.1 description of /api, written out (no generator package is available offline).</summary>
internal static class OpenApi
{
    private static JsonObject Operation(string summary, params (string Name, string In, bool Required, string Description)[] parameters) => new()
    {
        ["summary"] = summary,
        ["parameters"] = new JsonArray([.. parameters.Select(p => (JsonNode?)new JsonObject
        {
            ["name"] = p.Name,
            ["in"] = p.In,
            ["required"] = p.Required,
            ["description"] = p.Description,
            ["schema"] = new JsonObject { ["type"] = p.Name is "limit" or "offset" ? "integer" : "string" },
        })]),
        ["responses"] = new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = "JSON shaped like the matching part of dossier.json" },
            ["404"] = new JsonObject { ["description"] = "unknown id" },
        },
    };

    private static readonly (string, string, bool, string) Limit = ("limit", "query", false, "at most this many results (1-1000)");

    public static JsonObject Document => new()
    {
        ["openapi"] = "3.1.0",
        ["info"] = new JsonObject { ["title"] = "Dossier API", ["version"] = "1" },
        ["paths"] = new JsonObject
        {
            ["/api/stories"] = new JsonObject
            {
                ["get"] = Operation("Stories, newest first, with outlets and document counts", ("offset", "query", false, "skip this many"), Limit),
            },
            ["/api/stories/{id}"] = new JsonObject { ["get"] = Operation("A story with its documents, alignments and discrepancies", ("id", "path", true, "story id")) },
            ["/api/documents"] = new JsonObject
            {
                ["get"] = Operation("Documents newest first", ("offset", "query", false, "skip this many"), Limit),
                ["post"] = new JsonObject
                {
                    ["summary"] = "Analyse and store articles: an object or an array of {text|html, title, outlet, url, published, id}; " +
                                  "an object with only a url is fetched, {feed: url} reads a feed and the pages it links to " +
                                  "(private and loopback addresses refused unless the server runs with --allow-private). Answers when done.",
                    ["requestBody"] = new JsonObject { ["required"] = true, ["content"] = new JsonObject { ["application/json"] = new JsonObject() } },
                    ["responses"] = new JsonObject
                    {
                        ["201"] = new JsonObject { ["description"] = "ids of the stored documents and diagnostics" },
                        ["400"] = new JsonObject { ["description"] = "malformed request, or an address that is not an http(s) URL" },
                        ["413"] = new JsonObject { ["description"] = "body over the upload limit" },
                        ["415"] = new JsonObject { ["description"] = "not application/json" },
                        ["422"] = new JsonObject { ["description"] = "nothing stored: every page was refused or failed (see diagnostics)" },
                        ["503"] = new JsonObject { ["description"] = "ingestion not enabled" },
                    },
                },
            },
            ["/api/documents/{id}"] = new JsonObject { ["get"] = Operation("One document as in dossier.json documents[]", ("id", "path", true, "document id")) },
            ["/api/entities/{id}"] = new JsonObject { ["get"] = Operation("An entity with its positions and quotes", ("id", "path", true, "entity id")) },
            ["/api/quotes"] = new JsonObject { ["get"] = Operation("Quotes", ("q", "query", false, "words in the quote"), ("speaker", "query", false, "speaker entity id"), Limit) },
            ["/api/events"] = new JsonObject { ["get"] = Operation("PLOVER events", ("entity", "query", false, "source or target entity id"), Limit) },
            ["/api/positions"] = new JsonObject { ["get"] = Operation("The negotiation map as positions[]") },
            ["/api/search"] = new JsonObject
            {
                ["get"] = Operation("Full-text search: documents whose title holds every word first, then the others, newest first; " +
                                    "order=relevance ranks by bm25 instead (slower when the words are common)", ("q", "query", true, "words"), ("outlet", "query", false, "outlet"),
                    ("from", "query", false, "YYYY-MM-DD"), ("to", "query", false, "YYYY-MM-DD"), ("entity", "query", false, "entity id"),
                    ("order", "query", false, "recent (default) or relevance"), Limit),
            },
        },
    };
}
