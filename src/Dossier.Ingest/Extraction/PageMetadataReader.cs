using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Dossier.Core.Model;
using NodaTime;

namespace Dossier.Ingest.Extraction;

/// <summary>What a page says about itself, before the body is cleaned.</summary>
internal sealed record PageMetadata
{
    public string? Title { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public LocalDate? Published { get; init; }
    public LocalDate? Modified { get; init; }
    public string? Outlet { get; init; }
    public string? Url { get; init; }
    public string? DeclaredLanguage { get; init; }
    public string? Section { get; init; }
    public string? Image { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>The article text a page's JSON-LD carries, when it does.</summary>
    public string? ArticleBody { get; init; }
}

/// <summary>
/// Reads metadata in order of reliability: JSON-LD (NewsArticle and kin), OpenGraph and article:* meta, other meta
/// names, then visible markup (&lt;h1&gt;, &lt;time&gt;, rel=author, byline elements, the URL's date).
/// </summary>
internal static partial class PageMetadataReader
{
    public static PageMetadata Read(IHtmlDocument document, MetadataHints hints)
    {
        var ld = JsonLd.Read(document);
        var metas = MetaTags(document);
        var canonical = First(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), Meta(metas, "og:url"), ld.Url, hints.Url);
        var siteName = First(Meta(metas, "og:site_name"), ld.Publisher, Meta(metas, "application-name"), SiteNameInTitle(document.Title, canonical));
        var title = hints.Title ?? ChooseTitle(document, metas, ld, siteName);

        var authors = new List<string>();
        foreach (var name in ld.Authors) authors.AddRange(Credits.ParseNames(name).Authors);
        if (authors.Count == 0)
        {
            foreach (var value in new[] { Meta(metas, "author"), Meta(metas, "article:author"), Meta(metas, "parsely-author"), Meta(metas, "sailthru.author"), Meta(metas, "dc.creator") })
            {
                if (value is null || value.StartsWith("http", StringComparison.OrdinalIgnoreCase)) continue;
                authors.AddRange(Credits.ParseNames(value).Authors);
            }
        }
        if (authors.Count == 0) authors.AddRange(VisibleAuthors(document));

        var url = canonical;
        if (url is not null && !url.StartsWith("http", StringComparison.OrdinalIgnoreCase)) url = hints.Url ?? url;

        var published = hints.Published
                        ?? Dates.ParseIsoDate(ld.DatePublished)
                        ?? FirstDate(metas, "article:published_time", "og:published_time", "datePublished", "date", "pubdate", "publishdate",
                            "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date",
                            "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime")
                        ?? ItempropDate(document, "datePublished")
                        ?? TimeElementDate(document, inArticle: true)
                        ?? UrlDate(url);
        var modified = Dates.ParseIsoDate(ld.DateModified)
                       ?? FirstDate(metas, "article:modified_time", "og:updated_time", "dateModified", "last-modified", "dcterms.modified")
                       ?? ItempropDate(document, "dateModified");
        if (hints.Published is null)
        {
            var declared = ld.DatePublished ?? Meta(metas, "article:published_time");
            published = LocalPublicationDay(document, metas, declared) ?? published;
            var monthFirst = IsAmerican(document, metas);
            var shown = new Lazy<VisibleText>(() => VisibleText.Of(document, TitleHeading(document, title), CleanTitle(title)));
            // A page without an <article> element keeps other stories' <time>s in its sidebars: the date line beside
            // the headline comes first.
            if (published is null) published = DateNearHeadline(shown.Value, monthFirst) ?? TimeElementDate(document, inArticle: false) ?? VisibleDate(document);
            else if (modified is { } m && m > published && ShowsFirst(shown.Value, m, published.Value, monthFirst)) published = m;
            else if (Redated(shown.Value, published.Value, monthFirst) is { } redated) published = redated;
        }

        var tags = document.QuerySelectorAll("meta[property='article:tag']").Select(m => m.GetAttribute("content"))
            .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).Distinct().ToList();

        return new PageMetadata
        {
            Title = CleanTitle(title),
            Authors = authors.Distinct(StringComparer.Ordinal).ToList(),
            Published = published,
            Modified = modified,
            Outlet = hints.Outlet ?? Clean(siteName),
            Url = url,
            DeclaredLanguage = document.DocumentElement.GetAttribute("lang") ?? Meta(metas, "og:locale") ?? ld.Language,
            Section = Clean(Meta(metas, "article:section") ?? ld.Section),
            Image = Meta(metas, "og:image") ?? ld.Image,
            Tags = tags,
            ArticleBody = ld.ArticleBody,
        };
    }

