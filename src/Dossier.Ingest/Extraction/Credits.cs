using System.Text.RegularExpressions;

namespace Dossier.Ingest.Extraction;

/// <summary>What a byline says: the people who wrote the piece, and a desk or site credited instead of a person.</summary>
internal sealed record Byline(IReadOnlyList<string> Authors, string? OutletHint, bool FullyUnderstood = true);

/// <summary>
/// Bylines ("By Jane Roe and Sam Poe", "Author: Jane Roe"), author bios ("Jane Roe is a reporter for …") and the
/// cleaning of author names: no "By", no dates, job titles, handles or site names.
/// </summary>
internal static partial class Credits
{
    /// <summary>The byline a short line is, or null when it is not one.</summary>
    public static Byline? ParseByline(string line)
    {
        if (line.Length > 160) return null;
        var match = BylineLine().Match(line);
        if (!match.Success) match = AuthorLabelLine().Match(line);
        if (!match.Success) return null;
        var byline = ParseNames(match.Groups["names"].Value);
        // "By Monday, the troops had left" starts like a byline; a real one has nothing but names, desks and dates.
        return byline.FullyUnderstood && (byline.Authors.Count > 0 || byline.OutletHint is not null) ? byline : null;
    }

    /// <summary>Splits a credit into clean person names; a desk credit ("X Newsroom", "X Staff") becomes an outlet hint.</summary>
    public static Byline ParseNames(string credit)
    {
        var authors = new List<string>();
        string? outlet = null;
        var understood = true;
        // Dates, times and "Updated …" trail many bylines after a separator.
        var text = LeadingBy().Replace(TrailingSeparator().Split(credit)[0], "");
        foreach (var rawPart in NameSeparator().Split(text))
        {
            var part = Handle().Replace(Email().Replace(rawPart, ""), "").Trim(' ', '.', ',', ';', ':', '|', '-', '–', '—', '\u00A0');
            if (part.Length == 0) continue;
            var desk = DeskCredit().Match(part);
            if (desk.Success)
            {
                var name = desk.Groups["outlet"].Value.Trim();
                if (name.Length > 0) outlet ??= name;
                continue;
            }
            if (HasDateOrNumber().IsMatch(part) || JobTitle().IsMatch(part)) continue;
            if (SiteName().IsMatch(part))
            {
                outlet ??= part;
                continue;
            }
            if (PersonName().IsMatch(part) && !CalendarWord().IsMatch(part)) authors.Add(part);
            else understood = false;
        }
        return new Byline(authors.Distinct(StringComparer.Ordinal).ToList(), outlet, understood);
    }

    /// <summary>
    /// An author bio: a name, then "is a/the … editor/reporter/… of/at/for Outlet", or a line asking to follow the
    /// author. <paramref name="knownAuthors"/> lets a bio of a bylined author be recognised anywhere.
    /// </summary>
    public static bool IsAuthorBio(string line, IReadOnlyCollection<string> knownAuthors, bool nearEnd)
    {
        if (line.Length > 500 || BoilerplateRules.ContainsSpeech(line)) return false;
        var match = BioLine().Match(line);
        if (match.Success)
        {
            var name = match.Groups["name"].Value;
            if (knownAuthors.Any(a => a.Equals(name, StringComparison.Ordinal) || a.Contains(name, StringComparison.Ordinal)))
                return true;
            if (nearEnd || FollowAuthor().IsMatch(line)) return true;
        }
        return nearEnd && line.Length < 250 && FollowAuthor().IsMatch(line);
    }

    /// <summary>The outlet a bio names ("news editor of Example.com"), or null.</summary>
    public static string? OutletInBio(string line)
    {
        var match = RoleAtOutlet().Match(line);
        return match.Success ? OutletDetector.CleanName(match.Groups["outlet"].Value) : null;
    }

    [GeneratedRegex(@"^(?i:by|von|par|por|di|door|av|przez|от|автор)\s+(?<names>\p{L}.{0,140})$")]
    private static partial Regex BylineLine();

    [GeneratedRegex(@"^(?i:authors?|written by|words by|reporting by|reported by|story by|text|autor(?:in|en)?|auteur|автор)\s*[:：]\s*(?<names>.{1,140})$")]
    private static partial Regex AuthorLabelLine();

    [GeneratedRegex(@"\s+(?:\||•|·|—|–|-{1,2})\s+|\s+(?i:updated|published|posted|on)\s+(?=\p{Lu}\p{Ll}+\.? \d|\d)")]
    private static partial Regex TrailingSeparator();

    [GeneratedRegex(@"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\bи\b)\s*")]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"^\s*(?i:by|von|par|por)\s+")]
    private static partial Regex LeadingBy();

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Handle();

    [GeneratedRegex(@"\S+@\S+\.\w+")]
    private static partial Regex Email();

    [GeneratedRegex(@"^(?<outlet>.*?)\s*\b(?i:newsroom|staff(?: writers?| reporters?)?|desk|news desk|editorial(?: board| team| staff)?|team|reporters|wires?|news service|agencies|web desk|digital desk)$")]
    private static partial Regex DeskCredit();

    [GeneratedRegex(@"\d|\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d")]
    private static partial Regex HasDateOrNumber();

    [GeneratedRegex(@"^(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|january|february|march|april|may|june|july|august|september|october|november|december)$")]
    private static partial Regex CalendarWord();

    [GeneratedRegex(@"\b(?i:reporter|editor|correspondent|writer|columnist|contributor|producer|analyst|journalist|chief|senior|bureau|director|fellow|host|anchor|photographer|intern|staff|freelance|contributing|associate|managing|deputy|political|white house|foreign)\b")]
    private static partial Regex JobTitle();

    [GeneratedRegex(@"\.(?:com|org|net|co|io|news|info)\b|\b(?i:news|times|post|press|media|daily|journal|herald|tribune|agency|network|tv|radio|magazine|gazette|telegraph|observer|chronicle|reuters|associated press|afp|bloomberg)\b")]
    private static partial Regex SiteName();

    /// <summary>One to five capitalised words, allowing name particles (de, van, al-) and initials.</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|de|da|del|della|di|du|van|von|der|den|la|le|bin|ibn|al|dos|das|y))* ?$")]
    private static partial Regex PersonName();

    [GeneratedRegex(@"^(?<name>\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){0,3})\s+(?:is|was|has been|works as|serves as)\s+(?:a|an|the|our)\b.{0,120}?\b(?i:editor|reporter|correspondent|writer|journalist|columnist|contributor|producer|analyst|author|fellow|freelancer|intern|photographer|editor-in-chief|founder)\b")]
    private static partial Regex BioLine();

    [GeneratedRegex(@"\b(?i:follow (?:him|her|them|me)\b|(?:he|she|they) can be reached|reach (?:him|her|them) at|(?:his|her|their) (?:latest )?book)")]
    private static partial Regex FollowAuthor();

    [GeneratedRegex(@"\b(?i:editor|reporter|correspondent|writer|journalist|columnist|contributor|producer|analyst|editor-in-chief|founder|publisher)\s+(?i:of|at|for|with)\s+(?<outlet>(?:[Tt]he\s+)?\p{Lu}[\p{L}\p{N}.&'’\-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}.&'’\-]*|of|&)){0,5})")]
    private static partial Regex RoleAtOutlet();
}
