using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Dossier.Core.Model;

namespace Dossier.Ingest.Extraction;

/// <summary>An HTML page reduced to its candidate body blocks and metadata, before line-level cleaning.</summary>
internal sealed record HtmlPage(IReadOnlyList<string> Blocks, IReadOnlyList<RemovedText> Removed, PageMetadata Metadata);

/// <summary>
/// Finds a page's article: drops non-content elements (scripts, navigation, share bars, related lists, comments…),
/// scores the remaining blocks by text density, commas and link density (Readability's idea), takes the best
/// container and its related siblings, and flattens it into paragraph blocks (headings, list items, quotes kept).
/// Every walk over the DOM is iterative, so deeply nested pages cannot overflow the stack.
/// </summary>
internal static partial class HtmlExtractor
{
    /// <summary>Never article text.</summary>
    private static readonly HashSet<string> JunkTags =
    [
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button", "select",
        "input", "textarea", "label", "dialog", "picture", "video", "audio", "map", "head", "link", "meta", "figcaption",
    ];

    /// <summary>Usually not article text, but some sites wrap the whole page in one (a &lt;form&gt;, a &lt;header&gt;).</summary>
    private static readonly HashSet<string> FurnitureTags = ["nav", "footer", "aside", "form", "menu", "figure", "header"];

    /// <summary>Below this many characters, a page-level result is suspicious: it is retried without class/id pruning.</summary>
    private const int ShortResult = 500;

    private static readonly HashSet<string> BlockTags =
    [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd", "dt",
        "blockquote", "pre", "table", "tr", "tbody", "thead", "header", "address", "center", "hr", "body", "details", "summary",
    ];