    private static string? Meta(Dictionary<string, string> metas, string name) => metas.GetValueOrDefault(name);

    /// <summary>The page's &lt;meta&gt; tags by property/name/itemprop (first non-empty wins), collected in one pass.</summary>
    private static Dictionary<string, string> MetaTags(IHtmlDocument document)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            var content = meta.GetAttribute("content");
            if (key is not null && !string.IsNullOrWhiteSpace(content)) tags.TryAdd(key.Trim(), content.Trim());
        }
        return tags;
    }

    private static LocalDate? FirstDate(Dictionary<string, string> metas, params string[] names)
    {
        foreach (var name in names)
        {
            var date = Dates.ParseIsoDate(Meta(metas, name)) ?? Dates.ParseLooseDate(Meta(metas, name));
            if (date is not null) return date;
        }
        return null;
    }

    private static LocalDate? ItempropDate(IHtmlDocument document, string property)
    {
        foreach (var element in document.QuerySelectorAll($"[itemprop={property}]"))
        {
            var value = element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? Dom.Text(element);
            var date = Dates.ParseIsoDate(value) ?? Dates.ParseLooseDate(value);
            if (date is not null) return date;
        }
        return null;
    }

    /// <summary>The first &lt;time datetime&gt; in the article (or page), preferring one marked as publication time.</summary>
    private static LocalDate? TimeElementDate(IHtmlDocument document, bool inArticle)
    {
        var article = document.QuerySelector("article");
        if (inArticle ? article is null : article is not null) return null;
        var scope = (IParentNode?)article ?? document;
        var times = scope.QuerySelectorAll("time[datetime]").ToList();
        var preferred = times.FirstOrDefault(t => t.HasAttribute("pubdate") || (t.ClassName ?? "").Contains("publish", StringComparison.OrdinalIgnoreCase))
                        ?? times.FirstOrDefault();
        return preferred is null ? null : Dates.ParseIsoDate(preferred.GetAttribute("datetime"));
    }

    /// <summary>
    /// A date line a reader sees: the first short element, in document order, that a class or id names as a date or
    /// the article's meta line ("date", "published", "meta", "datum"…) or a &lt;time&gt; without a datetime, whose text
    /// (or title/content attribute) is a date. Navigation, asides and footers are skipped: their dates are other
    /// stories' and calendars'.
    /// </summary>
    private static LocalDate? VisibleDate(IHtmlDocument document)
    {
        if (document.Body is not { } body) return null;
        var stack = new Stack<IElement>();
        Dom.PushChildren(stack, body);
        var examined = 0;
        while (stack.Count > 0 && examined < 400)
        {
            var element = stack.Pop();
            if (element.LocalName is "nav" or "aside" or "footer" or "script" or "style" or "noscript" or "template" or "form") continue;
            if (element.LocalName == "time" || DateName().IsMatch($"{element.ClassName} {element.Id}"))
            {
                examined++;
                var date = Dates.ParseIsoDate(element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.GetAttribute("title"))
                           ?? (ShortText(element, 160) is { } text ? Dates.ParseLooseDate(text) : null);
                if (date is not null) return date;
            }
            Dom.PushChildren(stack, element);
        }
        return LabelledDate(body);
    }

    /// <summary>A short block whose text announces a date ("Published on 4 May 2022", "Erschienen am: 01.11.2023",
    /// "Pressemitteilung vom 20.01.2022"): pages without date markup still tell the reader when they appeared.</summary>
    private static LocalDate? LabelledDate(IElement body)
    {
        var stack = new Stack<IElement>();
        Dom.PushChildren(stack, body);
        var examined = 0;
        while (stack.Count > 0 && examined < 3000)
        {
            var element = stack.Pop();
            if (element.LocalName is "nav" or "aside" or "footer" or "script" or "style" or "noscript" or "template" or "form" or "a") continue;
            examined++;
            if (ShortText(element, 160) is { } text)
            {
                var match = DateLabel().Match(text);
                if (match.Success && Dates.ParseLooseDate(text[match.Index..]) is { } date) return date;
                continue; // a short element's children hold nothing more
            }
            Dom.PushChildren(stack, element);
        }
        return null;
    }

    /// <summary>The element's text when it is short (a date line), else null; stops reading once past the limit.</summary>
    private static string? ShortText(IElement element, int limit)
    {
        var sb = new System.Text.StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                sb.Append(text.Data).Append(' ');
                if (sb.Length > limit * 4) return null;
            }
            else if (node is IElement child && child.LocalName is not ("script" or "style")) Dom.PushChildren(stack, child);
        }
        var normalized = TextCleaner.Normalize(sb.ToString());
        return normalized.Length > 0 && normalized.Length <= limit ? normalized : null;
    }

    /// <summary>
    /// Metadata often gives the publication time in UTC ("2023-12-23T03:22:07Z") while the page shows the same moment
    /// in the outlet's own zone ("2023-12-22T22:22:07-05:00", or without the offset, "2023-12-22 22:22:07" in another
    /// meta tag or a &lt;time&gt;): the day a reader of the outlet saw is the local one.
    /// </summary>
    private static LocalDate? LocalPublicationDay(IHtmlDocument document, Dictionary<string, string> metas, string? declared)
    {
        if (Dates.ParseOffsetDateTime(declared) is not { Offset.Seconds: 0 } utc) return null;
        var candidates = document.QuerySelectorAll("time[datetime], [itemprop=datePublished]")
            .Select(e => e.GetAttribute("datetime") ?? e.GetAttribute("content")).Concat(metas.Values);
        foreach (var value in candidates)
        {
            if (Dates.ParseOffsetDateTime(value) is { } local)
            {
                if (local.Offset.Seconds != 0 && Math.Abs((local.ToInstant() - utc.ToInstant()).TotalMinutes) <= 2) return local.Date;
            }
            else if (Dates.ParseLocalDateTime(value) is { } wall && utc is not { Minute: 0, Second: 0 } && IsZoneShift(Period.Between(utc.LocalDateTime, wall, PeriodUnits.Seconds).Seconds))
                return wall.Date;
        }
        // 22:00:00 or 23:00:00 UTC on the dot is a date without a time, stored as midnight in a zone one or two hours
        // east of Greenwich (most of Europe, Africa): the day meant is the next one.
        if (utc is { Hour: 22 or 23, Minute: 0, Second: 0, NanosecondOfSecond: 0 }) return utc.Date.PlusDays(1);
        return null;
    }

    /// <summary>The same moment read on another clock: a whole number of hours (or half hours) apart, at most 14. A
    /// moment on the full hour could match any other rounded time, so the caller does not trust one.</summary>
    private static bool IsZoneShift(long seconds) => seconds != 0 && Math.Abs(seconds) <= 14 * 3600 && seconds % 1800 == 0;

    /// <summary>
    /// A page re-dated after an update (guides, rankings, live stories) shows readers the update's day, and not the
    /// first publication's or only further down ("Updated December 26 … originally published December 22"): that
    /// day is the one the outlet stands by, so it is the page's date.
    /// </summary>
    private static bool ShowsFirst(VisibleText shown, LocalDate modified, LocalDate published, bool monthFirst)
    {
        var days = shown.Dates(monthFirst);
        if (!days.TryGetValue(modified, out var m)) return false;
        if (!days.TryGetValue(published, out var p)) return true;
        // Both shown: the update's day counts when it alone is in the headline's date line ("Updated December 26"
        // there, "originally published December 22" at the foot); "Updated … First published …" side by side keeps
        // the first publication.
        bool NearHeadline(int index) => shown.MarkStart >= 0 && Math.Abs(index - shown.MarkEnd) <= 400;
        return NearHeadline(m) && !NearHeadline(p);
    }

    /// <summary>A page whose declared publication day appears nowhere on it, while its headline's date line shows a
    /// later day: the page was re-dated (an updated guide, a refreshed review) and shows readers the day it stands by.</summary>
    private static LocalDate? Redated(VisibleText shown, LocalDate published, bool monthFirst)
    {
        if (shown.Dates(monthFirst).ContainsKey(published)) return null;
        return DateNearHeadline(shown, monthFirst) is { } line && line > published ? line : null;
    }

    /// <summary>
    /// A page with no date in its markup usually prints one beside its headline ("Tanja Karrasch 3.11.2023",
    /// "Pressemitteilung vom 25. Januar 2022", "January 13, 2020 at 08:45 AM"): the written date closest to the
    /// headline, within a line or two above it or a few lines below.
    /// </summary>
    private static LocalDate? DateNearHeadline(VisibleText shown, bool monthFirst)
    {
        if (shown.MarkStart < 0) return null;
        LocalDate? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (date, index) in Dates.FindDates(shown.Text, monthFirst))
        {
            if (index > shown.MarkEnd + 400) break;
            // A date line usually follows the headline, so the search reaches further below it than above it.
            var distance = index < shown.MarkStart ? shown.MarkStart - index : Math.Max(0, index - shown.MarkEnd);
            if (distance <= (index < shown.MarkStart ? 150 : 400) && distance < bestDistance) (best, bestDistance) = (date, distance);
        }
        return best;
    }

    /// <summary>The heading that carries the page's title: the first &lt;h1&gt; that shares most of its words, else
    /// the first &lt;h1&gt;.</summary>
    private static IElement? TitleHeading(IHtmlDocument document, string? title)
    {
        var headings = document.QuerySelectorAll("h1").Where(h => Dom.Text(h).Length > 3).ToList();
        if (title is not null)
            foreach (var heading in headings)
                if (WordOverlap(Dom.Text(heading), title) >= 0.5) return heading;
        return headings.FirstOrDefault();
    }

    /// <summary>Slashed dates are month first on American pages (declared en-US, or English with a .com address and
    /// no other region).</summary>
    private static bool IsAmerican(IHtmlDocument document, Dictionary<string, string> metas)
    {
        var language = (document.DocumentElement.GetAttribute("lang") ?? Meta(metas, "og:locale") ?? "").Replace('_', '-');
        return language.Equals("en-US", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>News URLs often carry the date: /2024/03/17/ or -2024-03-17-.</summary>
    private static LocalDate? UrlDate(string? url)
    {
        if (url is null) return null;
        var match = UrlDatePattern().Match(url);
        return match.Success ? Dates.ParseIsoDate($"{match.Groups[1].Value}-{match.Groups[2].Value}-{match.Groups[3].Value}") : null;
    }

    private static IEnumerable<string> VisibleAuthors(IHtmlDocument document)
    {
        foreach (var element in document.QuerySelectorAll("[rel=author], [itemprop=author], [class*=byline], [class*=author-name], [class*=author]"))
        {
            var text = Dom.Text(element);
            if (text.Length is 0 or > 120) continue;
            var byline = Credits.ParseByline(text) ?? Credits.ParseNames(text);
            if (byline.Authors.Count > 0 && byline.FullyUnderstood) return byline.Authors;
        }
        return [];
    }

    /// <summary>
    /// The headline a reader sees: the page's &lt;h1&gt; when it agrees with the declared titles (they often carry a
    /// shortened or SEO form), else the declared title (JSON-LD headline, og:title), else the &lt;title&gt; without its
    /// site name, else a lone &lt;h1&gt;.
    /// </summary>
    private static string? ChooseTitle(IHtmlDocument document, Dictionary<string, string> metas, JsonLd ld, string? siteName)
    {
        siteName ??= SharedTitleSuffix(document.Title, Meta(metas, "og:title") ?? Meta(metas, "twitter:title"));
        var declared = new[]
        {
            // A WebPage object's "name" is often the <title>, site name included.
            StripSiteName(ld.Headline, siteName, fromTitleTag: false),
            StripSiteName(Meta(metas, "og:title"), siteName, fromTitleTag: false),
            StripSiteName(Meta(metas, "twitter:title"), siteName, fromTitleTag: false),
            StripSiteName(document.Title, siteName, fromTitleTag: true),
        }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList();
        var headingElements = ((IParentNode?)document.QuerySelector("article") ?? document).QuerySelectorAll("h1")
            .Concat(document.QuerySelectorAll("h1")).Distinct()
            // A heading for screen readers only ("Navigation menu", the title again with the site name) is not the one a
            // reader sees.
            .Where(h => !ScreenReaderName().IsMatch(h.ClassName ?? "")).ToList();
        var headings = headingElements.Select(HeadingText).Where(h => h.Length is > 3 and < 300).Distinct().ToList();
        foreach (var heading in headings)
        {
            if (siteName is not null && OutletDetector.Key(heading) == OutletDetector.Key(siteName)) continue;
            if (!declared.Any(d => WordOverlap(heading, d) >= 0.5)) continue;
            // "Opinion What I'll be praying for", "Immobilienkrise Rene Benko-Firma…": the heading carries a kicker
            // (section or topic label) in front of the headline the page declares.
            return declared.Take(declared.Count - (string.IsNullOrWhiteSpace(document.Title) ? 0 : 1)).FirstOrDefault(d => IsKickerOf(heading, d)) ?? heading;
        }
        // No declared title matches a heading: the declared ones are then often a shortened SEO form or the site's
        // generic title ("About Us - Shabka", "Home"), and a page's one &lt;h1&gt; is the headline its reader sees.
        var siteParts = new[] { document.Title, Meta(metas, "og:title") }
            .Select(t => t is null ? [] : TitleSeparator().Split(t.Trim()))
            .Where(parts => parts.Length > 1).Select(parts => TextCleaner.Key(parts[^1])).ToHashSet();
        var own = headingElements
            .Where(h => !IsLogo(h))
            .Select(HeadingText).Where(h => h.Length is > 3 and < 300).Distinct()
            .Where(h => (siteName is null || OutletDetector.Key(h) != OutletDetector.Key(siteName)) && !siteParts.Contains(TextCleaner.Key(h)))
            .ToList();
        if (own.Count == 1 && own[0].Contains(' ', StringComparison.Ordinal)) return own[0];
        if (declared.Count > 0) return declared[0];
        return headings.FirstOrDefault();
    }

    /// <summary>An &lt;h1&gt; that is the site's logo: it links to the home page or holds an image.</summary>
    private static bool IsLogo(IElement heading) =>
        heading.QuerySelector("img, svg") is not null
        || heading.QuerySelectorAll("a[href]").Any(a => a.GetAttribute("href") is { } href
            && (href is "/" or "./" || (Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" && uri.Query.Length == 0)))
        || heading.Closest("a[href='/']") is not null;

    /// <summary>A heading's text without the kicker some pages set inside it, in its own element named as such
    /// (&lt;span class="kicker"&gt;, "topline", "dachzeile", "overline", "eyebrow"…): the section or topic label is not the headline.</summary>
    private static string HeadingText(IElement heading)
    {
        var text = Dom.Text(heading);
        foreach (var child in heading.Children)
        {
            // Text for screen readers only ("Headline:") is not part of the headline a reader sees.
            if (!ScreenReaderName().IsMatch($"{child.ClassName}") || Dom.Text(child) is not { Length: > 0 } hidden) continue;
            if (text.StartsWith(hidden, StringComparison.Ordinal)) text = text[hidden.Length..].Trim();
            else if (text.EndsWith(hidden, StringComparison.Ordinal)) text = text[..^hidden.Length].Trim();
        }
        foreach (var child in heading.Children)
        {
            if (!KickerName().IsMatch($"{child.ClassName} {child.Id}") && !IsLeadingLabel(heading, child)) continue;
            var kicker = Dom.Text(child);
            if (kicker.Length > 0 && kicker.Length < text.Length / 2 && text.StartsWith(kicker, StringComparison.Ordinal))
                return text[kicker.Length..].Trim(' ', ':', '-', '–', '—', '|', '·');
        }
        return text;
    }

    /// <summary>A topic label set in its own box at the head of the headline ("&lt;h1&gt;&lt;span class="subtitle"&gt;Olympic
    /// Games&lt;/span&gt; Drinks by boat…"): the heading's first child, a span or block of at most five words, followed by
    /// a headline of its own of at least three words, not starting in lower case. Inline emphasis (&lt;em&gt;, &lt;i&gt;, &lt;b&gt;) is part of the headline.</summary>
    private static bool IsLeadingLabel(IElement heading, IElement child)
    {
        if (child.LocalName is not ("span" or "div" or "small" or "p" or "label")) return false;
        var first = heading.ChildNodes.FirstOrDefault(n => n is IElement || (n is IText t && t.Data.Trim().Length > 0));
        if (!ReferenceEquals(first, child)) return false;
        var label = Dom.Text(child);
        var rest = Dom.Text(heading)[Math.Min(label.Length, Dom.Text(heading).Length)..];
        // "<span>Quality Engineering</span> and Digital Assurance" is one headline styled in two parts: what follows a
        // label starts a headline of its own, not with a lower-case word.
        var restStart = rest.FirstOrDefault(char.IsLetterOrDigit);
        return label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5
               && !char.IsLower(restStart)
               && rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit)) >= 3;
    }

    /// <summary>The heading is a short label (one to three words, no punctuation: "Opinion", "News", "Local News |")
    /// followed by the declared headline; "Colleges: Former star…" is a headline with its own colon, not a kicker.</summary>
    private static bool IsKickerOf(string heading, string declared)
    {
        var headingWords = heading.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var declaredWords = declared.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var extra = headingWords.Length - declaredWords.Length;
        if (declaredWords.Length < 3 || extra is < 1 or > 3) return false;
        if (!TextCleaner.Key(heading).EndsWith(" " + TextCleaner.Key(declared), StringComparison.Ordinal)) return false;
        // The label may end with a separator of its own: "Politics | Mayor vetoes…".
        var label = headingWords.Take(extra).ToList();
        if (label.Count > 1 && label[^1] is "|" or ":" or "-" or "–" or "—" or "·" or "•") label.RemoveAt(label.Count - 1);
        return label.All(w => w.All(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '\''));
    }

    /// <summary>Share of the shorter title's words found in the other.</summary>
    private static double WordOverlap(string a, string b)
    {
        var wa = TextCleaner.Key(a).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var wb = TextCleaner.Key(b).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        if (wa.Count == 0 || wb.Count == 0) return 0;
        return (double)wa.Intersect(wb).Count() / Math.Min(wa.Count, wb.Count);
    }

    /// <summary>The part of "Headline | Site" that names the site, recognised by matching the page's host name.</summary>
    internal static string? SiteNameInTitle(string? title, string? url)
    {
        if (string.IsNullOrWhiteSpace(title) || url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var host = uri.Host.ToLowerInvariant();
        var parts = TitleSeparator().Split(title.Trim()).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count < 2) return null;
        foreach (var part in new[] { parts[^1], parts[0] })
        {
            var squeezed = TextCleaner.Key(part).Replace(" ", "");
            if (squeezed.Length >= 3 && host.Replace("-", "").Contains(squeezed, StringComparison.Ordinal)) return part;
        }
        return null;
    }

    /// <summary>A site name no metadata declares: the last part of the &lt;title&gt; ("Headline | Site") when the
    /// declared title ends with it too, or when it is short and the declared title lacks it.</summary>
    private static string? SharedTitleSuffix(string? titleTag, string? declared)
    {
        if (string.IsNullOrWhiteSpace(titleTag)) return null;
        var parts = TitleSeparator().Split(titleTag.Trim()).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count < 2 || parts[^1].Split(' ').Length > 4) return null;
        var suffix = parts[^1];
        if (declared is null) return null;
        var key = TextCleaner.Key(declared);
        var suffixKey = TextCleaner.Key(suffix);
        if (suffixKey.Length == 0) return null;
        return key.EndsWith(" " + suffixKey, StringComparison.Ordinal) || !key.Contains(suffixKey, StringComparison.Ordinal) ? suffix : null;
    }

    /// <summary>Removes the site name a title carries ("Headline | Site", "Headline - Site").</summary>
    internal static string? StripSiteName(string? title, string? siteName, bool fromTitleTag)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var parts = TitleSeparator().Split(title.Trim()).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count <= 1) return title.Trim();
        if (siteName is not null)
        {
            var kept = parts.Where(p => !SameSite(p, siteName)).ToList();
            if (kept.Count < parts.Count && kept.Count > 0) parts = kept;
        }
        if (parts.Count == 1) return parts[0];
        // From <title>, the headline is the longest part; og:title keeps its separators (they are part of the
        // headline), as written: "Office 365 – die Dritte" keeps its dash.
        if (fromTitleTag) return parts.OrderByDescending(p => p.Length).First();
        var first = title.IndexOf(parts[0], StringComparison.Ordinal);
        var last = title.LastIndexOf(parts[^1], StringComparison.Ordinal);
        return first >= 0 && last >= first ? title.Substring(first, last + parts[^1].Length - first).Trim() : string.Join(" - ", parts);
    }

    /// <summary>A title part names the site: the same name, or the same letters as the declared site name written as
    /// an address ("La Stampa" for "lastampa.it", "Example News" for "www.examplenews.com").</summary>
    private static bool SameSite(string part, string siteName)
    {
        if (OutletDetector.Key(part).Equals(OutletDetector.Key(siteName), StringComparison.Ordinal)) return true;
        var site = siteName.Trim().ToLowerInvariant();
        if (site.StartsWith("www.", StringComparison.Ordinal)) site = site[4..];
        if (site.LastIndexOf('.') is var dot and > 0 && site.Length - dot <= 4) site = site[..dot];
        static string Squeeze(string value) => new(value.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        var squeezed = Squeeze(site);
        return squeezed.Length >= 4 && Squeeze(part) == squeezed;
    }

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : TextCleaner.Normalize(System.Net.WebUtility.HtmlDecode(value));

    /// <summary>A title as a reader sees it: without soft hyphens (invisible break hints: "Mes\u00ADsen\u00ADger") and
    /// without a trailing media label ("(video)", "[Watch]", "(Photos)"), which says what the page embeds, not what it reports.</summary>
    private static string? CleanTitle(string? value) =>
        Clean(value) is { } title ? MediaLabel().Replace(title.Replace("\u00AD", ""), "").Trim() : null;

    [GeneratedRegex(@"\s+[(\[](?:video|videos|watch|photos?|pictures|gallery|listen|podcast|audio|live)[)\]]$", RegexOptions.IgnoreCase)]
    private static partial Regex MediaLabel();

    [GeneratedRegex(@"\s+[|–—·:»]\s+|\s+-\s+|\s+::\s+")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"date|time|datum|publi|posted|updated|submitted|meta|byline|dateline|info|zeit|fecha", RegexOptions.IgnoreCase)]
    private static partial Regex DateName();

    [GeneratedRegex(@"sr-only|visually-?hidden|screen-reader|element-invisible|assistive", RegexOptions.IgnoreCase)]
    private static partial Regex ScreenReaderName();

    [GeneratedRegex(@"kicker|topline|top-line|dachzeile|overline|over-line|roofline|eyebrow|supertitle|pretitle|pre-title|spitzmarke", RegexOptions.IgnoreCase)]
    private static partial Regex KickerName();

    [GeneratedRegex(@"\b(?:published|posted|updated|last updated|released|dated|veröffentlicht|erschienen|erstellt|aktualisiert|geschrieben|gespeichert|stand(?: des artikels)?|publié|mis à jour|publicado|postado|actualizado|pubblicato|aggiornato|opublikowano)\b(?:\s+(?:on|am|le|el|em|il|vom|:))?\s*:?|\b(?:pressemitteilung|meldung|artikel|beitrag|press release) vom\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateLabel();


    [GeneratedRegex(@"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|\.html?|$)")]
    private static partial Regex UrlDatePattern();
}

/// <summary>The text a reader sees on the page, whitespace collapsed, with the position of one marked element (the
/// headline) in it.</summary>
internal sealed class VisibleText
{
    private const int Limit = 400_000;
    private Dictionary<LocalDate, int>? dates;

    private VisibleText(string text, int markStart, int markEnd) => (Text, MarkStart, MarkEnd) = (text, markStart, markEnd);

    public string Text { get; }
    public int MarkStart { get; }
    public int MarkEnd { get; }

    /// <summary>Every day written somewhere on the page, with the position where it first appears.</summary>
    public Dictionary<LocalDate, int> Dates(bool monthFirst)
    {
        if (dates is not null) return dates;
        dates = [];
        foreach (var (date, index) in Dossier.Ingest.Dates.FindDates(Text, monthFirst)) dates.TryAdd(date, index);
        return dates;
    }

    /// <summary>The page's visible text, marking <paramref name="mark"/>; without that element (a headline set in an
    /// &lt;h2&gt; or a styled &lt;div&gt;), the first place where <paramref name="markText"/> is written.</summary>
    public static VisibleText Of(IHtmlDocument document, IElement? mark, string? markText)
    {
        var sb = new System.Text.StringBuilder();
        int markStart = -1, markEnd = -1;
        if (document.Body is not { } body) return new VisibleText("", -1, -1);
        // Nodes are pushed with a flag marking the end of the marked element, so its extent is known in one pass.
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((body, false));
        while (stack.Count > 0 && sb.Length < Limit)
        {
            var (node, exit) = stack.Pop();
            if (exit)
            {
                markEnd = sb.Length;
                continue;
            }
            if (node is IText text)
            {
                foreach (var c in text.Data)
                {
                    if (char.IsWhiteSpace(c)) { if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' '); }
                    else sb.Append(c);
                }
                continue;
            }
            // Menus, asides and footers carry other stories' dates and calendars, not the page's.
            if (node is not IElement element || element.LocalName is "script" or "style" or "template" or "noscript" or "nav" or "aside" or "footer") continue;
            if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
            if (ReferenceEquals(element, mark))
            {
                markStart = sb.Length;
                stack.Push((element, true));
            }
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--) stack.Push((children[i], false));
        }
        var visible = sb.ToString();
        if (markStart < 0 && markText is { Length: > 3 } && visible.IndexOf(markText, StringComparison.Ordinal) is var at and >= 0)
            (markStart, markEnd) = (at, at + markText.Length);
        return new VisibleText(visible, markStart, markEnd < 0 ? markStart : markEnd);
    }
}

