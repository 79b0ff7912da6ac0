using System.IO.Compression;
using System.Text;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;

namespace Dossier.Ingest.Tests;

public class InputReaderTests
{
    private const string Article = "Harbour strike ends after two weeks\n\nDock workers in the port city voted on Friday to accept a new wage offer.\n";

    private static (List<RawDocument> Docs, IReadOnlyList<Diagnostic> Diagnostics) Read(params string[] paths) =>
        Read(InputLimits.Default, paths);

    private static (List<RawDocument> Docs, IReadOnlyList<Diagnostic> Diagnostics) Read(InputLimits limits, params string[] paths)
    {
        var bag = new DiagnosticBag();
        var docs = InputReader.Read(paths, null, bag, limits).ToList();
        return (docs, bag.Items);
    }

    [Fact]
    public void Reads_text_and_html_files_from_a_directory_recursively_in_sorted_order()
    {
        using var dir = new TempDirectory();
        dir.File("b.txt", Article);
        dir.File("a/z.html", "<html><body><p>Hello</p></body></html>");
        dir.File("a/c.htm", "<p>Second</p>");
        dir.File("notes.pdf", "not read");

        var (docs, diagnostics) = Read(dir.Path);

        Assert.Equal(["a/c.htm", "a/z.html", "b.txt"], docs.Select(d => Path.GetRelativePath(dir.Path, d.Source).Replace('\\', '/')));
        Assert.Equal([ContentKind.Html, ContentKind.Html, ContentKind.PlainText], docs.Select(d => d.Kind));
        Assert.Contains(diagnostics, d => d.Code == Codes.UnsupportedFormat && d.Where.EndsWith("notes.pdf"));
    }

    [Fact]
    public void Missing_path_gets_a_diagnostic_and_the_rest_is_read()
    {
        using var dir = new TempDirectory();
        var good = dir.File("good.txt", Article);
        var (docs, diagnostics) = Read(dir.Combine("missing.txt"), good);

        Assert.Single(docs);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(Codes.NotFound, diagnostic.Code);
        Assert.EndsWith("missing.txt", diagnostic.Where);
    }

    [Fact]
    public void Empty_and_whitespace_files_are_reported()
    {
        using var dir = new TempDirectory();
        var empty = dir.File("empty.txt", "");
        var blank = dir.File("blank.txt", "  \n\t\n");
        var (docs, diagnostics) = Read(empty, blank);

        Assert.Empty(docs);
        Assert.Equal(2, diagnostics.Count(d => d.Code == Codes.EmptyInput));
        Assert.Contains(diagnostics, d => d.Where == empty);
        Assert.Contains(diagnostics, d => d.Where == blank);
    }

    [Fact]
    public void Binary_file_with_a_text_extension_is_refused()
    {
        using var dir = new TempDirectory();
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var binary = dir.File("photo.txt", bytes);
        var (docs, diagnostics) = Read(binary);

        Assert.Empty(docs);
        Assert.Equal(Codes.BinaryInput, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void File_over_the_size_cap_is_refused_without_being_read()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("huge.txt");
        using (var stream = File.Create(path)) stream.SetLength(101L * 1024 * 1024); // sparse: no 100 MB written
        var (docs, diagnostics) = Read(path);

        Assert.Empty(docs);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(Codes.TooLarge, diagnostic.Code);
        Assert.Contains("100 MB", diagnostic.Message);
    }

    [Fact]
    public void Gzip_input_is_decompressed_and_a_gzip_bomb_is_stopped_at_the_cap()
    {
        using var dir = new TempDirectory();
        var small = dir.File("story.txt.gz", Gzip(Encoding.UTF8.GetBytes(Article)));
        var bomb = dir.File("bomb.txt.gz", Gzip(Encoding.ASCII.GetBytes(new string('a', 3 * 1024 * 1024))));
        var limits = new InputLimits { MaxDecompressedBytes = 1024 * 1024 };

        var (docs, diagnostics) = Read(limits, small, bomb);

        Assert.Equal(Article, Assert.Single(docs).Content);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(Codes.TooLarge, diagnostic.Code);
        Assert.Equal(bomb, diagnostic.Where);
    }

    [Fact]
    public void Corrupt_gzip_is_a_malformed_archive()
    {
        using var dir = new TempDirectory();
        var path = dir.File("broken.html.gz", [0x1F, 0x8B, 0x08, 0x00, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42]);
        var (docs, diagnostics) = Read(path);
        Assert.Empty(docs);
        Assert.Equal(Codes.MalformedArchive, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Invalid_utf8_is_decoded_with_a_legacy_code_page_and_reported()
    {
        using var dir = new TempDirectory();
        TextDecoding.EnsureCodePages();
        var western = dir.File("cafe.txt", Encoding.GetEncoding(1252).GetBytes("Le café du marché a rouvert ses portes à Genève."));
        var cyrillic = dir.File("kyiv.txt", Encoding.GetEncoding(1251).GetBytes("Переговоры в Женеве продолжатся на следующей неделе, сообщили дипломаты."));
        var (docs, diagnostics) = Read(western, cyrillic);

        Assert.Equal("Le café du marché a rouvert ses portes à Genève.", docs[0].Content);
        Assert.StartsWith("Переговоры в Женеве", docs[1].Content);
        Assert.Equal(2, diagnostics.Count(d => d.Code == Codes.InvalidEncoding));
        Assert.Contains(diagnostics, d => d.Where == western && d.Message.Contains("windows-1252"));
    }

    [Fact]
    public void Html_meta_charset_is_honoured_when_bytes_are_not_utf8()
    {
        using var dir = new TempDirectory();
        TextDecoding.EnsureCodePages();
        var html = "<html><head><meta charset=\"iso-8859-2\"></head><body><p>Rząd ogłosił nowy budżet.</p></body></html>";
        var path = dir.File("page.html", Encoding.GetEncoding("iso-8859-2").GetBytes(html));
        var (docs, _) = Read(path);
        Assert.Contains("Rząd ogłosił nowy budżet.", Assert.Single(docs).Content);
    }

    [Fact]
    public void Utf8_bom_is_dropped()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bom.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Article)]);
        var (docs, diagnostics) = Read(path);
        Assert.Equal(Article, Assert.Single(docs).Content);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Unreadable_file_in_a_directory_is_reported_and_the_rest_is_read()
    {
        using var dir = new TempDirectory();
        dir.File("ok.txt", Article);
        // A link whose target is gone cannot be opened, whoever runs the test (root ignores permission bits).
        File.CreateSymbolicLink(dir.Combine("gone.txt"), dir.Combine("nowhere/target.txt"));
        var (docs, diagnostics) = Read(dir.Path);

        Assert.Single(docs);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(Codes.Unreadable, diagnostic.Code);
        Assert.EndsWith("gone.txt", diagnostic.Where);
    }

