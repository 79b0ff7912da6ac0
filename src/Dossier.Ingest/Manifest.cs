using System.Text;
using System.Text.Json;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;

namespace Dossier.Ingest;

/// <summary>
/// Per-file metadata a user supplies beside the inputs (<c>--manifest file.csv|jsonl</c>): path, url, outlet,
/// published (YYYY-MM-DD). A row is found by the input's full path, its path relative to the manifest, or its file name.
/// </summary>
public sealed class Manifest
{
    private readonly string _baseDirectory;
    private readonly Dictionary<string, MetadataHints> _byFullPath;
    private readonly Dictionary<string, MetadataHints> _byRelativePath;
    private readonly Dictionary<string, MetadataHints> _byFileName;

    private Manifest(string baseDirectory, IReadOnlyList<(string Path, MetadataHints Hints)> rows)
    {
        _baseDirectory = baseDirectory;
        _byFullPath = new Dictionary<string, MetadataHints>(StringComparer.Ordinal);
        _byRelativePath = new Dictionary<string, MetadataHints>(StringComparer.Ordinal);
        _byFileName = new Dictionary<string, MetadataHints>(StringComparer.Ordinal);
        // A file name shared by two rows (a/x.txt, b/x.txt) cannot identify a row on its own.
        var ambiguousNames = rows.GroupBy(r => Path.GetFileName(r.Path)).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        foreach (var (path, hints) in rows)
        {
            _byFullPath[Path.GetFullPath(path, baseDirectory)] = hints;
            _byRelativePath[NormalizeRelative(path)] = hints;
            var name = Path.GetFileName(path);
            if (!ambiguousNames.Contains(name)) _byFileName[name] = hints;
        }
        Count = rows.Count;
    }

    /// <summary>Number of rows read.</summary>
    public int Count { get; }

    public static Manifest Empty { get; } = new(Directory.GetCurrentDirectory(), []);

    /// <summary>Reads a CSV (header row naming the columns) or JSONL manifest. Bad rows get a D012 diagnostic and are skipped;
    /// an unreadable manifest gives an empty one.</summary>
    public static Manifest Load(string path, DiagnosticBag diagnostics)
    {
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        string content;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Add(Codes.ManifestProblem, Severity.Error, path, "manifest not found; check the --manifest path. Continuing without per-file metadata.");
                return new Manifest(baseDirectory, []);
            }
            if (info.Length > InputLimits.Default.MaxFileBytes)
            {
                diagnostics.Add(Codes.ManifestProblem, Severity.Error, path, $"manifest is larger than {InputLimits.Default.MaxFileBytes / (1024 * 1024)} MB; split it. Continuing without per-file metadata.");
                return new Manifest(baseDirectory, []);
            }
            content = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Codes.ManifestProblem, Severity.Error, path, $"manifest could not be read ({ex.Message}); check its permissions. Continuing without per-file metadata.");
            return new Manifest(baseDirectory, []);
        }

        var isJsonl = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
                      || content.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{');
        var rows = isJsonl ? ReadJsonl(path, content, diagnostics) : ReadCsv(path, content, diagnostics);
        return new Manifest(baseDirectory, rows);
    }

    /// <summary>The hints for an input path, or <see cref="MetadataHints.None"/> when no row names it.</summary>
    public MetadataHints For(string path)
    {
        if (_byFullPath.TryGetValue(Path.GetFullPath(path), out var hints)) return hints;
        var relative = Path.GetRelativePath(_baseDirectory, Path.GetFullPath(path));
        if (_byRelativePath.TryGetValue(NormalizeRelative(relative), out hints)) return hints;
        if (_byRelativePath.TryGetValue(NormalizeRelative(path), out hints)) return hints;
        return _byFileName.TryGetValue(Path.GetFileName(path), out hints) ? hints : MetadataHints.None;
    }

    private static string NormalizeRelative(string path)
    {
        var p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        return p;
    }

    private static List<(string, MetadataHints)> ReadJsonl(string path, string content, DiagnosticBag diagnostics)
    {
        var rows = new List<(string, MetadataHints)>();
        var lineNumber = 0;
        foreach (var line in content.Split('\n'))
        {
            lineNumber++;
            var trimmed = line.Trim().TrimStart('\uFEFF');
            if (trimmed.Length == 0) continue;
            var where = $"{path}:{lineNumber}";
            try
            {
                using var json = JsonDocument.Parse(trimmed);
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                {
                    diagnostics.Add(Codes.ManifestProblem, Severity.Warning, where, "manifest line is not a JSON object; skipped.");
                    continue;
                }
                var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in json.RootElement.EnumerateObject())
                    fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.ToString();
                AddRow(rows, fields, where, diagnostics);
            }
            catch (JsonException ex)
            {
                diagnostics.Add(Codes.ManifestProblem, Severity.Warning, where, $"manifest line is not valid JSON ({ex.Message}); skipped.");
            }
        }
        return rows;
    }

    private static List<(string, MetadataHints)> ReadCsv(string path, string content, DiagnosticBag diagnostics)
    {
        var rows = new List<(string, MetadataHints)>();
        var records = Csv.Parse(content.TrimStart('\uFEFF'));
        if (records.Count == 0)
        {
            diagnostics.Add(Codes.ManifestProblem, Severity.Warning, path, "manifest is empty; expected a header row with path,url,outlet,published.");
            return rows;
        }
        var header = records[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!header.Contains("path"))
        {
            diagnostics.Add(Codes.ManifestProblem, Severity.Error, path, "manifest header has no 'path' column; expected path,url,outlet,published.");
            return rows;
        }
        for (var i = 1; i < records.Count; i++)
        {
            var record = records[i];
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var c = 0; c < header.Count && c < record.Count; c++) fields[header[c]] = record[c];
            AddRow(rows, fields, $"{path}:{i + 1}", diagnostics);
        }
        return rows;
    }

    private static void AddRow(List<(string, MetadataHints)> rows, Dictionary<string, string?> fields, string where, DiagnosticBag diagnostics)
    {
        var filePath = Value(fields, "path");
        if (filePath is null)
        {
            diagnostics.Add(Codes.ManifestProblem, Severity.Warning, where, "manifest row has no path; skipped.");
            return;
        }
        var published = Value(fields, "published");
        var date = published is null ? null : Dates.ParseIsoDate(published);
        if (published is not null && date is null)
            diagnostics.Add(Codes.ManifestProblem, Severity.Warning, where, $"published '{published}' is not a YYYY-MM-DD date; the row is used without it.");
        rows.Add((filePath, new MetadataHints
        {
            Url = Value(fields, "url"),
            Outlet = Value(fields, "outlet"),
            Title = Value(fields, "title"),
            Published = date,
        }));
    }

    private static string? Value(Dictionary<string, string?> fields, string name) =>
        fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks.</summary>
internal static class Csv
{
    public static List<List<string>> Parse(string content)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: inQuotes = true; break;
                case ',': record.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    record.Add(field.ToString()); field.Clear();
                    records.Add(record); record = [];
                    break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }
        return records;
    }
}
