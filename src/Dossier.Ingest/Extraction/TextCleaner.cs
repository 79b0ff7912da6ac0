using System.Text;
using System.Text.RegularExpressions;
using Dossier.Core.Model;

namespace Dossier.Ingest.Extraction;

/// <summary>The article as the cleaner leaves it: body paragraphs, what was removed and why, and what the removed
/// lines revealed (title, authors, outlet).</summary>
internal sealed record CleanedText(
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<RemovedText> Removed,
    string? Title,
    IReadOnlyList<string> Authors,
    string? Outlet);

/// <summary>
/// Removes boilerplate blocks from an article's blocks (lines of pasted text, or the blocks of an HTML page's main
/// content) by the patterns in <see cref="BoilerplateRules"/> and <see cref="Credits"/>, recording every removal.
/// </summary>
internal static partial class TextCleaner
{
    /// <summary>Splits pasted text into blocks: one per line, or one per blank-line-separated paragraph when the text
    /// is hard-wrapped (paragraphs spread over several lines).</summary>
    public static List<string> SplitPlainText(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n').TrimStart('\uFEFF');
        var paragraphs = BlankLines().Split(normalized)
            .Select(p => p.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList())
            .Where(p => p.Count > 0)
            .ToList();
        var multiLine = paragraphs.Count(p => p.Count > 1);
        // Hard-wrapped text: most blank-line paragraphs span several lines; join them back.
        var hardWrapped = paragraphs.Count > 1 && multiLine >= paragraphs.Count * 0.3
                          && paragraphs.SelectMany(p => p).Average(l => l.Length) < 100;
        return hardWrapped
            ? paragraphs.Select(p => string.Join(' ', p)).ToList()
            : paragraphs.SelectMany(p => p).ToList();
    }

    /// <param name="blocks">The candidate body blocks, in order.</param>
    /// <param name="knownTitle">A title from metadata (HTML, JSONL, manifest); null to detect it from the first block.</param>
    /// <param name="detectTitle">Whether the first block may be taken as the title (pasted text).</param>
    public static CleanedText Clean(IReadOnlyList<string> blocks, string? knownTitle, bool detectTitle)
    {
        var items = blocks.Select(b => Normalize(b)).Where(b => b.Length > 0).ToList();
        var reasons = new string?[items.Count];
        string? title = knownTitle;
        if (items.Count > 0)
        {
            if (title is not null && IsTitleLine(Key(items[0]), Key(title))) reasons[0] = RemovalReasons.RepeatedTitle;
            else if (title is null && detectTitle && items.Count > 1 && IsHeadlineLike(items[0]))
            {
                title = items[0];
                reasons[0] = TitleMarker;
            }
        }

        var authors = new List<string>();
        var outletCandidates = new List<string>();
        MarkRepeats(items, reasons, title);
        MarkAppealBlock(items, reasons);
        for (var i = 0; i < items.Count; i++)
        {
            if (reasons[i] is not null) continue;
            var byline = Credits.ParseByline(items[i]);
            if (byline is not null)
            {
                reasons[i] = RemovalReasons.Byline;
                authors.AddRange(byline.Authors);
                if (byline.OutletHint is not null) outletCandidates.Add(byline.OutletHint);
                continue;
            }
            reasons[i] = BoilerplateRules.Classify(items[i]);
        }
        MarkEmbeds(items, reasons);
        MarkTail(items, reasons);
        for (var i = 0; i < items.Count; i++)
        {
            if (reasons[i] is null && Credits.IsAuthorBio(items[i], authors, nearEnd: i >= items.Count - 3))
                reasons[i] = RemovalReasons.AuthorBio;
        }

        var paragraphs = new List<string>();
        var removed = new List<RemovedText>();
        for (var i = 0; i < items.Count; i++)
        {
            var reason = reasons[i];
            if (reason is null)
            {
                paragraphs.Add(items[i]);
                continue;
            }
            if (reason == TitleMarker) continue; // the title is kept as metadata, not lost
            removed.Add(new RemovedText(items[i], reason));
            if (reason is RemovalReasons.AuthorBio && Credits.OutletInBio(items[i]) is { } bioOutlet) outletCandidates.Add(bioOutlet);
            else if (reason is not (RemovalReasons.RelatedLink or RemovalReasons.SocialEmbed or RemovalReasons.RepeatedTitle or RemovalReasons.RepeatedBlock))
                outletCandidates.AddRange(OutletDetector.Candidates(items[i]));
        }
        return new CleanedText(paragraphs, removed, title, authors.Distinct(StringComparer.Ordinal).ToList(), OutletDetector.Choose(outletCandidates));
    }

    private const string TitleMarker = "\u0000title";