    public static HtmlPage Extract(string html, MetadataHints hints)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var document = parser.ParseDocument(html);
        var metadata = PageMetadataReader.Read(document, hints);
        var (blocks, removed) = Content(document, pruneByName: true);
        // Class names mislead sometimes ("has-sidebar" on the article's wrapper): a thin result is retried without the
        // weak ones (a consent box or a comment thread is never the article, however short the article is).
        if (blocks.Sum(b => b.Length) < ShortResult)
        {
            var (retryBlocks, retryRemoved) = Content(parser.ParseDocument(html), pruneByName: false);
            if (retryBlocks.Sum(b => b.Length) > blocks.Sum(b => b.Length) * 2) (blocks, removed) = (retryBlocks, retryRemoved);
        }
        // Paywalled and script-rendered pages may carry the full text only in their JSON-LD articleBody.
        if (metadata.ArticleBody is { } articleBody && articleBody.Length > Math.Max(ShortResult, blocks.Sum(b => b.Length) * 2))
            blocks = TextCleaner.SplitPlainText(System.Net.WebUtility.HtmlDecode(articleBody));
        return new HtmlPage(blocks, removed, metadata);
    }

    private static (List<string> Blocks, List<RemovedText> Removed) Content(IHtmlDocument document, bool pruneByName)
    {
        var removed = new List<RemovedText>();
        var blocks = new List<string>();
        var body = document.Body;
        if (body is null) return (blocks, removed);
        RemoveJunk(body);
        RemoveFurniture(body, Measure(body), pruneByName);
        var segments = Segment(body, out var ranges);
        var chosen = ChooseContent(body, segments, ranges);
        var (from, to) = ranges.TryGetValue(chosen, out var range) ? range : (0, segments.Count);
        for (var i = from; i < to; i++)
        {
            var segment = segments[i];
            if (segment.IsLinkList) removed.Add(new RemovedText(segment.Text, RemovalReasons.LinkList));
            else blocks.Add(segment.Text);
        }
        return (blocks, removed);
    }

    private static void RemoveJunk(IElement body)
    {
        var doomed = Dom.Elements(body).Where(e => JunkTags.Contains(e.LocalName)).ToList();
        foreach (var element in doomed) element.Remove();
    }

    /// <summary>
    /// Removes navigation, footers, asides, and containers whose class or id names a kind of boilerplate (share,
    /// related, comments, newsletter, ads…), unless one holds much of the page's text: then it wraps the article.
    /// </summary>
    private static void RemoveFurniture(IElement body, Dictionary<IElement, Stats> stats, bool pruneByName)
    {
        var total = Math.Max(1, stats[body].Text);
        var doomed = new List<IElement>();
        foreach (var element in Dom.Elements(body))
        {
            var tag = element.LocalName;
            // Hidden elements count as furniture, not junk: paywalled pages often hide the article body itself.
            var named = tag is "article" or "main" ? Naming.None : NamedBoilerplate(element);
            if (named == Naming.Weak && !pruneByName) named = Naming.None;
            var furniture = FurnitureTags.Contains(tag) || IsHidden(element) || named != Naming.None;
            if (!furniture) continue;
            var s = stats[element];
            // A consent box or a comment thread can outweigh a short article: those names are trusted at any size.
            if (named == Naming.Strong || s.Text < total * 0.4 || LinkDensity(s) > 0.5) doomed.Add(element);
        }
        foreach (var element in doomed) element.Remove();
    }

    private static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style));

    /// <summary>
    /// One of the element's names (class tokens, id, role) names boilerplate ("related-content", "article-meta",
    /// "author-bio", "cookiehint"), and none names only content: "story has-sidebar" is the article's wrapper with a modifier.
    /// </summary>
    private static Naming NamedBoilerplate(IElement element)
    {
        var names = $"{element.ClassName} {element.Id} {element.GetAttribute("role")}";
        if (names.Length <= 2 || !BoilerplateName().IsMatch(names)) return Naming.None;
        foreach (var token in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (ContentName().IsMatch(token) && !BoilerplateName().IsMatch(token)) return Naming.None;
        return StrongBoilerplateName().IsMatch(names) ? Naming.Strong : Naming.Weak;
    }

    /// <summary>What an element's names say: nothing, boilerplate that a big enough element may still override
    /// (a "sidebar" class on the article's own wrapper), or boilerplate that no article is ever named after.</summary>
    private enum Naming { None, Weak, Strong }

    private sealed class Stats
    {
        public int Text;
        public int Links;
    }

    /// <summary>Text and link-text counts of every element, bottom-up, in one post-order pass.</summary>
    private static Dictionary<IElement, Stats> Measure(IElement root)
    {
        var stats = new Dictionary<IElement, Stats>();
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is not IElement element) continue;
            if (!exit)
            {
                stack.Push((node, true));
                var children = element.ChildNodes;
                for (var i = children.Length - 1; i >= 0; i--)
                    if (children[i] is IElement) stack.Push((children[i], false));
                continue;
            }
            var s = new Stats();
            foreach (var child in element.ChildNodes)
            {
                if (child is IText text) s.Text += CountVisible(text.Data);
                else if (child is IElement e && stats.TryGetValue(e, out var cs))
                {
                    s.Text += cs.Text;
                    s.Links += cs.Links;
                }
            }
            if (element.LocalName == "a") s.Links = s.Text;
            stats[element] = s;
        }
        return stats;
    }

    private static double LinkDensity(Stats s) => s.Text == 0 ? 0 : (double)s.Links / s.Text;

    /// <summary>One future paragraph: the text between two block boundaries, and the innermost block that holds it.</summary>
    private sealed record TextSegment(string Text, int LinkChars, IElement Owner, bool IsHeading)
    {
        public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;

        /// <summary>Mostly links and short: a list of related stories, a tag cloud, a menu that survived pruning.</summary>
        public bool IsLinkList => !IsHeading && Text.Length < 300 && LinkChars > Text.Length * 0.6 && Text.Split(' ').Length <= 40;

        /// <summary>Prose: long enough, or a complete sentence, and not made of links.</summary>
        public bool IsProse => !IsHeading && LinkDensity < 0.33 && (Text.Length >= 80 || (Text.Length >= 25 && SentenceEnd().IsMatch(Text)));
    }

    /// <summary>
    /// Splits the page into text segments (every block-level element and every &lt;br&gt; ends one) and records, per
    /// element, the range of segments inside it.
    /// </summary>
    private static List<TextSegment> Segment(IElement root, out Dictionary<IElement, (int From, int To)> ranges)
    {
        var segments = new List<TextSegment>();
        var spans = new Dictionary<IElement, (int, int)>();
        var starts = new Dictionary<IElement, int>();
        var blocks = new Stack<IElement>();
        blocks.Push(root);
        var current = new StringBuilder();
        var linkChars = 0;
        var linkDepth = 0;
        var headingDepth = 0;

        void Flush()
        {
            var text = TextCleaner.Normalize(current.ToString());
            current.Clear();
            if (text.Length > 0) segments.Add(new TextSegment(text, Math.Min(linkChars, text.Length), blocks.Peek(), headingDepth > 0));
            linkChars = 0;
        }

        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText text)
            {
                current.Append(text.Data);
                if (linkDepth > 0) linkChars += text.Data.Length;
                continue;
            }
            if (node is not IElement element) continue;
            var tag = element.LocalName;
            var isBlock = BlockTags.Contains(tag);
            if (!exit)
            {
                if (tag == "br")
                {
                    Flush();
                    continue;
                }
                if (isBlock)
                {
                    Flush();
                    blocks.Push(element);
                }
                else if (tag is "td" or "th") current.Append(' ');
                if (tag == "a") linkDepth++;
                if (tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6") headingDepth++;
                starts[element] = segments.Count;
                stack.Push((element, true));
                var childNodes = element.ChildNodes;
                for (var i = childNodes.Length - 1; i >= 0; i--) stack.Push((childNodes[i], false));
                continue;
            }
            if (isBlock) Flush();
            else if (tag is "td" or "th") current.Append(' ');
            if (tag == "a") linkDepth--;
            if (tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6") headingDepth--;
            if (isBlock && blocks.Count > 1) blocks.Pop();
            spans[element] = (starts[element], segments.Count);
        }
        Flush();
        ranges = spans;
        return segments;
    }

    /// <summary>
    /// The article is the element that best separates prose from furniture: it maximises the prose it holds minus the
    /// non-prose (links, short fragments) it would drag in. A container of the whole page holds all prose but all the
    /// furniture too; one paragraph holds little. Headings count for neither side.
    /// </summary>
    private static IElement ChooseContent(IElement body, List<TextSegment> segments, Dictionary<IElement, (int From, int To)> ranges)
    {
        var balance = new Dictionary<IElement, double>();
        foreach (var segment in segments)
        {
            if (segment.IsHeading) continue;
            var weight = segment.IsProse ? segment.Text.Length : -NoiseWeight * segment.Text.Length;
            var element = segment.Owner;
            // Deeply nested pages: crediting the nearest ancestors is enough to find the container.
            for (var level = 0; element is not null && level < 256; level++, element = element.ParentElement)
            {
                balance[element] = balance.GetValueOrDefault(element) + weight;
                if (element == body) break;
            }
        }
        var best = body;
        var bestScore = double.MinValue;
        foreach (var (element, score) in balance)
        {
            if (score > bestScore || (score == bestScore && ranges.TryGetValue(element, out var r) && ranges.TryGetValue(best, out var b) && r.To - r.From < b.To - b.From))
            {
                best = element;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>How much a character of non-prose costs against a character of prose when choosing the container.</summary>
    private const double NoiseWeight = 1.0;

    private static int CountVisible(string text)
    {
        var count = 0;
        foreach (var c in text) if (!char.IsWhiteSpace(c)) count++;
        return count;
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"(?:^|[\s_-])(?:share|sharing|social|socials|related|\w*cookie\w*|\w*consent\w*|login|password|commentlist|comment-list|recommend(?:ed|ations)?|comments?|newsletter|subscribe|subscription|cookies?|consent|gdpr|promo|promotion|advert|advertisement|ads?|adslot|banner|sponsor(?:ed)?|popup|modal|sidebar|widget|breadcrumbs?|navbar|nav|navigation|menu|footer|masthead|author-bio|tags|tag-list|paywall|outbrain|taboola|disqus|signup|donate|donation|more-stories|read-more|readmore|print|toolbar|skip|jump|pagination|pager|bylines?|authors?|bio|contributors?|captions?|credits?|disclaimer|disclosure|trending|popular|most-read|recirc(?:ulation)?|tooltip|meta|sr-only|visually-hidden|screen-reader(?:-text)?)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex BoilerplateName();

    /// <summary>Names no article wrapper carries: consent and login boxes, newsletter sign-ups, and a comment thread
    /// named as such ("comments", "comment-list"; "live-match-comments" is a live blog, not a thread).</summary>
    [GeneratedRegex(@"cookie|consent|gdpr|(?:^|\s)comments?(?:[-_]?(?:area|list|section|wrapper|container|thread))?(?:$|\s)|(?:^|[\s_-])(?:disqus|newsletter|signup|login|password|popup)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex StrongBoilerplateName();

    [GeneratedRegex(@"(?:^|[\s_-])(?:article|body|content|entry|main|page|post|text|blog|story|prose|rich-text|articlebody)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex ContentName();

    [GeneratedRegex(@"[.!?…]['""”’)]?\s*$")]
    private static partial Regex SentenceEnd();
}
