using System.Text.RegularExpressions;

namespace Dossier.Ingest.Extraction;

/// <summary>Why a block was taken out of the body (the <c>reason</c> of a removed text).</summary>
public static class RemovalReasons
{
    public const string DonationAppeal = "donation-appeal";
    public const string Newsletter = "newsletter";
    public const string Byline = "byline";
    public const string AuthorBio = "author-bio";
    public const string RelatedLink = "related-link";
    public const string SocialEmbed = "social-embed";
    public const string SocialFollow = "social-follow";
    public const string ShareBar = "share-bar";
    public const string CommentPrompt = "comment-prompt";
    public const string RepeatedTitle = "repeated-title";
    public const string RepeatedBlock = "repeated-block";
    public const string PhotoCredit = "photo-credit";
    public const string Copyright = "copyright";
    public const string Advertisement = "advertisement";
    public const string Tags = "tags";
    public const string Dateline = "dateline";
    public const string Popup = "popup";
    public const string OutletBoilerplate = "outlet-boilerplate";
    public const string Navigation = "navigation";
    public const string LinkList = "link-list";
    public const string Caption = "caption";
    public const string AdblockNotice = "adblock-notice";
    public const string Disclosure = "affiliate-disclosure";
    public const string Fragment = "fragment";
}

/// <summary>
/// Line-level patterns a news reader recognises as not part of the report: appeals, prompts, credits, link lines.
/// Each rule is about the shape of the line, never about a particular site.
/// </summary>
internal static partial class BoilerplateRules
{
    /// <summary>The reason a single block is boilerplate on its own, or null.</summary>
    public static string? Classify(string line)
    {
        if (line.Length > 600) return null; // boilerplate lines are short; a long block is article prose
        if (!line.Any(char.IsLetterOrDigit)) return RemovalReasons.Fragment;
        if (DateOnly().IsMatch(line)) return RemovalReasons.Dateline;
        if (AdblockNotice().IsMatch(line)) return RemovalReasons.AdblockNotice;
        if (Disclosure().IsMatch(line)) return RemovalReasons.Disclosure;
        if (CommentPrompt().IsMatch(line)) return RemovalReasons.CommentPrompt;
        if (RelatedLine().IsMatch(line) || RelatedHeading().IsMatch(line)) return RemovalReasons.RelatedLink;
        if (PhotoCredit().IsMatch(line)) return RemovalReasons.PhotoCredit;
        if (ShareBar().IsMatch(line)) return RemovalReasons.ShareBar;
        if (Advertisement().IsMatch(line)) return RemovalReasons.Advertisement;
        if (Popup().IsMatch(line)) return RemovalReasons.Popup;
        if (TweetAttribution().IsMatch(line) || EmbedLink().IsMatch(line) || InstagramEmbed().IsMatch(line) || EmbedPlaceholder().IsMatch(line)) return RemovalReasons.SocialEmbed;
        if (Tags().IsMatch(line)) return RemovalReasons.Tags;
        if (AuthorHeading().IsMatch(line)) return RemovalReasons.AuthorBio;
        if (Counter().IsMatch(line)) return RemovalReasons.Fragment;
        if (Dateline().IsMatch(line)) return RemovalReasons.Dateline;
        if (ContainsSpeech(line)) return null; // a quoted appeal or call to follow is reported speech, not the outlet's own
        if (Copyright().IsMatch(line)) return RemovalReasons.Copyright;
        if (IsDonationAppeal(line)) return RemovalReasons.DonationAppeal;
        if (IsNewsletter(line)) return RemovalReasons.Newsletter;
        if (SocialFollow().IsMatch(line) || FollowOutletOn().IsMatch(line)) return RemovalReasons.SocialFollow;
        return null;
    }

    /// <summary>
    /// A heading that opens the page's tail: related stories, comments, the author box, tags. Below it come
    /// teasers and reader comments, which look like prose but are not the article.
    /// </summary>
    public static bool IsTailMarker(string line) =>
        line.Length < 80 && (RelatedHeading().IsMatch(line) || CommentPrompt().IsMatch(line) || AuthorHeading().IsMatch(line));