    [Fact]
    public void Jsonl_records_become_documents_and_bad_lines_are_reported_by_line()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.jsonl", string.Join('\n',
            """{"id":"wire-1","url":"https://example.org/a","outlet":"Example Wire","title":"Rail fares rise","published":"2024-03-05","text":"Fares will rise by four percent in April."}""",
            """{"url":"https://example.org/b","html":"<p>Flood warnings were lifted on Sunday.</p>"}""",
            """{"title":"No body here"}""",
            """{"text":"A record with neither id nor url.","published":"5 March"}""",
            """{not json""",
            ""));

        var (docs, diagnostics) = Read(path);

        Assert.Equal(["wire-1", "https://example.org/b", $"{path}:4"], docs.Select(d => d.Source));
        Assert.Equal("Example Wire", docs[0].Hints.Outlet);
        Assert.Equal(new NodaTime.LocalDate(2024, 3, 5), docs[0].Hints.Published);
        Assert.Equal(ContentKind.Html, docs[1].Kind);
        Assert.Contains(diagnostics, d => d.Code == Codes.MalformedRecord && d.Where == $"{path}:3");
        Assert.Contains(diagnostics, d => d.Code == Codes.MalformedRecord && d.Where == $"{path}:4" && d.Message.Contains("5 March"));
        Assert.Contains(diagnostics, d => d.Code == Codes.MalformedRecord && d.Where == $"{path}:5");
    }

    [Fact]
    public void Manifest_rows_are_found_by_relative_path_full_path_or_file_name()
    {
        using var dir = new TempDirectory();
        var story = dir.File("in/harbour.txt", Article);
        var other = dir.File("in/deep/rates.txt", "Central bank holds rates.\n");
        var manifestPath = dir.File("manifest.csv",
            "path,url,outlet,published\nin/harbour.txt,https://example.org/harbour,Coastal Herald,2024-06-01\n\"rates.txt\",,\"Money, Markets Daily\",2024-13-40\n");
        var bag = new DiagnosticBag();

        var manifest = Manifest.Load(manifestPath, bag);
        var docs = InputReader.Read([dir.Combine("in")], manifest, bag).ToList();

        var harbour = docs.Single(d => d.Source == story);
        Assert.Equal("Coastal Herald", harbour.Hints.Outlet);
        Assert.Equal(new NodaTime.LocalDate(2024, 6, 1), harbour.Hints.Published);
        var rates = docs.Single(d => d.Source == other);
        Assert.Equal("Money, Markets Daily", rates.Hints.Outlet);
        Assert.Null(rates.Hints.Published);
        Assert.Contains(bag.Items, d => d.Code == Codes.ManifestProblem && d.Message.Contains("2024-13-40"));
    }

    [Fact]
    public void Jsonl_manifest_and_missing_manifest()
    {
        using var dir = new TempDirectory();
        var manifestPath = dir.File("meta.jsonl", """{"path":"a.txt","outlet":"Valley Voice","url":"https://example.net/a"}""" + "\n");
        var bag = new DiagnosticBag();
        var manifest = Manifest.Load(manifestPath, bag);
        Assert.Equal("Valley Voice", manifest.For(Path.Combine(dir.Path, "a.txt")).Outlet);
        Assert.Same(MetadataHints.None, manifest.For(Path.Combine(dir.Path, "b.txt")));

        var missing = Manifest.Load(dir.Combine("nope.csv"), bag);
        Assert.Equal(0, missing.Count);
        Assert.Contains(bag.Items, d => d.Code == Codes.ManifestProblem && d.Where.EndsWith("nope.csv"));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest)) gz.Write(data);
        return output.ToArray();
    }
}
