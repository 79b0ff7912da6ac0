using System.Text.Json;
using Dossier.Testing;

namespace Dossier.Cli.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dossier-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Samples => Path.Combine(SharedData.RepositoryRoot, "samples");

    [Fact]
    public async Task Analyze_writes_the_four_outputs_and_exits_zero()
    {
        var output = Path.Combine(_directory, "out");
        var run = await DossierProcess.RunAsync("analyze", Path.Combine(Samples, "reports"), "--manifest", Path.Combine(Samples, "manifest.csv"), "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        foreach (var file in new[] { "dossier.json", "dossier.md", "dossier.html", "dossier.db" })
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} missing; stderr: {run.Stderr}");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "dossier.json")));
        foreach (var field in new[] { "documents", "entities", "stories", "alignments", "discrepancies", "positions" })
            Assert.True(json.RootElement.TryGetProperty(field, out _), $"dossier.json lacks {field}");
        var html = await File.ReadAllTextAsync(Path.Combine(output, "dossier.html"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Restory_after_runs_in_another_order_gives_the_stories_of_one_run()
    {
        var files = Directory.GetFiles(Path.Combine(Samples, "reports")).Order(StringComparer.Ordinal).ToArray();
        var together = Path.Combine(_directory, "together");
        Assert.Equal(0, (await DossierProcess.RunAsync(["analyze", .. files, "--out", together, "--format", "json"])).ExitCode);

        var split = Path.Combine(_directory, "split");
        var db = Path.Combine(split, "dossier.db");
        Assert.Equal(0, (await DossierProcess.RunAsync(["analyze", .. files.Reverse().Take(2), "--out", split, "--format", "json"])).ExitCode);
        Assert.Equal(0, (await DossierProcess.RunAsync(["analyze", .. files.Reverse().Skip(2), "--out", split, "--format", "json"])).ExitCode);
        var restory = await DossierProcess.RunAsync("restory", "--db", db, "--out", Path.Combine(_directory, "restoried"));
        Assert.True(restory.ExitCode == 0, restory.Stderr);

        Assert.Equal(await Stories(Path.Combine(together, "dossier.json")), await Stories(Path.Combine(_directory, "restoried", "dossier.json")));
        Assert.Equal(2, (await DossierProcess.RunAsync("restory", "--db", Path.Combine(_directory, "missing.db"))).ExitCode);
    }

    [Fact]
    public async Task Eval_alignment_prints_pair_contradiction_and_omission_scores()
    {
        var run = await DossierProcess.RunAsync("eval", "alignment", Path.Combine(Samples, "eval", "alignment", "test"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        foreach (var line in new[] { "claim pairs:", "quote pairs:", "contradictions:", "omissions:", "attribution", "role" })
            Assert.Contains(line, run.Stdout, StringComparison.Ordinal);
    }

    private static async Task<string> Stories(string dossierJson)
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(dossierJson));
        return string.Join(" | ", json.RootElement.GetProperty("stories").EnumerateArray()
            .Select(s => string.Join(",", s.GetProperty("documents").EnumerateArray().Select(d => d.GetString()).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Analyze_of_nothing_usable_exits_one_and_names_the_file()
    {
        var empty = Path.Combine(_directory, "empty.txt");
        await File.WriteAllTextAsync(empty, "");
        var run = await DossierProcess.RunAsync("analyze", empty, "--out", Path.Combine(_directory, "none"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("empty.txt", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze", "--no-such-option", "x")]
    [InlineData("analyze")]
    [InlineData("nlp", "README.md", "--published", "last tuesday")]
    public async Task Usage_errors_exit_two(params string[] args)
    {
        var run = await DossierProcess.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Stderr);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("extract")]
    [InlineData("nlp")]
    [InlineData("export")]
    [InlineData("eval")]
    [InlineData("bench")]
    public async Task Help_of_every_command_shows_an_example(string command)
    {
        var run = await DossierProcess.RunAsync(command, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Example:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nlp_keeps_the_text_exactly_and_offsets_point_into_it()
    {
        var file = Path.Combine(_directory, "note.txt");
        const string text = "Foreign Minister Ara Petrosyan said on Tuesday that talks in Geneva would resume.\n\n“We are close,” he told reporters.";
        await File.WriteAllTextAsync(file, text);
        var run = await DossierProcess.RunAsync("nlp", file, "--published", "2025-06-10", "--format", "jsonl");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout.Trim());
        var document = json.RootElement;
        Assert.Equal(text, document.GetProperty("text").GetString());
        Assert.Equal(file, document.GetProperty("source").GetString());
        foreach (var entity in document.GetProperty("entities").EnumerateArray())
        {
            var (start, end) = (entity.GetProperty("start").GetInt32(), entity.GetProperty("end").GetInt32());
            Assert.Equal(text[start..end], entity.GetProperty("text").GetString());
        }
        Assert.Contains(document.GetProperty("times").EnumerateArray(), t => t.GetProperty("value").GetString() == "2025-06-10");
    }
}
