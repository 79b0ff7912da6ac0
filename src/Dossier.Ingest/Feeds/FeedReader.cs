using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using NodaTime;

namespace Dossier.Ingest.Feeds;

public sealed record FeedItem(string? Title, string? Link, string? Id, LocalDate? Published, string? Author, string? Summary, string? ContentHtml);

/// <summary>A parsed feed: its items, or for an OPML list, the feed URLs it names.</summary>
public sealed record Feed(string Format, string? Title, IReadOnlyList<FeedItem> Items, IReadOnlyList<string> FeedUrls);

/// <summary>
/// Reads RSS 0.9x/2.0, RSS 1.0 (RDF), Atom, JSON Feed and OPML. XML is read with DTDs prohibited and no resolver,
/// so entity-expansion ("billion laughs") and external-entity feeds are refused, not expanded.
/// </summary>
public static class FeedReader
{
    private const long MaxCharacters = 50L * 1024 * 1024;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>The feed in <paramref name="content"/>, or null (with a diagnostic naming <paramref name="source"/>).</summary>
    public static Feed? Parse(string content, string source, DiagnosticBag diagnostics)
    {
        var trimmed = content.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('{')) return ParseJsonFeed(trimmed, source, diagnostics);
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = MaxCharacters,
                MaxCharactersFromEntities = 1024,
            };
            using var reader = XmlReader.Create(new StringReader(trimmed), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(Codes.Refused, Severity.Error, source, "feed declares a DTD (entity expansion or external entities); refused for safety.");
            return null;
        }
        catch (XmlException ex)
        {
            diagnostics.Add(Codes.MalformedRecord, Severity.Error, source, $"feed is not well-formed XML ({ex.Message}); skipped.");
            return null;
        }
        var root = document.Root!;
        switch (root.Name.LocalName.ToLowerInvariant())
        {
            case "rss":
                var channel = root.Element("channel");
                return new Feed("rss", Text(channel?.Element("title")), channel?.Elements("item").Select(RssItem).ToList() ?? [], []);
            case "rdf":
                return new Feed("rss1", Text(root.Element(Rss1 + "channel")?.Element(Rss1 + "title")), root.Elements(Rss1 + "item").Select(RssItem).ToList(), []);
            case "feed":
                return new Feed("atom", Text(root.Element(Atom + "title")), root.Elements(Atom + "entry").Select(AtomEntry).ToList(), []);
            case "opml":
                var urls = root.Descendants("outline").Select(o => (string?)o.Attribute("xmlUrl")).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u!.Trim()).Distinct().ToList();
                return new Feed("opml", Text(root.Element("head")?.Element("title")), [], urls);
            default:
                diagnostics.Add(Codes.UnsupportedFormat, Severity.Error, source, $"XML root <{root.Name.LocalName}> is not RSS, Atom or OPML; skipped.");
                return null;
        }
    }

    /// <summary>Items as raw documents (their HTML content, or summary), for feeds that carry full text.</summary>
    public static IEnumerable<RawDocument> Documents(Feed feed, string source)
    {
        var index = 0;
        foreach (var item in feed.Items)
        {
            index++;
            var html = item.ContentHtml ?? item.Summary;
            if (string.IsNullOrWhiteSpace(html)) continue;
            var hints = new MetadataHints { Id = item.Id, Url = item.Link, Title = item.Title, Published = item.Published, Outlet = feed.Title };
            yield return new RawDocument(item.Link ?? item.Id ?? $"{source}#{index}", html, ContentKind.Html, hints);
        }
    }

    private static FeedItem RssItem(XElement item)
    {
        // Elements may sit in the RSS 1.0 namespace or in none (RSS 0.9x/2.0).
        XElement? E(string name) => item.Element(name) ?? item.Element(Rss1 + name);
        var date = Text(E("pubDate")) ?? Text(item.Element(DublinCore + "date"));
        return new FeedItem(
            Text(E("title")),
            Text(E("link")) ?? (string?)item.Attribute(XName.Get("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")),
            Text(E("guid")),
            Dates.ParseIsoDate(date) ?? Dates.ParseLooseDate(date),
            Text(item.Element(DublinCore + "creator")) ?? Text(E("author")),
            Text(E("description")),
            Text(item.Element(Content + "encoded")));
    }

    private static FeedItem AtomEntry(XElement entry)
    {
        var links = entry.Elements(Atom + "link").ToList();
        var link = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate");
        var date = Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated"));
        return new FeedItem(
            Text(entry.Element(Atom + "title")),
            (string?)link?.Attribute("href"),
            Text(entry.Element(Atom + "id")),
            Dates.ParseIsoDate(date),
            Text(entry.Element(Atom + "author")?.Element(Atom + "name")),
            Text(entry.Element(Atom + "summary")),
            Text(entry.Element(Atom + "content")));
    }

    private static Feed? ParseJsonFeed(string content, string source, DiagnosticBag diagnostics)
    {
        try
        {
            using var json = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 64 });
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                diagnostics.Add(Codes.UnsupportedFormat, Severity.Error, source, "JSON is not a JSON Feed (no items array); skipped.");
                return null;
            }
            var list = new List<FeedItem>();
            foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                string? author = null;
                if (item.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array && authors.GetArrayLength() > 0)
                    author = Str(authors[0], "name");
                else if (item.TryGetProperty("author", out var single)) author = Str(single, "name");
                var text = Str(item, "content_text");
                list.Add(new FeedItem(
                    Str(item, "title"),
                    Str(item, "url"),
                    Str(item, "id"),
                    Dates.ParseIsoDate(Str(item, "date_published")),
                    author,
                    Str(item, "summary"),
                    Str(item, "content_html") ?? (text is null ? null : "<p>" + System.Net.WebUtility.HtmlEncode(text).Replace("\n\n", "</p><p>") + "</p>")));
            }
            return new Feed("jsonfeed", Str(root, "title"), list, []);
        }
        catch (JsonException ex)
        {
            diagnostics.Add(Codes.MalformedRecord, Severity.Error, source, $"JSON Feed is not valid JSON ({ex.Message}); skipped.");
            return null;
        }
    }

    private static string? Text(XElement? element)
    {
        var value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!.Trim()
            : null;
}
