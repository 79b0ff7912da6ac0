using System.Text;
using System.Text.Json.Nodes;
using Dossier.Core.Model;
using Dossier.Fixtures;
using Dossier.Reporting.Exports;
using Parquet.Serialization;

namespace Dossier.Reporting.Tests.Exports;

public sealed class LayerExportsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dossier-export-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Every_table_is_written_in_three_formats_with_a_source_column()
    {
        var written = LayerExports.WriteAll(SampleCorpus.Corpus(withHostile: true), _directory);
        foreach (var name in new[] { "paragraphs", "sentences", "entities", "numbers", "times", "quotes", "events", "stances",
                     "documents", "canonical_entities", "stories", "alignments", "discrepancies", "positions" })
        {
            foreach (var extension in new[] { "jsonl", "csv", "parquet" })
                Assert.Contains(Path.Combine(_directory, $"{name}.{extension}"), written);
            var header = ParseCsv(File.ReadAllText(Path.Combine(_directory, name + ".csv")))[0];
            Assert.Equal(["document_id", "source"], header.Take(2));
        }
        Assert.DoesNotContain(written, p => Path.GetFileName(p).StartsWith("tokens"));
    }

    [Fact]
    public void Jsonl_rows_have_the_dossier_json_shape_plus_document_and_source()
    {
        LayerExports.WriteAll(SampleCorpus.Corpus(), _directory);
        var lines = File.ReadAllLines(Path.Combine(_directory, "quotes.jsonl"));
        Assert.Equal(5, lines.Length);
        var first = JsonNode.Parse(lines[0])!;
        Assert.Equal(SampleCorpus.Gazette().Id, (string?)first["document_id"]);
        Assert.Equal("inputs/gazette/strike.html", (string?)first["source"]);
        Assert.Equal("Maria Jansen", (string?)first["speaker"]!["name"]);
        Assert.Equal("direct", (string?)first["kind"]);
        Assert.Contains("€30 million", File.ReadAllText(Path.Combine(_directory, "numbers.jsonl")));
    }

    [Fact]
    public void Csv_fields_with_commas_quotes_and_line_breaks_read_back_exactly()
    {
        LayerExports.WriteAll(SampleCorpus.Corpus(), _directory);
        var rows = ParseCsv(File.ReadAllText(Path.Combine(_directory, "paragraphs.csv"), Encoding.UTF8));
        var text = Array.IndexOf(rows[0], "text");
        var gazette = SampleCorpus.Gazette();
        var expected = gazette.Layer(Layers.Paragraphs).Select(p => gazette.TextOf(p.Span)).ToList();
        Assert.Equal(expected, rows.Skip(1).Where(r => r[0] == gazette.Id).Select(r => r[text]));
        Assert.Contains(expected, p => p.Contains('"') && p.Contains(','));

        var docs = ParseCsv(File.ReadAllText(Path.Combine(_directory, "documents.csv")));
        Assert.Equal(gazette.Text, docs[1][Array.IndexOf(docs[0], "text")]);
        Assert.Equal("[\"Anna Kowalska\",\"Tom Reed\"]", docs[1][Array.IndexOf(docs[0], "authors")]);

        var quotes = ParseCsv(File.ReadAllText(Path.Combine(_directory, "quotes.csv")));
        Assert.Equal("Maria Jansen", quotes[1][Array.IndexOf(quotes[0], "speaker_name")]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData("", "")]
    public void Csv_escaping_follows_rfc_4180(string field, string expected) => Assert.Equal(expected, Csv.Escape(field));

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")]
    [InlineData("+1 555 0100", "'+1 555 0100")]
    [InlineData("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("a = b", "a = b")]
    [InlineData("", "")]
    public void Text_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(string text, string written)
    {
        var table = new FlatTable("t", [new FlatColumn("text", typeof(string)), new FlatColumn("n", typeof(long))], [[text, -5L]]);
        using var output = new StringWriter();
        Csv.Write(table, output);
        Assert.Equal($"text,n\r\n{written},-5\r\n", output.ToString());
    }

    [Fact]
    public async Task Parquet_files_hold_the_same_rows_with_typed_columns()
    {
        await LayerExports.WriteAllAsync(SampleCorpus.Corpus(), _directory);
        await using var stream = File.OpenRead(Path.Combine(_directory, "entities.parquet"));
        var result = await ParquetSerializer.DeserializeUntypedAsync(stream);
        var rows = result.Data;
        Assert.Equal(8, rows.Count);
        Assert.Equal(SampleCorpus.Gazette().Id, rows[0]["document_id"]);
        Assert.Equal("ROTTERDAM", rows[0]["text"]);
        Assert.Equal(0L, rows[0]["start"]);
        Assert.Null(rows.Single(r => (string?)r["text"] == "Pieter de Vries").GetValueOrDefault("type"));
        Assert.Contains(result.Schema.GetDataFields(), f => f.Name == "source");
    }

    [Fact]
    public void Flattening_turns_nested_objects_into_prefixed_columns_and_types_them()
    {
        var table = FlatTable.From(new ExportTable("t", [
            new JsonObject { ["document_id"] = "d", ["source"] = "s", ["n"] = 1, ["x"] = new JsonObject { ["y"] = true }, ["list"] = new JsonArray("a", "b") },
            new JsonObject { ["document_id"] = "e", ["source"] = null, ["n"] = 2.5, ["extra"] = "z" },
        ]));
        Assert.Equal(["document_id", "source", "n", "x_y", "list", "extra"], table.Columns.Select(c => c.Name));
        Assert.Equal([typeof(string), typeof(string), typeof(double), typeof(bool), typeof(string), typeof(string)], table.Columns.Select(c => c.Type));
        Assert.Equal(["d", "s", 1.0, true, "[\"a\",\"b\"]", null], table.Rows[0]);
        Assert.Equal(["e", null, 2.5, null, null, "z"], table.Rows[1]);
    }

    [Fact]
    public void An_empty_corpus_still_writes_every_file()
    {
        var written = LayerExports.WriteAll(new Corpus(), _directory);
        Assert.All(written, path => Assert.True(File.Exists(path)));
        Assert.Equal("document_id,source\r\n", File.ReadAllText(Path.Combine(_directory, "quotes.csv")));
    }

    /// <summary>A strict RFC 4180 reader, written independently of the writer.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString()); field.Clear();
                rows.Add([.. row]); row.Clear();
                i++;
            }
            else field.Append(c);
        }
        Assert.False(quoted, "unterminated quoted field");
        Assert.True(field.Length == 0 && row.Count == 0, "last row not terminated by CRLF");
        return rows;
    }
}