/// <summary>The fields of the page's JSON-LD article object (NewsArticle, Article, BlogPosting…), found in @graph too.</summary>
internal sealed record JsonLd
{
    public string? Headline { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? DatePublished { get; init; }
    public string? DateModified { get; init; }
    public string? Publisher { get; init; }
    public string? Url { get; init; }
    public string? Language { get; init; }
    public string? Section { get; init; }
    public string? Image { get; init; }
    public string? ArticleBody { get; init; }

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "BlogPosting", "LiveBlogPosting", "ScholarlyArticle", "TechArticle", "Report", "SocialMediaPosting", "WebPage",
    };

    public static JsonLd Read(IHtmlDocument document)
    {
        JsonLd best = new();
        var bestRank = int.MaxValue;
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var json = script.TextContent;
            if (json.Length > 2_000_000) continue;
            try
            {
                using var parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                foreach (var item in Objects(parsed.RootElement))
                {
                    var type = Types(item).FirstOrDefault(ArticleTypes.Contains);
                    if (type is null) continue;
                    // A WebPage object is a fallback; an article type always wins.
                    var rank = type.Equals("WebPage", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                    if (rank >= bestRank) continue;
                    bestRank = rank;
                    best = new JsonLd
                    {
                        Headline = String(item, "headline") ?? String(item, "name"),
                        Authors = Names(item, "author").Concat(Names(item, "creator")).ToList(),
                        DatePublished = String(item, "datePublished") ?? String(item, "dateCreated"),
                        DateModified = String(item, "dateModified"),
                        Publisher = Names(item, "publisher").FirstOrDefault(),
                        Url = String(item, "url") ?? (item.TryGetProperty("mainEntityOfPage", out var m) ? (m.ValueKind == JsonValueKind.String ? m.GetString() : String(m, "@id")) : null),
                        Language = String(item, "inLanguage"),
                        Section = String(item, "articleSection"),
                        ArticleBody = String(item, "articleBody"),
                        Image = item.TryGetProperty("image", out var img) ? (img.ValueKind == JsonValueKind.String ? img.GetString() : String(img, "url")) : null,
                    };
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the page's other metadata still counts.
            }
        }
        return best;
    }

    /// <summary>Every object in the JSON-LD: the root, array items and @graph members (iteratively).</summary>
    private static IEnumerable<JsonElement> Objects(JsonElement root)
    {
        var stack = new Stack<JsonElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray()) stack.Push(item);
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                yield return element;
                if (element.TryGetProperty("@graph", out var graph)) stack.Push(graph);
            }
        }
    }

    private static IEnumerable<string> Types(JsonElement item)
    {
        if (!item.TryGetProperty("@type", out var type)) yield break;
        if (type.ValueKind == JsonValueKind.String) yield return type.GetString()!;
        else if (type.ValueKind == JsonValueKind.Array)
            foreach (var t in type.EnumerateArray())
                if (t.ValueKind == JsonValueKind.String) yield return t.GetString()!;
    }

    private static string? String(JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var value)) return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => value[0].GetString(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static IEnumerable<string> Names(JsonElement item, string property)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(property, out var value)) yield break;
        var values = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        foreach (var v in values)
        {
            var name = v.ValueKind == JsonValueKind.String ? v.GetString() : String(v, "name");
            if (!string.IsNullOrWhiteSpace(name)) yield return name.Trim();
        }
    }
}
