using Dossier.Cli.Console;

namespace Dossier.Cli.Commands;

/// <summary>The output formats a command can write, parsed from repeated or comma-separated --format values.</summary>
public static class OutputFormats
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string> { "json", "md", "html", "jsonl", "csv", "parquet" };

    public static IReadOnlySet<string>? Parse(IEnumerable<string> values, Reporter reporter)
    {
        var wanted = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToLowerInvariant()).ToHashSet();
        var unknown = wanted.Where(w => !Known.Contains(w)).ToList();
        if (unknown.Count == 0) return wanted;
        reporter.Error($"E003 unknown format {string.Join(", ", unknown)}; use any of {string.Join(", ", Known)}.");
        return null;
    }
}
