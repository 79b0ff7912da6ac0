using System.CommandLine;
using Dossier.Cli.Console;

namespace Dossier.Cli;

/// <summary>Conventions shared by every command: global options, exit codes, and error reporting.</summary>
public static class CommandLine
{
    /// <summary>Exit codes: 0 something was analysed, 1 nothing was, 2 the command line was wrong.</summary>
    public const int Ok = 0, NothingDone = 1, UsageError = 2;

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Print only results and errors.",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Print every diagnostic and step.",
        Recursive = true,
    };

    public static RootCommand Root(string description, params Command[] commands)
    {
        var root = new RootCommand(description) { Quiet, Verbose };
        foreach (var command in commands) root.Subcommands.Add(command);
        return root;
    }

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) System.Console.Error.WriteLine($"error: {error.Message}");
            System.Console.Error.WriteLine("Run 'dossier --help' or 'dossier <command> --help' for usage and examples.");
            return UsageError;
        }
        return await parse.InvokeAsync();
    }

    /// <summary>The console for a command, honouring --quiet/--verbose and whether output is redirected.</summary>
    public static Reporter Reporter(ParseResult parse) => new(parse.GetValue(Quiet), parse.GetValue(Verbose));

    /// <summary>A description followed by an example, so that --help always shows one.</summary>
    public static string Describe(string what, params string[] examples) =>
        what + Environment.NewLine + Environment.NewLine + "Example:" + Environment.NewLine +
        string.Join(Environment.NewLine, examples.Select(e => "  " + e));

    /// <summary>Files and directories that do not exist are a usage error, reported before any work starts.</summary>
    public static bool CheckInputsExist(IEnumerable<string> inputs, Reporter reporter)
    {
        var missing = inputs.Where(i => !File.Exists(i) && !Directory.Exists(i) && !Uri.TryCreate(i, UriKind.Absolute, out _)).ToList();
        foreach (var path in missing) reporter.Error($"E002 input not found: {path} (check the path; directories are read recursively)");
        return missing.Count == 0;
    }
}
