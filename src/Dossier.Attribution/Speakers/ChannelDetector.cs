using System.Text.RegularExpressions;
using Dossier.Core.Model;

namespace Dossier.Attribution.Speakers;

/// <summary>Where a statement was made and to whom, as the attribution clause says.</summary>
public sealed record ChannelInfo(string? Channel, string? Addressee, bool Relayed);

/// <summary>
/// Reads the channel (Truth Social, X, a press conference, reporters, a named outlet…) and the addressee from an
/// attribution clause. A statement given to or carried from another news outlet ("according to TASS", "told the BBC",
/// "in Izvestia") is marked as relayed.
/// </summary>
public static partial class ChannelDetector
{
    /// <summary>Widely cited news outlets and agencies; an ORG entity after a relay phrase counts as well.</summary>
    private static readonly string[] Outlets =
    [
        "Associated Press", "AP", "Reuters", "Agence France-Presse", "AFP", "Bloomberg", "CNN", "BBC", "Fox News",
        "NBC News", "NBC", "CBS News", "CBS", "ABC News", "MSNBC", "NPR", "PBS", "Axios", "Politico",
        "The New York Times", "New York Times", "The Washington Post", "Washington Post", "The Wall Street Journal",
        "Wall Street Journal", "The Guardian", "Financial Times", "The Economist", "Sky News", "Al Jazeera",
        "Le Monde", "Der Spiegel", "Bild", "TASS", "RIA Novosti", "Interfax", "Izvestia", "Kommersant", "Vedomosti",
        "RBC", "RT", "Sputnik", "Ukrinform", "Ukrainska Pravda", "Kyiv Independent", "Kyiv Post", "Xinhua", "CCTV",
        "Kyodo", "Yonhap", "NHK", "Anadolu", "Newsmax", "The Hill", "USA Today", "Daily Mail", "The Telegraph",
        "The Independent", "Euronews", "Deutsche Welle", "France 24", "Haaretz", "The Atlantic", "Newsweek",
        "Meduza", "Novaya Gazeta", "The Moscow Times", "The Times", "Semafor", "Punchbowl News", "CNBC",
    ];

    private static readonly (Regex Pattern, string Channel)[] Platforms =
    [
        (new Regex(@"\bTruth\s+Social\b", RegexOptions.CultureInvariant), "Truth Social"),
        (new Regex(@"\b(?:on|to|via)\s+X\b|\bTwitter\b|\btweet(?:s|ed|ing)?\b", RegexOptions.CultureInvariant), "X"),
        (new Regex(@"\bFacebook\b", RegexOptions.CultureInvariant), "Facebook"),
        (new Regex(@"\bTelegram\b", RegexOptions.CultureInvariant), "Telegram"),
        (new Regex(@"\bInstagram\b", RegexOptions.CultureInvariant), "Instagram"),
        (new Regex(@"\bYouTube\b", RegexOptions.CultureInvariant), "YouTube"),
        (new Regex(@"\bTikTok\b", RegexOptions.CultureInvariant), "TikTok"),
    ];

