using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Ingest.Extraction;
using NodaTime;

namespace Dossier.Ingest.Evaluation;

/// <summary>Body overlap scores averaged over documents.</summary>
public sealed record BodyScores(double Precision, double Recall, double F1, double MeanDocumentF1, int Documents);

/// <summary>Trafilatura's protocol: snippets that must appear ("with") or must not ("without"), summed over documents.</summary>
public sealed record SnippetScores(int TruePositives, int FalseNegatives, int FalsePositives, int TrueNegatives)
{
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);
    public double Accuracy => Ratio(TruePositives + TrueNegatives, TruePositives + TrueNegatives + FalsePositives + FalseNegatives);
    public double F1 => Ratio(2 * TruePositives, 2 * TruePositives + FalsePositives + FalseNegatives);
    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}

/// <summary>WCXB's snippet rates: the share of "with" snippets found (higher is better) and of "without" snippets found
/// (lower is better), averaged over pages.</summary>
public sealed record SnippetRates(double WithRate, double WithoutRate);

public sealed record FieldAccuracy(int Correct, int Total)
{
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;
}

/// <summary>One page's outcome, for finding where the extractor goes wrong.</summary>
public sealed record PageResult(
    string Id,
    string? PageType,
    double? ShingleF1,
    double? WordF1,
    string? Title,
    string? GoldTitle,
    string? Authors,
    string? GoldAuthors,
    string? Date,
    string? GoldDate,
    string Text);

/// <summary>The scores of one data set.</summary>
public sealed record ExtractionEvaluation(
    string Name,
    string Directory,
    int Pages,
    int Empty,
    BodyScores? Shingles,
    BodyScores? Words,
    SnippetScores? Snippets,
    SnippetRates? Rates,
    FieldAccuracy? Title,
    FieldAccuracy? Author,
    FieldAccuracy? Date,
    double Seconds,
    double CpuSeconds,
    IReadOnlyList<(string PageType, BodyScores Shingles, BodyScores Words)> ByPageType,
    IReadOnlyList<PageResult> Results)
{
    /// <summary>Pages per second of extraction (decoding and extracting; reading the gold and the disk excluded), one thread, wall clock.</summary>
    public double PagesPerSecond => Seconds > 0 ? Pages / Seconds : 0;

    /// <summary>Pages per second of the process's CPU time: steadier than the wall clock on a busy machine.</summary>
    public double PagesPerCpuSecond => CpuSeconds > 0 ? Pages / CpuSeconds : 0;
}

/// <summary>
/// Scores the extractor on the development sets in ../shared/data/extraction, each by its source's protocol
/// (read each set's README): NAEB (word 4-shingles, newspaper4k's variant), trafilatura's with/without snippets,
/// WCXB's bag of words and snippet rates; plus word 4-shingles wherever a full gold body exists, and title, author and
/// date accuracy where the set has them.
/// </summary>
public static partial class ExtractionEvaluator
{
    /// <summary>Evaluates the set in <paramref name="directory"/>, or every set below it.</summary>
    public static IReadOnlyList<ExtractionEvaluation> Evaluate(string directory, int? limit = null)
    {
        var sets = new List<string>();
        if (Kind(directory) is not null) sets.Add(directory);
        else if (System.IO.Directory.Exists(directory))
            sets.AddRange(System.IO.Directory.GetDirectories(directory).Where(d => Kind(d) is not null).Order(StringComparer.Ordinal));
        return sets.Select(d => EvaluateSet(d, limit)).ToList();
    }

    private enum SetKind { Naeb, Trafilatura, Wcxb }

    private static SetKind? Kind(string directory) =>
        File.Exists(Path.Combine(directory, "articles.json")) ? SetKind.Naeb
        : File.Exists(Path.Combine(directory, "evaldata.json")) ? SetKind.Trafilatura
        : System.IO.Directory.Exists(Path.Combine(directory, "ground-truth")) ? SetKind.Wcxb
        : null;

    private sealed record Gold(
        string Id,
        string HtmlPath,
        string? PageType,
        string? Body,
        IReadOnlyList<string>? With,
        IReadOnlyList<string>? Without,
        string? Title,
        string? Author,
        string? Date);

    public static ExtractionEvaluation EvaluateSet(string directory, int? limit = null) => Score(directory, limit, textOf: null);

    /// <summary>The pages of a set that can be scored (gold and HTML both present), in scoring order: what another
    /// extractor must be run on for <see cref="ScoreTexts"/>.</summary>
    public static IReadOnlyList<(string Id, string HtmlPath)> Pages(string directory, int? limit = null) =>
        Golds(directory, limit).Golds.Select(g => (g.Id, g.HtmlPath)).ToList();

