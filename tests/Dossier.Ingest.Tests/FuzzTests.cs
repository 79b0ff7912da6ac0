using System.IO.Compression;
using System.Text;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Ingest.Extraction;
using Dossier.Testing;

namespace Dossier.Ingest.Tests;

/// <summary>
/// Random mutations of real pages (read from ../shared at run time) must never let an exception escape the extractor.
/// 60 cases by default; set DOSSIER_LONG_TESTS=1 for 10,000.
/// </summary>
public class FuzzTests
{
    private static int Cases => Environment.GetEnvironmentVariable("DOSSIER_LONG_TESTS") == "1" ? 10_000 : 60;

    [Fact]
    public void Mutated_pages_never_throw()
    {
        var pages = Directory.GetFiles(SharedData.Path("data", "extraction", "naeb", "html"), "*.html.gz")
            .Order(StringComparer.Ordinal).Take(20).Select(ReadGzip).ToList();
        var random = new Random(20240305);
        var failures = new List<string>();
        for (var i = 0; i < Cases; i++)
        {
            var page = pages[random.Next(pages.Count)];
            var mutated = Mutate(page, random);
            var context = StageContext.Default();
            try
            {
                var decoded = Dossier.Ingest.TextDecoding.Decode(mutated, sniffHtml: true);
                Extractor.Extract([new RawDocument($"fuzz-{i}", decoded.Text, ContentKind.Html, MetadataHints.None)], context);
                Extractor.Extract([new RawDocument($"fuzz-{i}.txt", decoded.Text, ContentKind.PlainText, MetadataHints.None)], context);
            }
            catch (Exception ex)
            {
                failures.Add($"case {i}: {ex.GetType().Name}: {ex.Message}");
            }
            // The extractor catches its own bugs as D020; a fuzz case must not produce one either.
            failures.AddRange(context.Diagnostics.Items.Where(d => d.Code == Codes.StageFailed).Select(d => $"case {i}: {d.Message}"));
        }
        Assert.Empty(failures);
    }

    /// <summary>Byte-level damage: truncation, deleted or duplicated ranges, random bytes, stray tags and quotes.</summary>
    private static byte[] Mutate(byte[] page, Random random)
    {
        var bytes = new List<byte>(page);
        var operations = random.Next(1, 6);
        for (var k = 0; k < operations && bytes.Count > 0; k++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 5000), bytes.Count - at));
                    break;
                case 2:
                    var length = Math.Min(random.Next(1, 3000), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 3:
                    for (var j = 0; j < 50 && at + j < bytes.Count; j++) bytes[at + j] = (byte)random.Next(256);
                    break;
                case 4:
                    string[] junk = ["<div>", "</p>", "<!--", "]]>", "<script>", "\"", "“", "<h1>", "</html>", "<table><tr><td>", "&#xD800;", "&amp", "\u0000"];
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(junk[random.Next(junk.Length)]));
                    break;
                default:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<div>", random.Next(1, 2000)))));
                    break;
            }
        }
        return [.. bytes];
    }

    private static byte[] ReadGzip(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gz.CopyTo(buffer);
        return buffer.ToArray();
    }
}
