using System.IO.Compression;
using System.Text.Json;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;

namespace Dossier.Ingest;

/// <summary>Caps that keep one bad input from exhausting memory.</summary>
public sealed record InputLimits
{
    /// <summary>Largest file read (bytes on disk). Larger files are refused with D003 before they are opened.</summary>
    public long MaxFileBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Largest decompressed size of a .gz input: more means a gzip bomb or a file too big to analyse.</summary>
    public long MaxDecompressedBytes { get; init; } = 100L * 1024 * 1024;

    public static InputLimits Default { get; } = new();
}

/// <summary>
/// Reads input paths (files or directories, recursively, in sorted order) into <see cref="RawDocument"/>s:
/// .txt, .html/.htm, .jsonl, each optionally .gz. Every bad input becomes a diagnostic naming the file and what to do;
/// the rest is still read.
/// </summary>
public static class InputReader
{
    private enum InputFormat { Text, Html, Jsonl }

    public static IEnumerable<RawDocument> Read(IReadOnlyList<string> paths, Manifest? manifest, DiagnosticBag diagnostics) =>
        Read(paths, manifest, diagnostics, InputLimits.Default);

    public static IEnumerable<RawDocument> Read(IReadOnlyList<string> paths, Manifest? manifest, DiagnosticBag diagnostics, InputLimits limits)
    {
        foreach (var path in paths)
        {
            foreach (var (file, explicitlyNamed) in Expand(path, diagnostics))
            {
                foreach (var raw in ReadFile(file, explicitlyNamed, manifest, diagnostics, limits))
                    yield return raw;
            }
        }
    }

    /// <summary>The files a path names: itself, or every file below a directory in ordinal order.</summary>
    private static List<(string Path, bool Explicit)> Expand(string path, DiagnosticBag diagnostics)
    {
        if (File.Exists(path)) return [(path, true)];
        if (!Directory.Exists(path))
        {
            diagnostics.Add(Codes.NotFound, Severity.Error, path, "no such file or directory; check the path.");
            return [];
        }
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(path);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            try
            {
                files.AddRange(Directory.GetFiles(directory).Where(f => !Path.GetFileName(f).StartsWith('.')));
                foreach (var sub in Directory.GetDirectories(directory))
                {
                    if (Path.GetFileName(sub).StartsWith('.')) continue;
                    // A linked directory can point back up the tree; following it could loop forever.
                    if (new DirectoryInfo(sub).LinkTarget is not null)
                    {
                        diagnostics.Add(Codes.Unreadable, Severity.Info, sub, "directory is a symbolic link and was not followed; name its target directly to read it.");
                        continue;
                    }
                    pending.Push(sub);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Codes.Unreadable, Severity.Error, directory, $"directory could not be listed ({Reason(ex)}); check its permissions. Other inputs are still read.");
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files.Select(f => (f, false)).ToList();
    }

    private static IEnumerable<RawDocument> ReadFile(string path, bool explicitlyNamed, Manifest? manifest, DiagnosticBag diagnostics, InputLimits limits)
    {
        var (format, compressed) = Classify(path);
        if (format is null)
        {
            diagnostics.Add(Codes.UnsupportedFormat, explicitlyNamed ? Severity.Error : Severity.Info, path,
                "not a supported input type (.txt, .html, .htm, .jsonl, optionally .gz); skipped.");
            return [];
        }
        var bytes = ReadBytes(path, compressed, diagnostics, limits);
        if (bytes is null) return [];
        if (bytes.Length == 0)
        {
            diagnostics.Add(Codes.EmptyInput, Severity.Warning, path, "file is empty; nothing to analyse.");
            return [];
        }
        if (LooksBinary(bytes))
        {
            diagnostics.Add(Codes.BinaryInput, Severity.Error, path,
                "file looks binary (NUL bytes or many control characters), not text; skipped. Convert it to .txt or .html first.");
            return [];
        }
        var decoded = TextDecoding.Decode(bytes, sniffHtml: format == InputFormat.Html);
        if (decoded.Note is not null)
            diagnostics.Add(Codes.InvalidEncoding, Severity.Warning, path, decoded.Note);
        if (string.IsNullOrWhiteSpace(decoded.Text))
        {
            diagnostics.Add(Codes.EmptyInput, Severity.Warning, path, "file holds only whitespace; nothing to analyse.");
            return [];
        }
        var hints = manifest?.For(path) ?? MetadataHints.None;
        return format switch
        {
            InputFormat.Text => [new RawDocument(path, decoded.Text, ContentKind.PlainText, hints)],
            InputFormat.Html => [new RawDocument(path, decoded.Text, ContentKind.Html, hints)],
            _ => ReadJsonl(path, decoded.Text, hints, diagnostics),
        };
    }

    /// <summary>Reads one file (optionally .gz) as text with the same caps and checks as <see cref="Read(IReadOnlyList{string}, Manifest?, DiagnosticBag)"/>:
    /// for inputs of other kinds (feeds, manifests). Null, with a diagnostic, when it cannot be read.</summary>
    public static string? ReadText(string path, DiagnosticBag diagnostics, InputLimits limits)
    {
        if (!File.Exists(path))
        {
            diagnostics.Add(Codes.NotFound, Severity.Error, path, "no such file; check the path.");
            return null;
        }
        var bytes = ReadBytes(path, path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase), diagnostics, limits);
        if (bytes is null) return null;
        if (LooksBinary(bytes))
        {
            diagnostics.Add(Codes.BinaryInput, Severity.Error, path, "file looks binary, not text; skipped.");
            return null;
        }
        var decoded = TextDecoding.Decode(bytes, sniffHtml: true);
        if (decoded.Note is not null) diagnostics.Add(Codes.InvalidEncoding, Severity.Warning, path, decoded.Note);
        return decoded.Text;
    }