    private static readonly (Regex Pattern, string Channel)[] Settings =
    [
        (new Regex(@"\b(?:press|news)\s+conference\b|\b(?:press|news)\s+briefing\b|\bbriefing\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), "press conference"),
        (new Regex(@"\b(?:video|televised|nightly|evening|daily)\s+(?:address|message|speech)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), "video address"),
        (new Regex(@"\b(?:told|telling|tells|to)\s+(?:reporters|journalists|the\s+press|the\s+media|news\s+media)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), "reporters"),
        (new Regex(@"\binterview\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), "interview"),
        (new Regex(@"\bstatement\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), "statement"),
        (new Regex(@"\bspeech\b|\baddress(?:ed|ing)?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), "speech"),
        (new Regex(@"\bsocial\s+media\b|\bpost\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), "social media"),
    ];

    private static readonly Regex OutletRegex = new(
        @"(?<![\p{L}])(?:" + string.Join("|", Outlets.OrderByDescending(o => o.Length).Select(Regex.Escape)) + @")(?![\p{L}])",
        RegexOptions.CultureInvariant);

    /// <summary>Phrases after which an organisation is the outlet that carries the statement.</summary>
    [GeneratedRegex(@"(?:according\s+to|told|telling|tells|interview\s+(?:with|to)|speaking\s+(?:to|with)|writing\s+in|op-ed\s+(?:for|in)|quoted\s+by|cited\s+by|\bin|\bto)\s+(?:the\s+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RelayLeadIn();

    [GeneratedRegex(@"\b(?:told|telling|tells|wrote\s+to|writes\s+to|said\s+to|asked|in\s+a\s+letter\s+to|in\s+an?\s+(?:phone\s+)?call\s+with)\s+(?<who>reporters|journalists|the\s+press|lawmakers|senators|supporters|the\s+crowd|an\s+audience|the\s+audience|students|parliament|the\s+parliament|(?:the\s+)?[A-Z][\p{L}.’'-]*(?:\s+(?:of\s+)?[A-Z][\p{L}.’'-]*){0,4})", RegexOptions.CultureInvariant)]
    private static partial Regex AddresseeRegex();

    public static ChannelInfo Detect(DocumentView view, IReadOnlyList<TextSpan> regions, string? ownOutlet)
    {
        string? channel = null;
        var relayed = false;
        string? addressee = null;
        foreach (var region in regions)
        {
            if (region.IsEmpty) continue;
            var text = region.Of(view.Text);
            channel ??= Platforms.FirstOrDefault(p => p.Pattern.IsMatch(text)).Channel;
            var outlet = FindOutlet(view, region, text);
            if (outlet is not null && !SameOutlet(outlet, ownOutlet) && (channel is null || !Platforms.Any(p => p.Channel == channel)))
            {
                channel = outlet;
                relayed = true;
            }
            var m = AddresseeRegex().Match(text);
            if (addressee is null && m.Success) addressee = Regex.Replace(m.Groups["who"].Value, @"\s+", " ");
        }
        if (channel is null)
        {
            foreach (var region in regions)
            {
                if (region.IsEmpty) continue;
                var text = region.Of(view.Text);
                channel ??= Settings.FirstOrDefault(p => p.Pattern.IsMatch(text)).Channel;
            }
        }
        return new ChannelInfo(channel, addressee, relayed);
    }

    /// <summary>A known outlet's name, or an ORG entity introduced by a relay phrase ("told the Daily Planet").</summary>
    private static string? FindOutlet(DocumentView view, TextSpan region, string text)
    {
        var m = OutletRegex.Match(text);
        if (m.Success && (RelayLeadIn().IsMatch(text[..m.Index]) || IsReportingSubject(text, m.Index + m.Length)))
            return m.Value;
        foreach (var e in view.EntitiesIn(region))
        {
            if (e.Label != EntityLabel.ORG) continue;
            var before = view.Text[region.Start..e.Span.Start];
            if (Regex.IsMatch(before, @"(?:according\s+to|told|interview\s+with|speaking\s+to|writing\s+in|quoted\s+by|cited\s+by)\s+(?:the\s+)?$", RegexOptions.IgnoreCase))
                return e.Text;
        }
        return null;
    }

    /// <summary>"TASS reported", "Reuters reports": the outlet is itself the one reporting.</summary>
    private static bool IsReportingSubject(string text, int end) =>
        Regex.IsMatch(text[end..], @"^\s+(?:reported|reports|said|says|wrote|quoted|cited)\b");

    private static bool SameOutlet(string outlet, string? own) =>
        own is not null && (own.Contains(outlet, StringComparison.OrdinalIgnoreCase) || outlet.Contains(own, StringComparison.OrdinalIgnoreCase));
}