    /// <summary>A story card's meta line: a name of two to four capitalised words, then a date and nothing else
    /// ("Jane Doe March 3, 2024", "Anna Berg 03.11.2023").</summary>
    public static bool IsCardMeta(string line) => line.Length < 80 && CardMeta().IsMatch(line);

    [GeneratedRegex(@"^(?:by\s+)?(?:\p{Lu}[\p{L}'’.-]+\s+){2,4}[|·•,–-]?\s*(?:\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+\p{L}{3,9}\.?\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4})$")]
    private static partial Regex CardMeta();

    /// <summary>A line that opens an appeal block ("A Message from …", "Dear readers,"): what follows it is the appeal.</summary>
    public static bool StartsAppealBlock(string line) => line.Length < 200 && AppealBlockStart().IsMatch(line);

    public static bool IsTweetAttribution(string line) => TweetAttribution().IsMatch(line);

    public static bool HasEmbedLink(string line) => EmbedLink().IsMatch(line);

    /// <summary>An appeal asks the reader (you/us) for money or support for the outlet's work.</summary>
    public static bool IsDonationAppeal(string line) =>
        AppealAsk().IsMatch(line) && AppealAddress().IsMatch(line) && AppealTopic().IsMatch(line);

    private static bool IsNewsletter(string line) =>
        NewsletterStart().IsMatch(line) || (line.Length < 300 && NewsletterWord().IsMatch(line) && NewsletterAction().IsMatch(line));

    /// <summary>True when the line carries quoted speech: an opening quote mark followed by text.</summary>
    public static bool ContainsSpeech(string line) => QuotedSpeech().IsMatch(line);

    [GeneratedRegex(@"^(?:leave a (?:comment|reply)|post a comment|add (?:a|your) comment|\d+\s+comments?|comments?(?:\s*\(\d+\))?|join the (?:conversation|discussion)|(?:view|show|load|read|see) (?:all )?(?:\d+ )?comments|be the first to comment|comment on this (?:story|article|post)|have your say|comments are closed|kommentar(?:e)? schreiben|kommentare geschlossen|kommentieren|schreibe einen kommentar|hinterlasse einen kommentar|was denkst du\??|what do you think\??|(?:war|ist) (?:der|dieser) artikel (?:hilfreich|nützlich)\??|was this (?:article|post|page) (?:helpful|useful)\??|bewerten|rate this(?: article| post)?|(?:möchten sie )?(?:den|diesen) artikel teilen\??|laisser un commentaire|deja un comentario)\s*[.:!…]?$", RegexOptions.IgnoreCase)]
    private static partial Regex CommentPrompt();

