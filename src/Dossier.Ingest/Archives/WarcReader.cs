using System.Globalization;
using System.IO.Compression;
using System.Text;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;

namespace Dossier.Ingest.Archives;

/// <summary>
/// Reads the HTML pages of a web archive (WARC 1.0/1.1, plain or gzip, record-by-record gzip included) as a stream:
/// one record in memory at a time, records over the size cap skipped unread. <c>response</c> records (HTTP status 200,
/// an HTML content type) and <c>resource</c> records of HTML become raw documents named by their target URI.
/// </summary>
public static class WarcReader
{
    private const int MaxHeaderLine = 64 * 1024;

    public static IEnumerable<RawDocument> Read(string path, DiagnosticBag diagnostics) => Read(path, diagnostics, InputLimits.Default);

    public static IEnumerable<RawDocument> Read(string path, DiagnosticBag diagnostics, InputLimits limits)
    {
        var stream = Open(path, diagnostics);
        if (stream is null) yield break;
        using (stream)
        {
            var recordNumber = 0;
            while (true)
            {
                recordNumber++;
                var (document, done) = Next(stream, path, recordNumber, diagnostics, limits);
                if (document is not null) yield return document;
                if (done) yield break;
            }
        }
    }

    private static Stream? Open(string path, DiagnosticBag diagnostics)
    {
        try
        {
            Stream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            // .NET's GZipStream reads concatenated members, which is how WARC writers compress record by record.
            return new BufferedStream(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Codes.Unreadable, Severity.Error, path, $"archive could not be opened ({ex.Message}).");
            return null;
        }
    }

    /// <summary>Reads one record. Done when the archive ends or is too broken to go on (a diagnostic says so).</summary>
    private static (RawDocument? Document, bool Done) Next(Stream stream, string path, int recordNumber, DiagnosticBag diagnostics, InputLimits limits)
    {
        var where = $"{path}#{recordNumber}";
        try
        {
            string? version;
            do
            {
                version = ReadLine(stream);
                if (version is null) return (null, true);
            } while (version.Length == 0);
            if (!version.StartsWith("WARC/", StringComparison.Ordinal))
            {
                diagnostics.Add(Codes.MalformedArchive, Severity.Error, where, $"expected a WARC record header, found '{Truncate(version)}'; the rest of the archive is skipped.");
                return (null, true);
            }
            var headers = ReadHeaders(stream);
            if (!long.TryParse(headers.GetValueOrDefault("content-length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length < 0)
            {
                diagnostics.Add(Codes.MalformedArchive, Severity.Error, where, "record has no valid Content-Length; the rest of the archive is skipped.");
                return (null, true);
            }
            var type = headers.GetValueOrDefault("warc-type")?.ToLowerInvariant();
            var uri = headers.GetValueOrDefault("warc-target-uri")?.Trim('<', '>');
            var contentType = headers.GetValueOrDefault("content-type") ?? "";
            var wanted = type is "response" or "resource";
            if (!wanted || length > limits.MaxFileBytes)
            {
                if (wanted)
                    diagnostics.Add(Codes.TooLarge, Severity.Warning, uri ?? where, $"archived page is {length / (1024 * 1024)} MB, over the limit; skipped.");
                return Skip(stream, length, where, diagnostics) ? (null, false) : (null, true);
            }
            var block = new byte[length];
            if (!ReadExactly(stream, block))
            {
                diagnostics.Add(Codes.MalformedArchive, Severity.Error, where, "archive ends inside a record (truncated); stopped.");
                return (null, true);
            }
            return (ToDocument(type!, contentType, block, uri ?? where, diagnostics), false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            diagnostics.Add(Codes.MalformedArchive, Severity.Error, where, $"archive is corrupt ({ex.Message}); stopped.");
            return (null, true);
        }
    }

    private static RawDocument? ToDocument(string type, string contentType, byte[] block, string source, DiagnosticBag diagnostics)
    {
        byte[] body;
        string? mediaType;
        string? charset;
        if (type == "response" && contentType.Contains("application/http", StringComparison.OrdinalIgnoreCase))
        {
            var http = HttpMessage.Parse(block);
            if (http is null || http.Status != 200) return null; // redirects, errors: no article
            body = http.Body;
            mediaType = http.MediaType;
            charset = http.Charset;
        }
        else
        {
            body = block;
            mediaType = contentType.Split(';')[0].Trim();
            charset = HttpMessage.CharsetOf(contentType);
        }
        if (mediaType is null || !mediaType.Contains("html", StringComparison.OrdinalIgnoreCase)) return null;
        if (body.Length == 0 || InputReader.LooksBinary(body)) return null;
        var decoded = TextDecoding.Decode(body, sniffHtml: true, declaredCharset: charset);
        if (decoded.Note is not null) diagnostics.Add(Codes.InvalidEncoding, Severity.Warning, source, decoded.Note);
        return new RawDocument(source, decoded.Text, ContentKind.Html, new MetadataHints { Url = source.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? source : null });
    }

    private static Dictionary<string, string> ReadHeaders(Stream stream)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (ReadLine(stream) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return headers;
    }

    /// <summary>One CRLF- or LF-terminated line as Latin-1 text (headers are ASCII), or null at the end of the stream.</summary>
    internal static string? ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0) return bytes.Count == 0 ? null : Encoding.Latin1.GetString([.. bytes]);
            if (b == '\n') break;
            if (bytes.Count >= MaxHeaderLine) throw new InvalidDataException("header line too long");
            bytes.Add((byte)b);
        }
        if (bytes.Count > 0 && bytes[^1] == '\r') bytes.RemoveAt(bytes.Count - 1);
        return Encoding.Latin1.GetString([.. bytes]);
    }

    private static bool ReadExactly(Stream stream, byte[] buffer)
    {
        var offset = 0;
        while (offset < buffer.Length)
        {
            var read = stream.Read(buffer, offset, buffer.Length - offset);
            if (read <= 0) return false;
            offset += read;
        }
        return true;
    }

    private static bool Skip(Stream stream, long length, string where, DiagnosticBag diagnostics)
    {
        var buffer = new byte[1 << 16];
        while (length > 0)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
            if (read <= 0)
            {
                diagnostics.Add(Codes.MalformedArchive, Severity.Error, where, "archive ends inside a record (truncated); stopped.");
                return false;
            }
            length -= read;
        }
        return true;
    }

