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

    private static readonly HashSet<string> ParagraphTags = ["p", "pre", "td", "blockquote"];

    public static HtmlPage Extract(string html, MetadataHints hints)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var document = parser.ParseDocument(html);
        var metadata = PageMetadataReader.Read(document, hints);
        var (blocks, removed) = Content(document, pruneByName: true);
        // Class names mislead sometimes ("has-sidebar" on the article's wrapper): a thin result is retried without them.
        if (blocks.Sum(b => b.Length) < ShortResult)
        {
            var (retryBlocks, retryRemoved) = Content(parser.ParseDocument(html), pruneByName: false);
            if (retryBlocks.Sum(b => b.Length) > blocks.Sum(b => b.Length) * 2) (blocks, removed) = (retryBlocks, retryRemoved);
        }
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
        var stats = Measure(body);
        foreach (var element in ChooseContent(body, stats)) Flatten(element, blocks, removed);
        return (blocks, removed);
    }

    private static void RemoveJunk(IElement body)
    {
        var doomed = Dom.Elements(body).Where(e => JunkTags.Contains(e.LocalName) || IsHidden(e)).ToList();
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
            var furniture = FurnitureTags.Contains(tag)
                            || (pruneByName && tag is not ("article" or "main") && IsBoilerplateContainer(element));
            if (!furniture) continue;
            var s = stats[element];
            if (s.Text < total * 0.4 || LinkDensity(s) > 0.5) doomed.Add(element);
        }
        foreach (var element in doomed) element.Remove();
    }

    private static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style));

    private static bool IsBoilerplateContainer(IElement element)
    {
        var names = $"{element.ClassName} {element.Id} {element.GetAttribute("role")}";
        if (names.Length <= 2) return false;
        return BoilerplateName().IsMatch(names) && !ContentName().IsMatch(names);
    }

    private sealed class Stats
    {
        public int Text;
        public int Links;
        public int Commas;
        public double Score;
        public bool Candidate;
    }

    /// <summary>Text, link-text and comma counts of every element, bottom-up, in one post-order pass.</summary>
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
                for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
                    if (child is IElement) stack.Push((child, false));
                continue;
            }
            var s = new Stats();
            for (var child = element.FirstChild; child is not null; child = child.NextSibling)
            {
                if (child is IText text)
                {
                    var data = text.Data;
                    s.Text += CountVisible(data);
                    s.Commas += data.Count(c => c is ',' or '，' or '、');
                }
                else if (child is IElement e && stats.TryGetValue(e, out var cs))
                {
                    s.Text += cs.Text;
                    s.Links += cs.Links;
                    s.Commas += cs.Commas;
                }
            }
            if (element.LocalName == "a") s.Links = s.Text;
            stats[element] = s;
        }
        return stats;
    }

    /// <summary>
    /// Each paragraph-like element gives its parent a score (1 + commas + length/100, capped), half of it to the
    /// grandparent and less further up; containers are weighted by tag and class/id names and discounted by their
    /// link density. The best container, plus siblings that score close to it or are clean prose, is the article.
    /// </summary>
    private static List<IElement> ChooseContent(IElement body, Dictionary<IElement, Stats> stats)
    {
        foreach (var (element, s) in stats)
        {
            if (s.Text < 25) continue;
            var isParagraph = ParagraphTags.Contains(element.LocalName)
                              || (element.LocalName is "div" or "section" && DirectText(element) >= 25);
            if (!isParagraph) continue;
            var score = 1 + s.Commas + Math.Min(s.Text / 100.0, 3);
            var ancestor = element.ParentElement;
            for (var level = 0; ancestor is not null && level < 4; level++, ancestor = ancestor.ParentElement)
            {
                if (!stats.TryGetValue(ancestor, out var a)) break;
                if (!a.Candidate)
                {
                    a.Candidate = true;
                    a.Score = InitialScore(ancestor);
                }
                a.Score += level switch { 0 => score, 1 => score / 2, _ => score / (level * 3) };
            }
        }

        IElement? top = null;
        var topScore = double.MinValue;
        foreach (var (element, s) in stats)
        {
            if (!s.Candidate) continue;
            s.Score *= 1 - LinkDensity(s);
            if (s.Score > topScore)
            {
                topScore = s.Score;
                top = element;
            }
        }
        if (top is null) return [body];

        var parent = top.ParentElement;
        if (parent is null) return [top];
        var threshold = Math.Max(10, topScore * 0.2);
        var chosen = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == top) { chosen.Add(sibling); continue; }
            if (!stats.TryGetValue(sibling, out var s)) continue;
            var bonus = sibling.ClassName is { Length: > 0 } cls && cls == top.ClassName ? topScore * 0.2 : 0;
            if (s.Candidate && s.Score + bonus >= threshold) chosen.Add(sibling);
            else if (sibling.LocalName == "p" && s.Text > 80 && LinkDensity(s) < 0.25) chosen.Add(sibling);
            else if (sibling.LocalName == "p" && s.Text > 0 && LinkDensity(s) == 0 && SentenceEnd().IsMatch(Dom.Text(sibling))) chosen.Add(sibling);
        }
        return chosen;
    }

    private static double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var names = $"{element.ClassName} {element.Id}";
        if (names.Length > 1)
        {
            if (NegativeName().IsMatch(names)) score -= 25;
            if (ContentName().IsMatch(names)) score += 25;
        }
        if (element.LocalName == "article" || element.GetAttribute("itemprop") == "articleBody") score += 10;
        return score;
    }

    private static double LinkDensity(Stats s) => s.Text == 0 ? 0 : (double)s.Links / s.Text;

    private static int DirectText(IElement element)
    {
        var length = 0;
        foreach (var child in element.ChildNodes)
            if (child is IText text) length += CountVisible(text.Data);
        return length;
    }

    private static int CountVisible(string text)
    {
        var count = 0;
        foreach (var c in text) if (!char.IsWhiteSpace(c)) count++;
        return count;
    }

    /// <summary>
    /// Turns an element into paragraph blocks: every block-level element and every &lt;br&gt; ends a block; inline text
    /// runs join. A block whose text is mostly links (a list of related stories, a tag cloud) is removed.
    /// </summary>
    private static void Flatten(IElement root, List<string> blocks, List<RemovedText> removed)
    {
        var current = new StringBuilder();
        var linkChars = 0;
        var linkDepth = 0;
        var isHeading = false;

        void Flush()
        {
            var text = TextCleaner.Normalize(current.ToString());
            var links = linkChars;
            current.Clear();
            linkChars = 0;
            var heading = isHeading;
            isHeading = false;
            if (text.Length == 0) return;
            if (!heading && text.Length < 300 && links > text.Length * 0.6 && text.Split(' ').Length <= 40)
            {
                removed.Add(new RemovedText(text, RemovalReasons.LinkList));
                return;
            }
            blocks.Add(text);
        }

        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            switch (node)
            {
                case IText text when !exit:
                    current.Append(text.Data);
                    if (linkDepth > 0) linkChars += CountVisible(text.Data) + 1;
                    break;
                case IElement element when !exit:
                    var tag = element.LocalName;
                    if (tag == "br")
                    {
                        Flush();
                        break;
                    }
                    if (BlockTags.Contains(tag)) Flush();
                    else if (tag is "td" or "th") current.Append(' ');
                    if (tag == "a") linkDepth++;
                    if (tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6") isHeading = true;
                    stack.Push((element, true));
                    for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
                        stack.Push((child, false));
                    break;
                case IElement element:
                    if (element.LocalName == "a") linkDepth--;
                    if (BlockTags.Contains(element.LocalName)) Flush();
                    else if (element.LocalName is "td" or "th") current.Append(' ');
                    break;
            }
        }
        Flush();
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"(?:^|[\s_-])(?:share|sharing|social|socials|related|recommend(?:ed|ations)?|comments?|newsletter|subscribe|subscription|cookies?|consent|gdpr|promo|promotion|advert|advertisement|ads?|adslot|banner|sponsor(?:ed)?|popup|modal|sidebar|widget|breadcrumbs?|navbar|nav|navigation|menu|footer|masthead|author-bio|tags|tag-list|paywall|outbrain|taboola|disqus|signup|donate|donation|more-stories|read-more|readmore|print|toolbar|skip|jump|pagination|pager)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex BoilerplateName();

    [GeneratedRegex(@"(?:^|[\s_-])(?:article|body|content|entry|main|page|post|text|blog|story|prose|rich-text|articlebody)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex ContentName();

    [GeneratedRegex(@"(?:^|[\s_-])(?:hidden|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|dateline|caption|credit)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex NegativeName();

    [GeneratedRegex(@"[.!?…]['""”’)]?\s*$")]
    private static partial Regex SentenceEnd();
}
