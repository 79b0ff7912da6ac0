using System.CommandLine;
using Dossier.Language;
using Dossier.Language.Entities;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier bench language</c>: tokenise + split + tag throughput on one core, then the adversarial inputs (a 5 MB
/// single line, punctuation only, mixed scripts, control characters, very long tokens) through the whole language layer.
/// </summary>
public static class BenchLanguageCommand
{
    public static Command Create()
    {
        var size = new Option<int>("--size") { Description = "Characters per adversarial input (the single line gets five times as many).", DefaultValueFactory = _ => 1_000_000 };
        var command = new Command("language", CommandLine.Describe("Tokens per second of tokenise + split + tag, and the adversarial-input run of the language layer.", "dossier bench language", "dossier bench language --size 200000"))
        {
            size,
        };
        command.SetAction(parse =>
        {
            var throughput = LanguageBenchmark.TokenizeAndTag();
            System.Console.Out.WriteLine($"tokenise + split + tag: {throughput.Tokens:N0} tokens, {throughput.TokensPerSecond:N0} tokens/s wall, {throughput.TokensPerCpuSecond:N0} tokens per CPU-second");
            AdversarialBenchmark.Run(Math.Max(0, parse.GetValue(size)), r => System.Console.Out.WriteLine(r));
            return CommandLine.Ok;
        });
        return command;
    }
}
