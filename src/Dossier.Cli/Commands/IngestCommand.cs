using System.CommandLine;
using Dossier.Cli.Console;
using Dossier.Core.Diagnostics;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Ingest.Archives;
using Dossier.Ingest.Feeds;
using Dossier.Ingest.Web;
using Dossier.Outputs;
using NodaTime;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier ingest feed|warc|url</c>: brings news in from feeds, web archives and URLs, analyses it and stores it in
/// the same database and outputs as <c>dossier analyze</c>. Fetching goes through <see cref="SafeFetcher"/> (no private
/// addresses unless --allow-private, caps, timeouts, politeness, robots.txt); the validators of every fetched page are
/// kept beside the database, so that a later run asks conditionally and skips pages that have not changed.
/// </summary>
public static class IngestCommand
{
    public static Command Create() =>
        new("ingest", CommandLine.Describe(
            "Fetch or read news from feeds, web archives and URLs, analyse it, and add it to the dossier database.",
            "dossier ingest feed https://example.org/world/rss.xml --out out/",
            "dossier ingest warc crawl.warc.gz --out out/",
            "dossier ingest url https://example.org/news/2025/03/talks-resume --out out/"))
        {
            FeedCommand(),
            WarcCommand(),
            UrlCommand(),
        };

    /// <summary>The options every ingest subcommand shares: where results go and how pages are fetched.</summary>
    private sealed class Shared
    {
        public readonly Option<string> Out = new("--out", "-o") { Description = "Directory for the dossier outputs and dossier.db.", DefaultValueFactory = _ => "out" };
        public readonly Option<string?> Database = new("--db") { Description = "SQLite database to add to (default: OUT/dossier.db)." };
        public readonly Option<string[]> Formats = new("--format", "-f")
        {
            Description = "Outputs to write: json, md, html, jsonl, csv, parquet (repeat or comma-separate).",
            DefaultValueFactory = _ => ["json", "md", "html"],
            AllowMultipleArgumentsPerToken = true,
        };
        public readonly Option<int> Jobs = new("--jobs", "-j") { Description = "Documents analysed in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        public readonly Option<bool> AllowPrivate = new("--allow-private")
        {
            Description = "Allow private, loopback and link-local addresses (refused by default: a URL must not reach your own network). Only for trusted internal sites.",
        };
        public readonly Option<string?> UserAgent = new("--user-agent") { Description = "User-Agent header sent with every request; robots.txt rules are matched against it." };
        public readonly Option<double> Timeout = new("--timeout") { Description = "Seconds to wait for a connection, and for each response.", DefaultValueFactory = _ => 20 };
        public readonly Option<double> Delay = new("--delay") { Description = "Least seconds between two requests to the same host (politeness).", DefaultValueFactory = _ => 1 };
        public readonly Option<int> MaxSize = new("--max-size") { Description = "Largest page downloaded, in MB.", DefaultValueFactory = _ => 50 };
        public readonly Option<int> MaxRedirects = new("--max-redirects") { Description = "Redirects followed per URL.", DefaultValueFactory = _ => 5 };

        public void AddTo(Command command, bool fetches)
        {
            command.Options.Add(Out);
            command.Options.Add(Database);
            command.Options.Add(Formats);
            command.Options.Add(Jobs);
            if (!fetches) return;
            foreach (var option in new Option[] { AllowPrivate, UserAgent, Timeout, Delay, MaxSize, MaxRedirects }) command.Options.Add(option);
        }

        public FetchOptions? FetchOptions(ParseResult parse, Reporter reporter)
        {
            var timeout = parse.GetValue(Timeout);
            var delay = parse.GetValue(Delay);
            var maxSize = parse.GetValue(MaxSize);
            var redirects = parse.GetValue(MaxRedirects);
            if (timeout <= 0 || delay < 0 || maxSize <= 0 || redirects < 0)
            {
                reporter.Error("E004 --timeout and --max-size must be positive, --delay and --max-redirects not negative.");
                return null;
            }
            var options = new FetchOptions
            {
                AllowPrivate = parse.GetValue(AllowPrivate),
                Timeout = TimeSpan.FromSeconds(timeout),
                PolitenessDelay = TimeSpan.FromSeconds(delay),
                MaxBytes = maxSize * 1024L * 1024,
                MaxRedirects = redirects,
            };
            var agent = parse.GetValue(UserAgent);
            return string.IsNullOrWhiteSpace(agent) ? options : options with { UserAgent = agent.Trim() };
        }
    }