    /// <summary>Scores texts extracted by another tool (page id to text; null when it produced none) with the same
    /// metrics as Dossier's own run. Metadata is not scored; timing is the other tool's to measure.</summary>
    public static ExtractionEvaluation ScoreTexts(string directory, Func<string, string?> textOf, int? limit = null) =>
        Score(directory, limit, textOf);

    private static (SetKind Kind, List<Gold> Golds) Golds(string directory, int? limit)
    {
        var kind = Kind(directory) ?? throw new ArgumentException($"{directory} holds no known extraction data set", nameof(directory));
        var golds = kind switch
        {
            SetKind.Naeb => LoadNaeb(directory),
            SetKind.Trafilatura => LoadTrafilatura(directory),
            _ => LoadWcxb(directory),
        };
        golds = golds.Where(g => File.Exists(g.HtmlPath)).OrderBy(g => g.Id, StringComparer.Ordinal).ToList();
        if (limit is { } n) golds = golds.Take(n).ToList();
        return (kind, golds);
    }

    private static ExtractionEvaluation Score(string directory, int? limit, Func<string, string?>? textOf)
    {
        var (kind, golds) = Golds(directory, limit);

        var results = new List<PageResult>();
        var shingle = new List<(double P, double R, double F, string? Type)>();
        var words = new List<(double P, double R, double F, string? Type)>();
        int tp = 0, fn = 0, fp = 0, tn = 0;
        double withRate = 0, withoutRate = 0;
        int titleOk = 0, titleN = 0, authorOk = 0, authorN = 0, dateOk = 0, dateN = 0, empty = 0;
        var clock = new Stopwatch();
        var process = Process.GetCurrentProcess();
        var cpu = TimeSpan.Zero;
        foreach (var gold in golds)
        {
            string text;
            DocumentMetadata? metadata = null;
            if (textOf is not null) text = textOf(gold.Id) ?? "";
            else
            {
                var bytes = ReadGzip(gold.HtmlPath);
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                clock.Start();
                var decoded = TextDecoding.Decode(bytes, sniffHtml: true);
                var context = new StageContext(SystemClock.Instance, new DiagnosticBag());
                var extracted = Extractor.ExtractOne(new RawDocument(gold.Id, decoded.Text, ContentKind.Html, MetadataHints.None), context);
                clock.Stop();
                process.Refresh();
                cpu += process.TotalProcessorTime - cpuBefore;
                text = extracted?.Document.Text ?? "";
                metadata = extracted?.Document.Metadata;
            }
            if (text.Length == 0) empty++;

            double? shingleF1 = null, wordF1 = null;
            if (gold.Body is not null)
            {
                var s = ShingleScore(text, gold.Body);
                shingle.Add((s.P, s.R, s.F, gold.PageType));
                shingleF1 = s.F;
                if (kind == SetKind.Wcxb)
                {
                    var w = WordScore(text, gold.Body);
                    words.Add((w.P, w.R, w.F, gold.PageType));
                    wordF1 = w.F;
                }
            }
            if (kind == SetKind.Trafilatura)
            {
                var normalized = Whitespace().Replace(text, " ").Trim();
                foreach (var snippet in gold.With ?? [])
                {
                    if (normalized.Contains(Whitespace().Replace(snippet, " ").Trim(), StringComparison.Ordinal)) tp++;
                    else fn++;
                }
                foreach (var snippet in gold.Without ?? [])
                {
                    if (normalized.Contains(Whitespace().Replace(snippet, " ").Trim(), StringComparison.Ordinal)) fp++;
                    else tn++;
                }
            }
            else if (kind == SetKind.Wcxb)
            {
                var lower = text.ToLowerInvariant();
                withRate += Rate(lower, gold.With);
                withoutRate += Rate(lower, gold.Without);
            }

            var title = metadata?.Title;
            if (textOf is null && !string.IsNullOrWhiteSpace(gold.Title))
            {
                titleN++;
                if (title is not null && NormalizeField(title) == NormalizeField(gold.Title)) titleOk++;
            }
            var authors = metadata is null ? null : string.Join("; ", metadata.Authors);
            if (textOf is null && !string.IsNullOrWhiteSpace(gold.Author))
            {
                authorN++;
                if (authors is not null && AuthorSet(authors).SetEquals(AuthorSet(gold.Author))) authorOk++;
            }
            var date = Dates.Format(metadata?.Published);
            if (textOf is null && !string.IsNullOrWhiteSpace(gold.Date))
            {
                dateN++;
                if (date == gold.Date) dateOk++;
            }
            results.Add(new PageResult(gold.Id, gold.PageType, shingleF1, wordF1, title, gold.Title, authors, gold.Author, date, gold.Date, text));
        }

        var pages = golds.Count;
        return new ExtractionEvaluation(
            kind switch { SetKind.Naeb => "naeb", SetKind.Trafilatura => "trafilatura-eval", _ => "wcxb-dev" },
            directory,
            pages,
            empty,
            shingle.Count > 0 ? Average(shingle) : null,
            words.Count > 0 ? AverageMacro(words) : null,
            kind == SetKind.Trafilatura ? new SnippetScores(tp, fn, fp, tn) : null,
            kind == SetKind.Wcxb && pages > 0 ? new SnippetRates(withRate / pages, withoutRate / pages) : null,
            titleN > 0 ? new FieldAccuracy(titleOk, titleN) : null,
            authorN > 0 ? new FieldAccuracy(authorOk, authorN) : null,
            dateN > 0 ? new FieldAccuracy(dateOk, dateN) : null,
            clock.Elapsed.TotalSeconds,
            cpu.TotalSeconds,
            kind == SetKind.Wcxb
                ? shingle.Select(s => s.Type ?? "unknown").Distinct().Order(StringComparer.Ordinal)
                    .Select(t => (t, Average(shingle.Where(s => (s.Type ?? "unknown") == t).ToList()), AverageMacro(words.Where(w => (w.Type ?? "unknown") == t).ToList())))
                    .ToList()
                : [],
            results);
    }

