using System.CommandLine;
using Dossier.Language.Entities;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier train MODEL</c>: rebuilds each committed model or resource from ../shared/data.</summary>
public static class TrainCommand
{
    /// <summary>The passes the committed model was trained with (see Resources/ner/README.md).</summary>
    private const int DefaultNerEpochs = 20;

    public static Command Create()
    {
        var shared = Path.Combine("..", "shared", "data");

        var trainFile = new Option<string>("--train") { Description = "CoNLL training file.", DefaultValueFactory = _ => Path.Combine(shared, "conll2003", "train.txt") };
        var validFile = new Option<string?>("--valid") { Description = "CoNLL file for tuning and reporting.", DefaultValueFactory = _ => Path.Combine(shared, "conll2003", "valid.txt") };
        var epochs = new Option<int>("--epochs") { Description = "Training passes.", DefaultValueFactory = _ => DefaultNerEpochs };
        var modelOut = new Option<string>("--out") { Description = "Where the model is written.", DefaultValueFactory = _ => Path.Combine("src", "Dossier.Language", "Resources", "ner", "model.bin") };
        var ner = new Command("ner", CommandLine.Describe("Train the named-entity tagger (reproduces the committed model).", "dossier train ner --train ../shared/data/conll2003/train.txt --valid ../shared/data/conll2003/valid.txt"))
        {
            trainFile, validFile, epochs, modelOut,
        };
        ner.SetAction(parse =>
        {
            var reporter = CommandLine.Reporter(parse);
            if (!CommandLine.CheckInputsExist([parse.GetValue(trainFile)!], reporter)) return CommandLine.UsageError;
            var model = NerTrainer.Train(parse.GetValue(trainFile)!, parse.GetValue(validFile), parse.GetValue(epochs), reporter.Info);
            using (var stream = File.Create(parse.GetValue(modelOut)!)) model.Save(stream);
            reporter.Info($"wrote {parse.GetValue(modelOut)}");
            return CommandLine.Ok;
        });

        var gazetteerData = new Option<string>("--data") { Description = "The gazetteer folder.", DefaultValueFactory = _ => Path.Combine(shared, "gazetteers") };
        var cameoData = new Option<string>("--cameo") { Description = "The CAMEO actor dictionaries (people and organisations for the NER name list).", DefaultValueFactory = _ => Path.Combine(shared, "events", "cameo-dictionaries") };
        var resources = new Option<string>("--out") { Description = "The Resources folder the actor files and the NER name list are written under.", DefaultValueFactory = _ => Path.Combine("src", "Dossier.Language", "Resources") };
        var gazetteer = new Command("gazetteer", CommandLine.Describe("Derive the compact gazetteers: actors/ (countries, demonyms, cities, leaders) and ner/gazetteer.tsv.gz (NER name list, with the CAMEO people and organisations).", "dossier train gazetteer --data ../shared/data/gazetteers --cameo ../shared/data/events/cameo-dictionaries"))
        {
            gazetteerData, cameoData, resources,
        };
        gazetteer.SetAction(parse =>
        {
            var reporter = CommandLine.Reporter(parse);
            if (!CommandLine.CheckInputsExist([parse.GetValue(gazetteerData)!, parse.GetValue(cameoData)!], reporter)) return CommandLine.UsageError;
            var root = parse.GetValue(resources)!;
            var summary = Language.Gazetteers.GazetteerBuilder.Build(parse.GetValue(gazetteerData)!, parse.GetValue(cameoData)!, Path.Combine(root, "actors"), Path.Combine(root, "ner", "gazetteer.tsv.gz"));
            reporter.Info($"wrote {summary.Countries} countries, {summary.Cities} cities, {summary.Leaders} leaders under {Path.Combine(root, "actors")} and {summary.NerNames} NER names to {Path.Combine(root, "ner", "gazetteer.tsv.gz")}");
            return CommandLine.Ok;
        });

        var sharedData = new Option<string>("--data") { Description = "The shared data folder (CoNLL train, PolNeAR, NAEB, ECB+ texts).", DefaultValueFactory = _ => shared };
        var clustersOut = new Option<string>("--out") { Description = "Where the word classes are written.", DefaultValueFactory = _ => Path.Combine("src", "Dossier.Language", "Resources", "ner", "clusters.bin") };
        var clusters = new Command("clusters", CommandLine.Describe("Derive the NER word classes from unlabelled news text (run before `train ner`).", "dossier train clusters --data ../shared/data"))
        {
            sharedData, clustersOut,
        };
        clusters.SetAction(parse =>
        {
            var reporter = CommandLine.Reporter(parse);
            var data = parse.GetValue(sharedData)!;
            if (!CommandLine.CheckInputsExist([data], reporter)) return CommandLine.UsageError;
            var classes = WordClusters.Build(() => ClusterCorpus.Texts(data, reporter.Info), log: reporter.Info);
            using (var stream = File.Create(parse.GetValue(clustersOut)!)) classes.Save(stream);
            reporter.Info($"wrote {classes.Count} words to {parse.GetValue(clustersOut)}");
            return CommandLine.Ok;
        });

        return new Command("train", CommandLine.Describe("Rebuild a committed model or resource from ../shared/data.", "dossier train gazetteer", "dossier train clusters", "dossier train ner", "dossier train attribution"))
        {
            ner, gazetteer, clusters, TrainAttributionCommand.Create(),
        };
    }
}
