using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Ingest;
using Dossier.Ingest.Evaluation;
using Dossier.Ingest.Extraction;
using NodaTime;

// Three steps of bench/readability/run.sh, so that every tool runs on the same pages and is scored by the same code:
//   pages SET_DIR PAGES_TSV [LIMIT]   the set's scorable pages: "index<TAB>id<TAB>html.gz path" per line
//   extract PAGES_TSV OUT_DIR         Dossier's extraction of each page into OUT_DIR/<index>.txt, plus OUT_DIR/timing.json
//   score SET_DIR WORK_DIR TOOL…      the set's metric (word 4-shingle F1, or trafilatura's snippet F1) for each
//                                     WORK_DIR/TOOL/, with its pages/s from TOOL/timing.json, as a Markdown table
// Each runner times only its own work on a page already read and gunzipped (decoding the bytes, parsing, extracting),
// by the wall clock and by its process's CPU time: on a shared machine the CPU time is the steadier measure.
return args switch
{
    ["pages", var set, var tsv, .. var rest] => WritePages(set, tsv, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : null),
    ["extract", var tsv, var outDir] => Extract(tsv, outDir),
    ["score", var set, var work, .. var tools] when tools.Length > 0 => Score(set, work, tools),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: pages SET_DIR PAGES_TSV [LIMIT] | extract PAGES_TSV OUT_DIR | score SET_DIR WORK_DIR TOOL...");
    return 2;
}

static int WritePages(string set, string tsv, int? limit)
{
    var pages = ExtractionEvaluator.Pages(set, limit);
    File.WriteAllLines(tsv, pages.Select((p, i) => $"{i}\t{p.Id}\t{Path.GetFullPath(p.HtmlPath)}"));
    Console.Error.WriteLine($"{pages.Count} pages from {set}");
    return 0;
}

static int Extract(string tsv, string outDir)
{
    Directory.CreateDirectory(outDir);
    var clock = new Stopwatch();
    var process = Process.GetCurrentProcess();
    var cpu = TimeSpan.Zero;
    var pages = 0;
    foreach (var line in File.ReadLines(tsv))
    {
        var fields = line.Split('\t');
        var bytes = Gunzip(fields[2]);
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        clock.Start();
        var decoded = TextDecoding.Decode(bytes, sniffHtml: true);
        var context = new StageContext(SystemClock.Instance, new DiagnosticBag());
        var text = Extractor.ExtractOne(new RawDocument(fields[1], decoded.Text, ContentKind.Html, MetadataHints.None), context)?.Document.Text ?? "";
        clock.Stop();
        process.Refresh();
        cpu += process.TotalProcessorTime - cpuStart;
        File.WriteAllText(Path.Combine(outDir, fields[0] + ".txt"), text);
        pages++;
    }
    File.WriteAllText(Path.Combine(outDir, "timing.json"), JsonSerializer.Serialize(new { pages, seconds = clock.Elapsed.TotalSeconds, cpuSeconds = cpu.TotalSeconds }));
    return 0;
}

static int Score(string set, string work, string[] tools)
{
    var index = File.ReadLines(Path.Combine(work, "pages.tsv")).Select(l => l.Split('\t')).ToDictionary(f => f[1], f => f[0], StringComparer.Ordinal);
    var table = new StringBuilder();
    table.AppendLine(CultureInfo.InvariantCulture, $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(set))}: {index.Count} pages");
    table.AppendLine("| tool | P | R | F1 | empty | pages per CPU-second | pages/s wall clock |");
    table.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
    foreach (var tool in tools)
    {
        var dir = Path.Combine(work, tool);
        var evaluation = ExtractionEvaluator.ScoreTexts(set, id =>
            index.TryGetValue(id, out var i) && File.Exists(Path.Combine(dir, i + ".txt")) ? File.ReadAllText(Path.Combine(dir, i + ".txt")) : null, index.Count);
        using var timing = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "timing.json")));
        var timed = timing.RootElement.GetProperty("pages").GetDouble();
        var perCpuSecond = timed / timing.RootElement.GetProperty("cpuSeconds").GetDouble();
        var perSecond = timed / timing.RootElement.GetProperty("seconds").GetDouble();
        var (p, r, f) = evaluation switch
        {
            { Shingles: { } s } => (s.Precision, s.Recall, s.F1),
            { Snippets: { } sn } => (sn.Precision, sn.Recall, sn.F1),
            _ => (0d, 0d, 0d),
        };
        table.AppendLine(CultureInfo.InvariantCulture, $"| {tool} | {p:F3} | {r:F3} | {f:F3} | {evaluation.Empty} | {perCpuSecond:F1} | {perSecond:F1} |");
    }
    Console.Out.Write(table.ToString());
    return 0;
}

static byte[] Gunzip(string path)
{
    using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
    using var buffer = new MemoryStream();
    gz.CopyTo(buffer);
    return buffer.ToArray();
}
