using System.CommandLine;
using Dossier.Attribution.Evaluation;
using Dossier.Attribution.Learned;
using Dossier.Attribution.Quotes;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier train attribution</c>: the learned attribution tagger, trained on PolNeAR train, scored on dev.</summary>
public static class TrainAttributionCommand
{
    /// <summary>The passes the committed model was trained with (see Resources/attribution/README.md).</summary>
    private const int DefaultEpochs = 12;

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The PolNeAR folder.", DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "quotes", "polnear") };
        var epochs = new Option<int>("--epochs") { Description = "Training passes.", DefaultValueFactory = _ => DefaultEpochs };
        var output = new Option<string>("--out") { Description = "Where the model is written.", DefaultValueFactory = _ => Path.Combine("src", "Dossier.Attribution", "Resources", "attribution", "model.bin") };
        var command = new Command("attribution", CommandLine.Describe(
            "Train the attribution tagger (source, cue, content) on PolNeAR train and score the quotes stage on dev (reproduces the committed model).",
            "dossier train attribution --data ../shared/data/quotes/polnear"))
        {
            data, epochs, output,
        };
        command.SetAction(parse =>
        {
            var reporter = CommandLine.Reporter(parse);
            var dir = parse.GetValue(data)!;
            if (!CommandLine.CheckInputsExist([dir], reporter)) return CommandLine.UsageError;
            var prepare = Analyzer.Default.PrepareForAttribution;
            var tagger = AttributionTrainer.Train(dir, prepare, parse.GetValue(epochs), reporter.Info);
            var path = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using (var stream = File.Create(path)) tagger.Save(stream);
            reporter.Info($"wrote {path}");
            System.Console.Out.Write(QuoteEvaluator.Evaluate(dir, "dev", prepare, stage: new QuoteStage(tagger)).Format());
            return CommandLine.Ok;
        });
        return command;
    }
}
