using System.Text;
using Dossier.Core.Diagnostics;
using Dossier.Reporting.Exports;
using Dossier.Reporting.Html;
using Dossier.Reporting.Json;
using Dossier.Reporting.Markdown;
using CorpusModel = Dossier.Core.Model.Corpus;

namespace Dossier.Outputs;

/// <summary>Writes the files a run asked for into one directory and says which it wrote.</summary>
public static class DossierOutputs
{
    public static IReadOnlyList<string> Write(
        CorpusModel corpus, IReadOnlyList<Diagnostic> diagnostics, string directory, IReadOnlySet<string> formats)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        if (formats.Contains("json"))
        {
            var path = Path.Combine(directory, "dossier.json");
            using (var stream = File.Create(path)) DossierJson.Write(corpus, diagnostics, stream);
            written.Add(path);
        }
        if (formats.Contains("md")) written.Add(WriteText(Path.Combine(directory, "dossier.md"), w => MarkdownReport.Write(corpus, w)));
        if (formats.Contains("html")) written.Add(WriteText(Path.Combine(directory, "dossier.html"), w => HtmlReport.Write(corpus, w)));
        // One request for any per-layer format writes the layer tables in all three (JSONL, CSV, Parquet) side by side.
        if (formats.Overlaps(["jsonl", "csv", "parquet"]))
            written.AddRange(LayerExports.WriteAll(corpus, Path.Combine(directory, "layers")));
        return written;
    }

    private static string WriteText(string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        write(writer);
        return path;
    }
}