    private static (InputFormat? Format, bool Compressed) Classify(string path)
    {
        var name = path.ToLowerInvariant();
        var compressed = name.EndsWith(".gz", StringComparison.Ordinal);
        if (compressed) name = name[..^3];
        InputFormat? format = Path.GetExtension(name) switch
        {
            ".txt" or ".text" => InputFormat.Text,
            ".html" or ".htm" or ".xhtml" => InputFormat.Html,
            ".jsonl" or ".ndjson" => InputFormat.Jsonl,
            _ => null,
        };
        return (format, compressed);
    }

    /// <summary>Reads a file through a stream, refusing it as soon as it passes the size cap (so a huge file or a gzip
    /// bomb is never held whole in memory).</summary>
    private static byte[]? ReadBytes(string path, bool compressed, DiagnosticBag diagnostics, InputLimits limits)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > limits.MaxFileBytes)
            {
                diagnostics.Add(Codes.TooLarge, Severity.Error, path,
                    $"file is {length / (1024 * 1024)} MB, over the {limits.MaxFileBytes / (1024 * 1024)} MB limit; skipped. Split it into smaller files.");
                return null;
            }
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var stream = compressed ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            var cap = compressed ? limits.MaxDecompressedBytes : limits.MaxFileBytes;
            using var buffer = new MemoryStream(compressed ? 1 << 16 : (int)Math.Min(length, int.MaxValue));
            var chunk = new byte[1 << 16];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > cap)
                {
                    diagnostics.Add(Codes.TooLarge, Severity.Error, path, compressed
                        ? $"decompresses to more than {cap / (1024 * 1024)} MB (a gzip bomb or an oversized file); skipped."
                        : $"file grew past the {cap / (1024 * 1024)} MB limit while being read; skipped.");
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
            if (compressed && buffer.Length == 0 && length > 0)
            {
                diagnostics.Add(Codes.MalformedArchive, Severity.Error, path, "gzip data is truncated or holds nothing; skipped. Re-compress the file.");
                return null;
            }
            return buffer.ToArray();
        }
        catch (InvalidDataException ex)
        {
            diagnostics.Add(Codes.MalformedArchive, Severity.Error, path, $"not a valid gzip file ({ex.Message}); skipped. Re-compress it or remove the .gz suffix.");
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Codes.Unreadable, Severity.Error, path, $"file could not be read ({Reason(ex)}); check that it exists and its permissions. Other inputs are still read.");
            return null;
        }
    }

    /// <summary>
    /// Text never holds NUL bytes and rarely other C0 controls; a file whose first 8 KB has a NUL, or more than 5%
    /// control characters, is binary (an image, a PDF, a zip) misnamed as text.
    /// </summary>
    internal static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return false;
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.Contains((byte)0)) return true;
        var controls = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C)) controls++;
        }
        return controls > head.Length * 0.05;
    }

    private static List<RawDocument> ReadJsonl(string path, string text, MetadataHints fileHints, DiagnosticBag diagnostics)
    {
        var documents = new List<RawDocument>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0) continue;
            var where = $"{path}:{lineNumber}";
            JsonElement record;
            try
            {
                using var json = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 64 });
                record = json.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                diagnostics.Add(Codes.MalformedRecord, Severity.Warning, where, $"line is not valid JSON ({ex.Message}); skipped. Each line must be one JSON object.");
                continue;
            }
            if (record.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(Codes.MalformedRecord, Severity.Warning, where, "line is not a JSON object; skipped. Each line must be one article object.");
                continue;
            }
            var html = Field(record, "html");
            var body = Field(record, "text");
            if (string.IsNullOrWhiteSpace(html) && string.IsNullOrWhiteSpace(body))
            {
                diagnostics.Add(Codes.MalformedRecord, Severity.Warning, where, "record has neither 'text' nor 'html'; skipped. Add the article body in one of them.");
                continue;
            }
            var published = Field(record, "published");
            var date = Dates.ParseIsoDate(published);
            if (published is not null && date is null)
                diagnostics.Add(Codes.MalformedRecord, Severity.Warning, where, $"published '{published}' is not a YYYY-MM-DD date; the date is ignored.");
            var id = Field(record, "id");
            var url = Field(record, "url");
            var hints = new MetadataHints
            {
                Id = id,
                Url = url ?? fileHints.Url,
                Outlet = Field(record, "outlet") ?? fileHints.Outlet,
                Title = Field(record, "title"),
                Published = date ?? fileHints.Published,
            };
            var source = id ?? url ?? where;
            documents.Add(string.IsNullOrWhiteSpace(html)
                ? new RawDocument(source, body!, ContentKind.PlainText, hints)
                : new RawDocument(source, html, ContentKind.Html, hints));
        }
        if (documents.Count == 0 && lineNumber > 0)
            diagnostics.Add(Codes.EmptyInput, Severity.Warning, path, "no usable article record in this JSONL file.");
        return documents;
    }

    private static string? Field(JsonElement record, string name)
    {
        if (!record.TryGetProperty(name, out var value)) return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string Reason(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "it vanished or is a broken link",
        _ => ex.Message,
    };
}