    [GeneratedRegex(@"^(?:read(?: more| also| next| this)?|also read|see also|related(?: articles?| stories| coverage| reading| content| news)?|more(?:\s+(?:on|from|about)\b[^:]{0,40})?|recommended(?: reading)?|watch|listen|most read|trending|don'?t miss|must read|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|lee también|leer también|читайте также)\s*[:：|»›>–—-]\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex RelatedLine();

    [GeneratedRegex(@"^(?:related(?: articles?| stories| posts| coverage| news| content| reading| topics| video)?|read more|more stories|more news|recommended(?: for you| stories| reading)?|you (?:may|might) (?:also )?(?:like|be interested in|enjoy)|most (?:read|popular|viewed)|trending(?: now| stories)?|see (?:more|also)|top stories|latest(?: news| stories| articles)?|recent (?:articles|posts|stories)|(?:previous|next) (?:post|article|story)|explore more(?: on these topics)?|more (?:from|on) this topic|in this topic|more in .{1,30}|more (?:on|from) .{1,40}|more (?:coverage|related stories|to explore)|(?:what to )?read next|up next|keep reading|further reading|(?:from )?around the web|sponsored stories|top trends|visual stories|popular (?:now|posts|stories)|editors?'?s?'? (?:picks|recommendations)|(?:our )?recommendations|cite this (?:page|article|story)|continue reading|meist ?gelesen(?:e (?:artikel|beiträge))?|neueste (?:artikel|beiträge|nachrichten)|top[- ]themen(?: der redaktion)?|weiterführende (?:informationen|links|artikel)|weiterlesen|mehr lesen|ähnliche (?:beiträge|artikel|themen)|verwandte (?:beiträge|artikel)|auch interessant|das (?:thema )?könnte (?:dich|sie) auch interessieren|weitere (?:artikel|beiträge|nachrichten)|mehr zum thema|meistgelesen|schon gelesen\??|passend zum thema|empfohlene (?:artikel|beiträge)|lire (?:la suite|aussi)|à lire aussi|à voir aussi|sur le même (?:sujet|thème)|vous aimerez aussi|articles similaires|leer más|lee también|artículos relacionados|(?:contenido|notas|noticias) relacionad[oa]s|(?:también )?te puede interesar|leggi anche|articoli correlati|potrebbe interessarti|czytaj (?:też|także|więcej)|zobacz (?:też|także)|читайте также)\s*[:.…]?$", RegexOptions.IgnoreCase)]
    private static partial Regex RelatedHeading();

    [GeneratedRegex(@"^(?:photo of (?:the )?author|author(?:'s)? (?:photo|image|avatar)|(?:photo|photograph|image|picture|pictured|foto|bild|featured image)(?:\s+credits?)?\s*(?::|by\b|courtesy\b|via\b)|(?:credit|image source)\s*:|\(?(?:photo|image|file photo)\s*:)|(?:/|\|)\s*(?:getty images|reuters|ap photo|afp|epa|shutterstock|alamy)\)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PhotoCredit();

    [GeneratedRegex(@"^(?:(?:share(?: this(?: article| story| post)?)?(?: on| via)?|tweet|e-?mail|print|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|copy(?: the)? link|messenger|flipboard|pocket|bluesky|threads)\s*[|,·•:/]?\s*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex ShareBar();

    [GeneratedRegex(@"^[-–—\s]*(?:advertisement|advertising|sponsored(?: content)?|ad|anzeige|werbung|publicité|publicidad|pubblicità|reklama|реклама|story continues below(?: advertisement)?|article continues below(?: advertisement)?|scroll to continue(?: with content)?|continue reading below)[-–—\s]*[.:]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Advertisement();

    [GeneratedRegex(@"^(?:remind me (?:later|tomorrow|next week)|never remind me|maybe later|no,? thanks?|not now|dismiss|accept(?: all)?(?: cookies)?|got it|close(?: this)?(?: window| message)?|you are (?:now )?logged in\.?|your subscription has been confirmed.*|thanks? (?:you )?for (?:signing up|subscribing).*|log ?in|sign in|register|skip to (?:main )?content|back to top|loading\.*|×|by)\s*[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Popup();

    /// <summary>The attribution line under an embedded post: "— Name (@handle) Month D, YYYY".</summary>
    [GeneratedRegex(@"^[—–-]{1,2}\s*[^()\n]{0,80}\(@\w{1,30}\)\s*(?:\p{L}+\.? \d{1,2}, \d{4}|\d{1,2}\.? \p{L}+\.? \d{4})\s*$")]
    private static partial Regex TweetAttribution();

    [GeneratedRegex(@"(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex EmbedLink();

    [GeneratedRegex(@"^(?:a post shared by .{1,80}\(@[\w.]+\)|view this post on (?:instagram|tiktok|facebook|x)|watch on youtube)", RegexOptions.IgnoreCase)]
    private static partial Regex InstagramEmbed();

    /// <summary>A line that is only a date, perhaps with a time and a weekday ("December 22, 2023", "Dec 20, 2023 10:15 AM").</summary>
    [GeneratedRegex(@"^(?:(?:updated|published|posted)\s*:?\s*)?(?:\p{L}+,?\s+)?(?:\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\.?\s+\p{L}{3,9}\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DateOnly();

    [GeneratedRegex(@"\bad[\s-]?block(?:er|ers|ing)?\b|\bwhitelist (?:us|our site)|\bdisable your ad\b", RegexOptions.IgnoreCase)]
    private static partial Regex AdblockNotice();

    [GeneratedRegex(@"\b(?:we|may|might) (?:earn|receive|get) (?:a )?(?:small )?(?:commission|compensation|share of (?:the )?(?:sales|revenue))|\baffiliate (?:link|commission|partnership)s?\b|\b(?:independently|editorially) (?:selected|chosen)\b.{0,80}\b(?:commission|earn)", RegexOptions.IgnoreCase)]
    private static partial Regex Disclosure();

    [GeneratedRegex(@"^(?:toggle caption|(?:instagram|twitter|youtube|tiktok|facebook|x|spotify|podcast) (?:content|embed|post)|this content can also be viewed on the site it originates from\.?|(?:watch|play)(?: the)? video|click to (?:play|expand|enlarge)|enlarge this image|hide caption|image \d+ of \d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EmbedPlaceholder();

    [GeneratedRegex(@"^(?:about the author|über den autor|über die autorin|zum autor|zur autorin|à propos de l'auteur|sobre el autor|l'autore|o autorze|об авторе)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorHeading();

    /// <summary>View and comment counters ("Views: 1,204", "Aufrufe: 87", "3 min read").</summary>
    [GeneratedRegex(@"^(?:(?:views?|aufrufe|hits|zugriffe|lesezeit|reading time)\s*:?\s*[\d.,]*\s*(?:min\.?|minutes?|minuten)?|\d+\s*(?:min(?:ute)?s?\.?|minuten) (?:read|lesezeit|lesen)|[\d.,]+\s*(?:views|aufrufe|shares|likes))$", RegexOptions.IgnoreCase)]
    private static partial Regex Counter();

    [GeneratedRegex(@"^(?:(?:tags?|tagged(?: with)?|topics?|filed under|categories|category|keywords|schlagworte|schlagwörter|stichworte|stichwörter|themen|kategorien?|étiquettes|etiquetas)\s*[:：]|(?:schlagworte|schlagwörter|stichworte|tags|themen)$|this entry was posted\b|(?:posted|filed) in\b.{0,80}$)", RegexOptions.IgnoreCase)]
    private static partial Regex Tags();

    [GeneratedRegex(@"^(?:published|posted|updated|last updated|first published|veröffentlicht|aktualisiert|erstellt|geschrieben|publié|publicado|pubblicato)\b(?:\s+on)?\s*:?\s*.{0,60}\b\d{4}\b.{0,30}$", RegexOptions.IgnoreCase)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b", RegexOptions.IgnoreCase)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"\b(?:donat(?:e|es|ed|ion|ions|ing)|contribut(?:e|ion|ions|ing)|support(?:ing)? (?:us|our|independent)|by supporting|become a (?:member|patron|supporter|subscriber)|subscrib(?:e|ing) to (?:us|our)|need your (?:help|support)|your support|help us|chip in|patreon|buy me a coffee|sustain)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AppealAsk();

    [GeneratedRegex(@"\b(?:you|your|you're|us|our|we)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AppealAddress();

    [GeneratedRegex(@"\b(?:journalism|journalists|reporting|news|newsroom|coverage|work|mission|media|difference|impact)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AppealTopic();

    [GeneratedRegex(@"^(?:a message from\b|dear (?:readers?|friends|subscribers|supporters|reader)\b|(?:please )?support (?:us|independent journalism|our journalism)\b|before you go\b|one more thing\b|we have a (?:small )?favou?r to ask\b|support (?:the|our) (?:newsroom|journalism|work)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AppealBlockStart();

    [GeneratedRegex(@"^(?:sign up|subscribe|get (?:our|the) .{0,40}newsletter|join our (?:mailing list|newsletter))\b", RegexOptions.IgnoreCase)]
    private static partial Regex NewsletterStart();

    [GeneratedRegex(@"\bnewsletters?\b", RegexOptions.IgnoreCase)]
    private static partial Regex NewsletterWord();

    [GeneratedRegex(@"\b(?:sign up|subscribe|inbox|delivered|e-?mail address|our free|enter your)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NewsletterAction();

    [GeneratedRegex(@"^(?:connect with us|follow us|like us on|find us on|join us on|stay connected|follow (?:me|our)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SocialFollow();

    [GeneratedRegex(@"\bfollow (?:the )?(?-i:\p{Lu}).{0,60}\bon (?:facebook|twitter|x|instagram|telegram|youtube|tiktok|linkedin|threads|bluesky)\b.{0,80}$", RegexOptions.IgnoreCase)]
    private static partial Regex FollowOutletOn();

    [GeneratedRegex("[\"“”„«»]\\s*\\p{L}[^\"“”„«»]{3,}[\"“”„«»]")]
    private static partial Regex QuotedSpeech();
}
