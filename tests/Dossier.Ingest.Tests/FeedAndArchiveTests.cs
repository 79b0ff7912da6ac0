using System.IO.Compression;
using System.Text;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using Dossier.Ingest.Archives;
using Dossier.Ingest.Feeds;

namespace Dossier.Ingest.Tests;

public class FeedAndArchiveTests
{
    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Harbour Herald</title>
            <item>
              <title>Ferry fares frozen</title>
              <link>https://herald.example/ferry</link>
              <guid>herald-1</guid>
              <pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
              <dc:creator>Lena Fischer</dc:creator>
              <description>Short summary.</description>
              <content:encoded><![CDATA[<p>The ferry operator froze fares until the end of March, citing falling fuel costs.</p>]]></content:encoded>
            </item>
            <item><title>No content</title><link>https://herald.example/empty</link></item>
          </channel>
        </rss>
        """;

    [Fact]
    public void Rss_items_carry_their_metadata_and_content()
    {
        var bag = new DiagnosticBag();
        var feed = FeedReader.Parse(Rss, "feed.xml", bag);
        Assert.NotNull(feed);
        Assert.Equal("rss", feed.Format);
        var item = feed.Items[0];
        Assert.Equal("Ferry fares frozen", item.Title);
        Assert.Equal(new NodaTime.LocalDate(2024, 3, 5), item.Published);
        Assert.Equal("Lena Fischer", item.Author);
        var doc = Assert.Single(FeedReader.Documents(feed, "feed.xml"));
        Assert.Equal("https://herald.example/ferry", doc.Source);
        Assert.Contains("froze fares", doc.Content);
        Assert.Equal("Harbour Herald", doc.Hints.Outlet);
    }

    [Fact]
    public void Atom_json_feed_and_opml_are_read()
    {
        var bag = new DiagnosticBag();
        var atom = FeedReader.Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Notes</title>
              <entry><title>Dam inspection</title><link rel="alternate" href="https://valley.example/dam"/><id>tag:valley,1</id>
                <published>2023-10-01T09:00:00Z</published><author><name>Ravi Menon</name></author>
                <content type="html">&lt;p&gt;Engineers inspected the dam.&lt;/p&gt;</content></entry>
            </feed>
            """, "atom.xml", bag)!;
        Assert.Equal("https://valley.example/dam", atom.Items[0].Link);
        Assert.Equal(new NodaTime.LocalDate(2023, 10, 1), atom.Items[0].Published);
        Assert.Contains("<p>Engineers inspected the dam.</p>", atom.Items[0].ContentHtml);

        var json = FeedReader.Parse("""{"version":"https://jsonfeed.org/version/1.1","title":"Plain Wire","items":[{"id":"1","url":"https://wire.example/1","title":"Rates held","content_text":"The bank held rates.\n\nMarkets were calm.","date_published":"2024-02-01T10:00:00Z","authors":[{"name":"Ana Silva"}]}]}""", "feed.json", bag)!;
        Assert.Equal("jsonfeed", json.Format);
        Assert.Equal("Ana Silva", json.Items[0].Author);
        Assert.Contains("<p>Markets were calm.</p>", json.Items[0].ContentHtml);

        var opml = FeedReader.Parse("""<opml version="2.0"><head><title>My feeds</title></head><body><outline text="News"><outline xmlUrl="https://a.example/rss"/><outline xmlUrl="https://b.example/atom"/></outline></body></opml>""", "list.opml", bag)!;
        Assert.Equal(["https://a.example/rss", "https://b.example/atom"], opml.FeedUrls);
        Assert.Empty(bag.Items);
    }

    [Fact]
    public void Entity_expansion_and_external_entities_are_refused()
    {
        const string billionLaughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <rss><channel><title>&lol2;</title></channel></rss>
            """;
        const string external = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss><channel><title>&xxe;</title></channel></rss>
            """;
        var bag = new DiagnosticBag();
        Assert.Null(FeedReader.Parse(billionLaughs, "laughs.xml", bag));
        Assert.Null(FeedReader.Parse(external, "xxe.xml", bag));
        Assert.Equal(2, bag.Items.Count(d => d.Code == Codes.Refused));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<rss><channel><item>")]
    [InlineData("{\"items\": 3}")]
    [InlineData("<html><body>not a feed</body></html>")]
    [InlineData("{broken")]
    public void Malformed_feeds_are_diagnostics(string content)
    {
        var bag = new DiagnosticBag();
        Assert.Null(FeedReader.Parse(content, "bad.xml", bag));
        Assert.Single(bag.Items);
    }

    [Fact]
    public void Warc_html_responses_are_read_record_by_record_from_gzip_members()
    {
        using var dir = new TempDirectory();
        var page = "<html><head><title>Bridge reopens</title></head><body><p>The bridge reopened to traffic on Monday after repairs.</p></body></html>";
        var compressedBody = Gzip(Encoding.UTF8.GetBytes(page));
        var records = new[]
        {
            Record("warcinfo", null, "application/warc-fields", Encoding.ASCII.GetBytes("software: test\r\n")),
            Record("request", "https://news.example/bridge", "application/http; msgtype=request", Encoding.ASCII.GetBytes("GET /bridge HTTP/1.1\r\nHost: news.example\r\n\r\n")),
            Record("response", "https://news.example/bridge", "application/http; msgtype=response",
                [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\nContent-Length: {compressedBody.Length}\r\n\r\n"), .. compressedBody]),
            Record("response", "https://news.example/moved", "application/http; msgtype=response", Encoding.ASCII.GetBytes("HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n")),
            Record("response", "https://news.example/logo.png", "application/http; msgtype=response", [.. Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n"), 0x89, 0x50]),
            Record("response", "https://news.example/chunked", "application/http; msgtype=response",
                Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n<p>Hel\r\n3\r\nlo.\r\n0\r\n\r\n")),
        };
        // Each record its own gzip member, as WARC writers do.
        var path = dir.File("crawl.warc.gz", records.SelectMany(Gzip).ToArray());
        var bag = new DiagnosticBag();

        var docs = WarcReader.Read(path, bag).ToList();

        Assert.Equal(["https://news.example/bridge", "https://news.example/chunked"], docs.Select(d => d.Source));
        Assert.Contains("bridge reopened to traffic", docs[0].Content);
        Assert.Equal("<p>Hello.", docs[1].Content);
        Assert.Equal(ContentKind.Html, docs[0].Kind);
        Assert.Empty(bag.Items);
    }

    [Fact]
    public void Truncated_and_garbage_archives_are_diagnostics()
    {
        using var dir = new TempDirectory();
        var record = Record("response", "https://news.example/a", "application/http; msgtype=response", Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Story text here.</p>"));
        var truncated = dir.File("cut.warc", record[..^20]);
        var garbage = dir.File("junk.warc", Encoding.ASCII.GetBytes("this is not an archive\r\n"));
        var bag = new DiagnosticBag();
        Assert.Empty(WarcReader.Read(truncated, bag));
        Assert.Empty(WarcReader.Read(garbage, bag));
        Assert.Empty(WarcReader.Read(dir.Combine("missing.warc"), bag));
        Assert.Equal(2, bag.Items.Count(d => d.Code == Codes.MalformedArchive));
        Assert.Contains(bag.Items, d => d.Code == Codes.Unreadable);
    }

    private static byte[] Record(string type, string? uri, string contentType, byte[] block)
    {
        var header = new StringBuilder("WARC/1.1\r\n")
            .Append($"WARC-Type: {type}\r\n")
            .Append(uri is null ? "" : $"WARC-Target-URI: {uri}\r\n")
            .Append($"Content-Type: {contentType}\r\n")
            .Append($"Content-Length: {block.Length}\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(header.ToString()), .. block, .. "\r\n\r\n"u8.ToArray()];
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest)) gz.Write(data);
        return output.ToArray();
    }
}
