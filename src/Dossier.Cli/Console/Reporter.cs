using Dossier.Core.Diagnostics;
using Spectre.Console;

namespace Dossier.Cli.Console;

/// <summary>
/// Everything a command says to a person: a progress bar on a terminal, plain lines when redirected, nothing but
/// errors and results with --quiet. Results go to stdout; messages and progress to stderr.
/// </summary>
public sealed class Reporter(bool quiet, bool verbose)
{
    private static readonly IAnsiConsole Err = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(System.Console.Error),
    });

    public bool Quiet { get; } = quiet;
    public bool Verbose { get; } = verbose;

    /// <summary>True when a person watches a terminal: then a live progress bar is worth drawing.</summary>
    public bool Interactive => !Quiet && !System.Console.IsErrorRedirected && Err.Profile.Capabilities.Interactive;

    public void Info(string message)
    {
        if (!Quiet) System.Console.Error.WriteLine(message);
    }

    public void Detail(string message)
    {
        if (Verbose && !Quiet) System.Console.Error.WriteLine(message);
    }

    public void Error(string message) => System.Console.Error.WriteLine($"error: {message}");

    /// <summary>Prints diagnostics: errors and warnings always (warnings summarised unless verbose), info when verbose.</summary>
    public void Report(IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Where, StringComparer.Ordinal))
        {
            if (diagnostic.Severity == Severity.Error || (diagnostic.Severity == Severity.Warning && !Quiet) || Verbose)
                System.Console.Error.WriteLine(diagnostic.ToString());
        }
    }

    /// <summary>Runs work that reports progress, drawing bars on a terminal and printing a line per step otherwise.</summary>
    public async Task<T> WithProgressAsync<T>(Func<IProgress<AnalysisProgress>, Task<T>> work)
    {
        if (!Interactive)
        {
            var lastStep = "";
            var plain = new SynchronousProgress<AnalysisProgress>(p =>
            {
                if (Quiet) return;
                if (p.Step != lastStep || p.Done == p.Total)
                {
                    System.Console.Error.WriteLine($"{p.Step}: {p.Done}/{p.Total}");
                    lastStep = p.Step;
                }
            });
            return await work(plain);
        }

        T result = default!;
        await Err.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var bars = new SynchronousProgress<AnalysisProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Step, out var task)) tasks[p.Step] = task = ctx.AddTask(p.Step);
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                result = await work(bars);
            });
        return result;
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool and can report after the work ended; this reports in order, at once.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _gate = new();

        public void Report(T value)
        {
            lock (_gate) report(value);
        }
    }
}