    private static Command FeedCommand()
    {
        var shared = new Shared();
        var source = new Argument<string>("source") { Description = "A feed (RSS, Atom, JSON Feed) or an OPML list of feeds: a URL or a file." };
        var noFollow = new Option<bool>("--no-follow") { Description = "Use the text the feed carries instead of fetching each item's page." };
        var maxFeeds = new Option<int>("--max-feeds") { Description = "Feeds read from an OPML list.", DefaultValueFactory = _ => 200 };
        var command = new Command("feed", CommandLine.Describe(
            "Read a feed or an OPML list of feeds, follow each item to its page (the feed's own text stands in when a page cannot be fetched), analyse and store.",
            "dossier ingest feed https://example.org/world/rss.xml --out out/",
            "dossier ingest feed subscriptions.opml --delay 2 --user-agent \"MyLab-Dossier/1.0\""))
        {
            source, noFollow, maxFeeds,
        };
        shared.AddTo(command, fetches: true);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, shared, fetches: true, cancellationToken, async (fetcher, cache, diagnostics) =>
        {
            var documents = await FeedIngestor.ReadAsync(parse.GetValue(source)!, fetcher!, diagnostics,
                followLinks: !parse.GetValue(noFollow), maxFeeds: Math.Max(1, parse.GetValue(maxFeeds)), cancellationToken, cache);
            return [documents];
        }, isUsable: parse => IsUrl(parse.GetValue(source)!) || File.Exists(parse.GetValue(source)!)));
        return command;
    }

    private static Command WarcCommand()
    {
        var shared = new Shared();
        var files = new Argument<string[]>("files") { Description = "WARC files (.warc or .warc.gz), read as a stream.", Arity = ArgumentArity.OneOrMore };
        var batch = new Option<int>("--batch") { Description = "Pages analysed and stored per step: bounds the memory a large archive needs.", DefaultValueFactory = _ => 1000 };
        var command = new Command("warc", CommandLine.Describe(
            "Read the HTML pages of web archives record by record, analyse and store them.",
            "dossier ingest warc crawl.warc.gz --out out/"))
        {
            files, batch,
        };
        shared.AddTo(command, fetches: false);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, shared, fetches: false, cancellationToken, (_, _, diagnostics) =>
        {
            var records = parse.GetValue(files)!.SelectMany(path => WarcReader.Read(path, diagnostics));
            return Task.FromResult<IEnumerable<IReadOnlyList<RawDocument>>>(records.Chunk(Math.Max(1, parse.GetValue(batch))));
        }, isUsable: parse => parse.GetValue(files)!.All(File.Exists)));
        return command;
    }

    private static Command UrlCommand()
    {
        var shared = new Shared();
        var urls = new Argument<string[]>("urls") { Description = "http(s) URLs of news pages.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("url", CommandLine.Describe(
            "Fetch news pages, analyse and store them.",
            "dossier ingest url https://example.org/news/2025/03/talks-resume --out out/"))
        {
            urls,
        };
        shared.AddTo(command, fetches: true);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, shared, fetches: true, cancellationToken, async (fetcher, cache, diagnostics) =>
        {
            var list = parse.GetValue(urls)!;
            var pages = new RawDocument?[list.Length];
            // Several hosts at once; the fetcher keeps each host's politeness delay.
            await Parallel.ForAsync(0, list.Length, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
                async (i, token) => pages[i] = await fetcher!.FetchDocumentAsync(list[i], diagnostics, token, cache));
            return [pages.OfType<RawDocument>().ToList()];
        }, isUsable: parse => parse.GetValue(urls)!.All(IsUrl)));
        return command;
    }

    private static bool IsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Reads the inputs (in batches), analyses each batch into the database, then writes the outputs once.</summary>
    private static async Task<int> RunAsync(
        ParseResult parse, Shared shared, bool fetches, CancellationToken cancellationToken,
        Func<SafeFetcher?, FetchCache?, DiagnosticBag, Task<IEnumerable<IReadOnlyList<RawDocument>>>> read,
        Func<ParseResult, bool> isUsable)
    {
        var reporter = CommandLine.Reporter(parse);
        if (!isUsable(parse))
        {
            reporter.Error("E002 input not found: give existing files, or http(s) URLs where a URL is expected.");
            return CommandLine.UsageError;
        }
        var wanted = OutputFormats.Parse(parse.GetValue(shared.Formats)!, reporter);
        if (wanted is null) return CommandLine.UsageError;
        var fetchOptions = fetches ? shared.FetchOptions(parse, reporter) : null;
        if (fetches && fetchOptions is null) return CommandLine.UsageError;

        var outDir = parse.GetValue(shared.Out)!;
        Directory.CreateDirectory(outDir);
        var databasePath = parse.GetValue(shared.Database) ?? Path.Combine(outDir, "dossier.db");
        var context = new StageContext(SystemClock.Instance, new DiagnosticBag());
        var options = new AnalysisOptions
        {
            DatabasePath = databasePath,
            MaxDegreeOfParallelism = Math.Max(1, parse.GetValue(shared.Jobs)),
            Context = context,
        };
        var cache = fetches ? FetchCache.Load(Path.ChangeExtension(databasePath, ".fetch.json"), context.Diagnostics) : null;
        using var fetcher = fetchOptions is null ? null : new SafeFetcher(fetchOptions);

        AnalysisResult? result = null;
        int inputs = 0, fresh = 0;
        foreach (var batch in await read(fetcher, cache, context.Diagnostics))
        {
            result = await reporter.WithProgressAsync(progress =>
                Analyzer.Default.AnalyzeAsync(batch, options with { Progress = progress }, cancellationToken));
            inputs += result.InputItems;
            fresh += result.NewDocuments;
        }
        cache?.Save(context.Diagnostics);
        reporter.Report(context.Diagnostics.Items);

        if (result is null || !result.AnalysedAnything)
        {
            reporter.Error("E001 nothing could be ingested: every input was refused, unreachable, empty or unsupported (see the diagnostics above).");
            return CommandLine.NothingDone;
        }
        var written = DossierOutputs.Write(result.Corpus, result.Diagnostics, outDir, wanted);
        reporter.Info($"{fresh} new of {inputs} documents read; {result.Corpus.Documents.Length} in the dossier, {result.Corpus.Stories.Length} stories.");
        foreach (var file in written) reporter.Info($"wrote {file}");
        return CommandLine.Ok;
    }
}
