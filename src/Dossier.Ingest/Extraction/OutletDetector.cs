using System.Text.RegularExpressions;

namespace Dossier.Ingest.Extraction;

/// <summary>
/// Finds the outlet a pasted article names about itself: "A Message from X", "a donation to X", "Follow X on
/// Facebook", "news editor of X", "© 2025 X", "By supporting X". The most frequent candidate wins.
/// </summary>
internal static partial class OutletDetector
{
    private const string Name = @"(?<outlet>(?:[Tt]he\s+)?\p{Lu}[\p{L}\p{N}.&'’\-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}.&'’\-]*|of|&)){0,5})";

    /// <summary>Candidate outlet names found in one block (usually a block the cleaner removed).</summary>
    public static IEnumerable<string> Candidates(string block)
    {
        foreach (var regex in Patterns)
        {
            foreach (Match match in regex.Matches(block))
            {
                var name = CleanName(match.Groups["outlet"].Value);
                if (name is not null) yield return name;
            }
        }
    }

    /// <summary>The most frequent candidate (ties: the first seen), compared without case and a leading "the".</summary>
    public static string? Choose(IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        if (list.Count == 0) return null;
        return list
            .Select((name, index) => (name, index, key: Key(name)))
            .GroupBy(c => c.key)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(c => c.index))
            .First()
            .OrderBy(c => c.index).First().name;
    }

    public static string Key(string name) =>
        Regex.Replace(name.ToLowerInvariant(), @"^the\s+", "").Trim();

    /// <summary>Trims trailing connectives and punctuation; rejects platforms and pronouns.</summary>
    public static string? CleanName(string raw)
    {
        var name = raw.Trim().TrimEnd('.', ',', ':', ';', '!', '?', '’', '\'', '-');
        name = TrailingConnective().Replace(name, "").Trim();
        if (name.StartsWith("the ", StringComparison.Ordinal)) name = name[4..];
        if (name.Length < 2 || NotAnOutlet().IsMatch(name)) return null;
        return name;
    }

    private static readonly Regex[] Patterns =
    [
        new(@"\b(?i:a message from)\s+" + Name),
        new(@"\b(?i:donations?|contributions?|gifts?)\s+(?i:to)\s+" + Name),
        new(@"\b(?i:follow|like)\s+" + Name + @"\s+(?i:on)\s+(?i:facebook|twitter|x|instagram|telegram|youtube|tiktok|linkedin|threads|bluesky)\b"),
        new(@"\b(?i:by supporting|journalists (?:of|at)|subscribe to|support)\s+" + Name),
        new(@"(?:©|\((?i:c)\)|(?i:copyright))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?" + Name),
        new(@"\b(?i:editor|reporter|correspondent|writer|journalist|columnist|contributor|producer|analyst|editor-in-chief|founder|publisher)\s+(?i:of|at|for|with)\s+" + Name),
    ];

    [GeneratedRegex(@"(?:\s+(?:of|&|and))+$")]
    private static partial Regex TrailingConnective();

    [GeneratedRegex(@"^(?i:the|us|our|me|him|her|them|facebook|twitter|x|instagram|telegram|youtube|tiktok|linkedin|all rights reserved|all|this|these|independent|we|you)$")]
    private static partial Regex NotAnOutlet();
}