    private static string Truncate(string s) => s.Length > 60 ? s[..60] + "…" : s;
}

/// <summary>An archived HTTP response: status, content type and the body with chunked transfer and gzip undone.</summary>
internal sealed record HttpMessage(int Status, string? MediaType, string? Charset, byte[] Body)
{
    public static HttpMessage? Parse(byte[] block)
    {
        using var stream = new MemoryStream(block);
        var statusLine = WarcReader.ReadLine(stream);
        if (statusLine is null || !statusLine.StartsWith("HTTP/", StringComparison.Ordinal)) return null;
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status)) return null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (WarcReader.ReadLine(stream) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        var body = block[(int)stream.Position..];
        if (headers.GetValueOrDefault("transfer-encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
            body = Unchunk(body);
        var encoding = headers.GetValueOrDefault("content-encoding")?.ToLowerInvariant();
        if (encoding is "gzip" or "x-gzip" or "deflate" or "br")
        {
            try
            {
                body = Decompress(body, encoding);
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }
        var contentType = headers.GetValueOrDefault("content-type");
        return new HttpMessage(status, contentType?.Split(';')[0].Trim(), contentType is null ? null : CharsetOf(contentType), body);
    }

    public static string? CharsetOf(string contentType)
    {
        var index = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        return index < 0 ? null : contentType[(index + 8)..].Split(';')[0].Trim().Trim('"', '\'');
    }

    private static byte[] Unchunk(byte[] body)
    {
        using var input = new MemoryStream(body);
        using var output = new MemoryStream();
        while (WarcReader.ReadLine(input) is { } sizeLine)
        {
            if (!int.TryParse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size <= 0) break;
            var chunk = new byte[Math.Min(size, (int)(input.Length - input.Position))];
            var read = input.Read(chunk, 0, chunk.Length);
            output.Write(chunk, 0, read);
            WarcReader.ReadLine(input); // the CRLF after the chunk
        }
        return output.ToArray();
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decompressor = encoding switch
        {
            "deflate" => new ZLibStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => new GZipStream(input, CompressionMode.Decompress),
        };
        using var output = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        // Compressed bodies are capped like files: a bomb inside an archive is cut off.
        while ((read = decompressor.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (output.Length + read > InputLimits.Default.MaxDecompressedBytes) throw new InvalidDataException("decompressed body over the size limit");
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }
}
