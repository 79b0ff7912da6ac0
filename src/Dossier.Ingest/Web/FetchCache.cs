using System.Text.Json;
using Dossier.Core.Diagnostics;

namespace Dossier.Ingest.Web;

/// <summary>What a server said identifies the version of a page it sent: sent back on the next run as a conditional GET.</summary>
public sealed record CacheValidators(string? ETag, DateTimeOffset? LastModified);

/// <summary>
/// The validators (ETag, Last-Modified) of every URL fetched by earlier runs, kept in a small JSON file next to the
/// database: a page the server reports unchanged (304) is not downloaded or analysed again. A missing or unreadable
/// file is an empty cache (a diagnostic says so when unreadable), never an error that stops a run.
/// </summary>
public sealed class FetchCache
{
    private readonly Dictionary<string, CacheValidators> _entries;
    private readonly object _lock = new();

    private FetchCache(string? path, Dictionary<string, CacheValidators> entries)
    {
        Path = path;
        _entries = entries;
    }

    /// <summary>Where the cache is saved; null for an in-memory cache.</summary>
    public string? Path { get; }

    public static FetchCache InMemory() => new(null, new Dictionary<string, CacheValidators>(StringComparer.Ordinal));

    public static FetchCache Load(string path, DiagnosticBag diagnostics)
    {
        var entries = new Dictionary<string, CacheValidators>(StringComparer.Ordinal);
        if (!File.Exists(path)) return new FetchCache(path, entries);
        try
        {
            var stored = JsonSerializer.Deserialize<Dictionary<string, CacheValidators>>(File.ReadAllBytes(path));
            foreach (var (url, validators) in stored ?? [])
                if (validators is not null) entries[url] = validators;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Codes.Unreadable, Severity.Warning, path, $"fetch cache could not be read ({ex.Message}); every page is fetched in full.");
        }
        return new FetchCache(path, entries);
    }

    public CacheValidators? Get(string url)
    {
        lock (_lock) return _entries.GetValueOrDefault(url);
    }

    /// <summary>Remembers a page's validators; a page that sent none is forgotten (it cannot be asked conditionally).</summary>
    public void Set(string url, CacheValidators validators)
    {
        lock (_lock)
        {
            if (validators.ETag is null && validators.LastModified is null) _entries.Remove(url);
            else _entries[url] = validators;
        }
    }

    public void Save(DiagnosticBag diagnostics)
    {
        if (Path is null) return;
        try
        {
            string json;
            lock (_lock) json = JsonSerializer.Serialize(new SortedDictionary<string, CacheValidators>(_entries, StringComparer.Ordinal));
            File.WriteAllText(Path, json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Codes.Unreadable, Severity.Warning, Path, $"fetch cache could not be saved ({ex.Message}); the next run fetches every page in full.");
        }
    }
}
