using System.Text;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using Dossier.Ingest.Web;

namespace Dossier.Ingest.Feeds;

/// <summary>
/// <c>dossier ingest feed URL|FILE</c>: reads a feed (or an OPML list of feeds) and follows each item to its page;
/// when a page cannot be fetched, the item's own content (if any) stands in for it.
/// </summary>
public static class FeedIngestor
{
    public static async Task<IReadOnlyList<RawDocument>> ReadAsync(string urlOrPath, SafeFetcher fetcher, DiagnosticBag diagnostics,
        bool followLinks = true, int maxFeeds = 200, CancellationToken cancellationToken = default, FetchCache? cache = null)
    {
        var feed = await LoadAsync(urlOrPath, fetcher, diagnostics, cache, cancellationToken);
        if (feed is null) return [];
        var documents = new List<RawDocument>();
        if (feed.Format == "opml")
        {
            foreach (var url in feed.FeedUrls.Take(maxFeeds))
            {
                var inner = await LoadAsync(url, fetcher, diagnostics, cache, cancellationToken);
                // An OPML list names feeds, not more lists: nested lists are not followed (no loops).
                if (inner is not null && inner.Format != "opml") documents.AddRange(await ItemsAsync(inner, url, fetcher, diagnostics, followLinks, cache, cancellationToken));
            }
            if (feed.FeedUrls.Count > maxFeeds)
                diagnostics.Add(Codes.TooLarge, Severity.Warning, urlOrPath, $"the list names {feed.FeedUrls.Count} feeds; only the first {maxFeeds} were read.");
            return documents;
        }
        return await ItemsAsync(feed, urlOrPath, fetcher, diagnostics, followLinks, cache, cancellationToken);
    }

    private static async Task<List<RawDocument>> ItemsAsync(Feed feed, string source, SafeFetcher fetcher, DiagnosticBag diagnostics, bool followLinks, FetchCache? cache, CancellationToken cancellationToken)
    {
        var embedded = FeedReader.Documents(feed, source).ToDictionary(d => d.Source, StringComparer.Ordinal);
        var documents = new List<RawDocument>();
        var index = 0;
        foreach (var item in feed.Items)
        {
            index++;
            var key = item.Link ?? item.Id ?? $"{source}#{index}";
            var hints = new MetadataHints { Id = item.Id, Url = item.Link, Title = item.Title, Published = item.Published, Outlet = feed.Title };
            if (followLinks && item.Link is not null && item.Link.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                var pageDiagnostics = new DiagnosticBag();
                var page = await fetcher.FetchDocumentAsync(item.Link, pageDiagnostics, cancellationToken, cache);
                foreach (var diagnostic in pageDiagnostics.Items) diagnostics.Add(diagnostic);
                if (page is not null)
                {
                    documents.Add(page with { Hints = hints with { Url = page.Hints.Url ?? item.Link } });
                    continue;
                }
                // Unchanged since the last run: the page is already stored, its feed text must not be added beside it.
                if (pageDiagnostics.Items.Any(d => d.Code == Codes.Duplicate)) continue;
            }
            if (embedded.TryGetValue(key, out var fromFeed)) documents.Add(fromFeed);
            else diagnostics.Add(Codes.NoBody, Severity.Warning, key, "feed item has no content and its page could not be fetched; skipped.");
        }
        return documents;
    }

    private static async Task<Feed?> LoadAsync(string urlOrPath, SafeFetcher fetcher, DiagnosticBag diagnostics, FetchCache? cache, CancellationToken cancellationToken)
    {
        string content;
        if (urlOrPath.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || urlOrPath.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var result = await fetcher.FetchCachedAsync(urlOrPath, diagnostics, cache, cancellationToken);
            if (result is null) return null;
            content = TextDecoding.Decode(result.Body, sniffHtml: true, declaredCharset: result.Charset).Text;
        }
        else
        {
            var raw = InputReader.ReadText(urlOrPath, diagnostics, InputLimits.Default);
            if (raw is null) return null;
            content = raw;
        }
        return FeedReader.Parse(content, urlOrPath, diagnostics);
    }
}