    /// <summary>A plain-text report of the scores, one block per set.</summary>
    public static string Format(IReadOnlyList<ExtractionEvaluation> evaluations)
    {
        var sb = new StringBuilder();
        foreach (var e in evaluations)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{e.Name}: {e.Pages} pages ({e.Empty} with no body), {e.PagesPerSecond:F1} pages/s on one thread ({e.PagesPerCpuSecond:F1} per CPU second)");
            if (e.Shingles is { } s)
                sb.AppendLine(CultureInfo.InvariantCulture, $"  body, word 4-shingles (mean P, mean R, F1 of means; mean per-page F1): P {s.Precision:F4}  R {s.Recall:F4}  F1 {s.F1:F4}  (per-page F1 {s.MeanDocumentF1:F4})");
            if (e.Words is { } w)
                sb.AppendLine(CultureInfo.InvariantCulture, $"  body, bag of words (WCXB protocol, macro F1): P {w.Precision:F4}  R {w.Recall:F4}  F1 {w.MeanDocumentF1:F4}");
            if (e.Snippets is { } sn)
                sb.AppendLine(CultureInfo.InvariantCulture, $"  snippets with/without (trafilatura protocol): P {sn.Precision:F4}  R {sn.Recall:F4}  accuracy {sn.Accuracy:F4}  F1 {sn.F1:F4}  (tp {sn.TruePositives}, fn {sn.FalseNegatives}, fp {sn.FalsePositives}, tn {sn.TrueNegatives})");
            if (e.Rates is { } r)
                sb.AppendLine(CultureInfo.InvariantCulture, $"  snippet rates (WCXB protocol): with {r.WithRate:F4} (higher is better)  without {r.WithoutRate:F4} (lower is better)");
            foreach (var (type, ts, tw) in e.ByPageType)
                sb.AppendLine(CultureInfo.InvariantCulture, $"    {type,-14} {ts.Documents,4} pages  shingle F1 {ts.F1:F4}  word F1 {tw.MeanDocumentF1:F4}");
            if (e.Title is { } t) sb.AppendLine(CultureInfo.InvariantCulture, $"  title accuracy {t.Accuracy:F4} ({t.Correct}/{t.Total}, whitespace, case and quote style ignored)");
            if (e.Author is { } a) sb.AppendLine(CultureInfo.InvariantCulture, $"  author accuracy {a.Accuracy:F4} ({a.Correct}/{a.Total}, as sets of names)");
            if (e.Date is { } d) sb.AppendLine(CultureInfo.InvariantCulture, $"  date accuracy {d.Accuracy:F4} ({d.Correct}/{d.Total}, exact day)");
        }
        return sb.ToString();
    }

    /// <summary>newspaper4k's variant of the scrapinghub metric: multisets of word 4-shingles (tokens are \w+, case kept).</summary>
    internal static (double P, double R, double F) ShingleScore(string predicted, string gold)
    {
        var p = Shingles(predicted);
        var g = Shingles(gold);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (key, count) in p)
        {
            var gc = g.GetValueOrDefault(key);
            tp += Math.Min(count, gc);
            fp += Math.Max(0, count - gc);
        }
        foreach (var (key, count) in g) fn += Math.Max(0, count - p.GetValueOrDefault(key));
        double precision, recall;
        if (fp == 0 && fn == 0) precision = recall = 1;
        else
        {
            precision = tp == 0 && fp == 0 ? 0 : tp / (tp + fp);
            recall = tp == 0 && fn == 0 ? 0 : tp / (tp + fn);
        }
        var f = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f);
    }

    /// <summary>WCXB's bag-of-words overlap on lower-cased \w+ tokens.</summary>
    internal static (double P, double R, double F) WordScore(string predicted, string gold)
    {
        var p = Counts(Tokens(predicted.ToLowerInvariant()));
        var g = Counts(Tokens(gold.ToLowerInvariant()));
        var pn = p.Values.Sum();
        var gn = g.Values.Sum();
        if (gn == 0) return pn == 0 ? (1, 1, 1) : (0, 0, 0);
        if (pn == 0) return (0, 0, 0);
        double overlap = p.Sum(kv => Math.Min(kv.Value, g.GetValueOrDefault(kv.Key)));
        var precision = overlap / pn;
        var recall = overlap / gn;
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    private static BodyScores Average(IReadOnlyList<(double P, double R, double F, string? Type)> scores)
    {
        var p = scores.Average(s => s.P);
        var r = scores.Average(s => s.R);
        return new BodyScores(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), scores.Average(s => s.F), scores.Count);
    }

    private static BodyScores AverageMacro(IReadOnlyList<(double P, double R, double F, string? Type)> scores) =>
        scores.Count == 0 ? new BodyScores(0, 0, 0, 0, 0) : Average(scores);

    private static double Rate(string lowerText, IReadOnlyList<string>? snippets)
    {
        if (snippets is null || snippets.Count == 0) return 1; // the source's quirk: an empty list scores 1
        return snippets.Count(s => lowerText.Contains(s.ToLowerInvariant(), StringComparison.Ordinal)) / (double)snippets.Count;
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokens(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 4 <= tokens.Count; i++)
        {
            var key = string.Join('\u0001', tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3]);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    private static List<string> Tokens(string text) => WordToken().Matches(text).Select(m => m.Value).ToList();

    private static Dictionary<string, int> Counts(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in tokens) counts[t] = counts.GetValueOrDefault(t) + 1;
        return counts;
    }

    private static string NormalizeField(string value) =>
        Whitespace().Replace(value.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"').ToLowerInvariant(), " ").Trim().TrimEnd('.', ' ');

    private static HashSet<string> AuthorSet(string authors) =>
        AuthorSeparator().Split(authors).Select(a => NormalizeField(a)).Where(a => a.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static byte[] ReadGzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gz.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static List<Gold> LoadNaeb(string directory)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "articles.json")));
        return json.RootElement.EnumerateObject().Select(p => new Gold(
            p.Name,
            Path.Combine(directory, "html", p.Name + ".html.gz"),
            "article",
            Str(p.Value, "articleBody"),
            null,
            null,
            Str(p.Value, "title"),
            Str(p.Value, "authors"),
            Str(p.Value, "date") is { } d && d != "NaT" ? d : null)).ToList();
    }

    private static List<Gold> LoadTrafilatura(string directory)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "evaldata.json")));
        return json.RootElement.EnumerateObject().Select(p => new Gold(
            p.Name,
            Path.Combine(directory, "html", Str(p.Value, "file") + ".gz"),
            null,
            null,
            Strings(p.Value, "with"),
            Strings(p.Value, "without"),
            Str(p.Value, "title"),
            p.Value.TryGetProperty("author", out var a) && a.ValueKind == JsonValueKind.Array ? string.Join("; ", Strings(p.Value, "author")) : Str(p.Value, "author"),
            Str(p.Value, "date"))).ToList();
    }

    private static List<Gold> LoadWcxb(string directory)
    {
        var golds = new List<Gold>();
        foreach (var path in System.IO.Directory.GetFiles(Path.Combine(directory, "ground-truth"), "*.json.gz").Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(ReadGzip(path));
            var root = json.RootElement;
            var id = Str(root, "file_id") ?? Path.GetFileName(path).Split('.')[0];
            var truth = root.TryGetProperty("ground_truth", out var g) ? g : default;
            string? pageType = null;
            if (root.TryGetProperty("_internal", out var internalInfo) && internalInfo.TryGetProperty("page_type", out var pt))
                pageType = Str(pt, "primary");
            if (pageType == "category") pageType = "collection";
            golds.Add(new Gold(
                id,
                Path.Combine(directory, "html", id + ".html.gz"),
                pageType,
                truth.ValueKind == JsonValueKind.Object ? Str(truth, "main_content") ?? "" : "",
                Strings(truth, "with"),
                Strings(truth, "without"),
                Str(truth, "title"),
                Str(truth, "author"),
                Str(truth, "publish_date") is { } d ? (Dates.ParseIsoDate(d) is { } date ? Dates.Format(date) : null) : null));
        }
        return golds;
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordToken();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s*(?:,|;|\||&|\band\b)\s*")]
    private static partial Regex AuthorSeparator();
}