    /// <summary>
    /// A headline: short, no final full stop, and mostly capitalised words or brief. A first line that is a full
    /// sentence ending in a period is a lead paragraph, not a title.
    /// </summary>
    internal static bool IsHeadlineLike(string line)
    {
        if (line.Length is < 8 or > 200) return false;
        if (line[^1] is '.' or ',' or ':' or ';') return false;
        if (BoilerplateRules.Classify(line) is not null || Credits.ParseByline(line) is not null) return false;
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 30 || SentenceBreak().IsMatch(line)) return false;
        var significant = words.Where(w => w.Count(char.IsLetter) >= 4).ToList();
        var capitalised = significant.Count(w => char.IsUpper(w.First(char.IsLetter)));
        return line.Length <= 90 || (significant.Count > 0 && capitalised >= significant.Count * 0.6);
    }

    /// <summary>Duplicated blocks (a pasted title or standfirst repeated, a title quoted again and again) keep their first copy.</summary>
    private static void MarkRepeats(List<string> items, string?[] reasons, string? title)
    {
        var titleKey = title is null ? null : Key(title);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (reasons[i] is not null) continue;
            var key = Key(items[i]);
            if (key.Length == 0) continue;
            if (titleKey is { Length: > 0 } && (key == titleKey || key.Replace(titleKey, "").Trim().Length == 0))
                reasons[i] = RemovalReasons.RepeatedTitle;
            else if (!seen.Add(key))
                reasons[i] = RemovalReasons.RepeatedBlock;
        }
    }

    /// <summary>
    /// An appeal block ("A Message from …", "Dear readers, …") after the story runs to its end:
    /// the outlet's own message, not the report.
    /// </summary>
    private static void MarkAppealBlock(List<string> items, string?[] reasons)
    {
        // After the story has begun (two blocks at least, a third of the way in): an appeal opening the page is not
        // followed by the article's end.
        for (var i = Math.Max(2, items.Count / 3); i < items.Count; i++)
        {
            if (!BoilerplateRules.StartsAppealBlock(items[i])) continue;
            for (var j = i; j < items.Count; j++) reasons[j] ??= RemovalReasons.DonationAppeal;
            return;
        }
    }

    /// <summary>
    /// Past the last stretch of the article (after 60% of its blocks), a heading such as "Related articles",
    /// "Comments" or "About the author" opens the page's tail: everything after it goes with it.
    /// </summary>
    private static void MarkTail(List<string> items, string?[] reasons)
    {
        for (var i = Math.Max(3, (int)(items.Count * 0.6)); i < items.Count; i++)
        {
            // A heading opens the tail; so does a run of story cards, each with its own "Name Month D, YYYY" line.
            var start = BoilerplateRules.IsTailMarker(items[i]) ? i : CardRunStart(items, i);
            if (start < 0) continue;
            var reason = reasons[start] ?? RemovalReasons.RelatedLink;
            for (var j = start; j < items.Count; j++) reasons[j] ??= reason;
            return;
        }
    }

    /// <summary>
    /// Teasers of other stories often come as cards: a headline, perhaps a standfirst, and a meta line of author and
    /// date only ("Jane Doe March 3, 2024"). A meta line followed by another within a few blocks is such a run; it
    /// starts at the first card's headline, the short line just above its meta line.
    /// </summary>
    private static int CardRunStart(List<string> items, int i)
    {
        if (!BoilerplateRules.IsCardMeta(items[i])) return -1;
        var next = Enumerable.Range(i + 1, Math.Min(6, items.Count - i - 1)).Any(j => BoilerplateRules.IsCardMeta(items[j]));
        if (!next) return -1;
        return i > 0 && items[i - 1].Length < 160 && !SentenceBreak().IsMatch(items[i - 1]) ? i - 1 : i;
    }

    /// <summary>
    /// An embedded post is its text (with a pic.twitter.com or t.co link) above an attribution line
    /// ("— Name (@handle) Month D, YYYY"). Its text lines are the ones just above: those with the link, and those
    /// set in different typography from the article (straight quotes where the article uses curly ones), which is
    /// how a widget's raw text looks among an outlet's typeset paragraphs.
    /// </summary>
    private static void MarkEmbeds(List<string> items, string?[] reasons)
    {
        var curlyDocument = items.Sum(i => i.Count(c => c is '“' or '”')) > items.Sum(i => i.Count(c => c == '"'));
        for (var i = 0; i < items.Count; i++)
        {
            if (!BoilerplateRules.IsTweetAttribution(items[i])) continue;
            reasons[i] = RemovalReasons.SocialEmbed;
            for (var j = i - 1; j >= Math.Max(0, i - 4); j--)
            {
                var line = items[j];
                var foreign = curlyDocument && line.Contains('"') && !line.Contains('“') && !line.Contains('”') && line.Length <= 280;
                if (!BoilerplateRules.HasEmbedLink(line) && !foreign) break;
                reasons[j] = RemovalReasons.SocialEmbed;
            }
        }
    }

    /// <summary>Whitespace collapsed (NBSP and other Unicode spaces included), ends trimmed.</summary>
    /// <summary>The headline as the page prints it at the top of the text: the title itself, or the title under a short
    /// topic label that the title metadata leaves out ("Consumer protection More transparency on price rises").</summary>
    private static bool IsTitleLine(string key, string titleKey)
    {
        if (key == titleKey) return true;
        if (titleKey.Length == 0 || !key.EndsWith(" " + titleKey, StringComparison.Ordinal) || titleKey.Split(' ').Length < 3) return false;
        return key[..^titleKey.Length].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5;
    }

    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A comparison key: lower case letters and digits only, so quotes and punctuation do not hide a repeat.</summary>
    public static string Key(string text) => NonWord().Replace(text.ToLowerInvariant(), " ").Trim();

    /// <summary>Two sentences on one line ("… said. The …"): prose, not a headline. Initials (U.S. President) do not count.</summary>
    [GeneratedRegex(@"\p{Ll}{2}[.!?] \p{Lu}")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\n[ \t\u00A0]*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
