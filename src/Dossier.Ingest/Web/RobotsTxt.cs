using System.Text.RegularExpressions;

namespace Dossier.Ingest.Web;

/// <summary>
/// The rules of a robots.txt (RFC 9309) that apply to one user agent: the group naming its product token, else the
/// "*" group; the longest matching Allow/Disallow path wins, Allow on a tie; "*" and "$" wildcards are supported.
/// </summary>
public sealed class RobotsTxt
{
    private readonly List<(string Path, bool Allow)> _rules;

    private RobotsTxt(List<(string Path, bool Allow)> rules) => _rules = rules;

    public static RobotsTxt AllowAll { get; } = new([]);

    public static RobotsTxt Parse(string content, string userAgent)
    {
        var token = userAgent.Split('/', ' ')[0].ToLowerInvariant();
        var groups = new List<(List<string> Agents, List<(string, bool)> Rules)>();
        List<string>? agents = null;
        List<(string, bool)>? rules = null;
        var lastWasAgent = false;
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine.Split('#')[0].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var field = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (field == "user-agent")
            {
                if (!lastWasAgent || agents is null)
                {
                    agents = [];
                    rules = [];
                    groups.Add((agents, rules));
                }
                agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (rules is null) continue;
            if (field == "disallow" && value.Length > 0) rules.Add((value, false));
            else if (field == "allow" && value.Length > 0) rules.Add((value, true));
        }
        var mine = groups.Where(g => g.Agents.Any(a => a != "*" && token.Contains(a, StringComparison.Ordinal))).SelectMany(g => g.Rules).ToList();
        if (mine.Count == 0 && !groups.Any(g => g.Agents.Any(a => a != "*" && token.Contains(a, StringComparison.Ordinal))))
            mine = groups.Where(g => g.Agents.Contains("*")).SelectMany(g => g.Rules).ToList();
        return new RobotsTxt(mine);
    }

    public bool Allows(string pathAndQuery)
    {
        var best = -1;
        var allowed = true;
        foreach (var (path, allow) in _rules)
        {
            if (!Matches(path, pathAndQuery)) continue;
            if (path.Length > best || (path.Length == best && allow))
            {
                best = path.Length;
                allowed = allow;
            }
        }
        return allowed;
    }

    /// <summary>Prefix match with "*" (any run) and a final "$" (end of path).</summary>
    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        var regex = "^" + string.Join(".*", body.Split('*').Select(Regex.Escape)) + (anchored ? "$" : "");
        try
        {
            return Regex.IsMatch(path, regex, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        }
        catch (RegexMatchTimeoutException)
        {
            return false; // a pathological pattern restricts nothing
        }
    }
}
