using System.CommandLine;
using Dossier.Attribution.Evaluation;
using Dossier.Corpus.Evaluation;
using Dossier.Events.Evaluation;
using Dossier.Ingest.Evaluation;
using Dossier.Language.Entities;
using Dossier.Language.Time;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier eval TASK DATA</c>: every figure in docs/benchmarks.md, reproduced by one command.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var split = new Option<string>("--split") { Description = "Which part of the data set to score.", DefaultValueFactory = _ => "dev" };
        var errors = new Option<bool>("--errors") { Description = "Also list every missed, spurious, span and value error with gold and system values." };
        return new Command("eval", CommandLine.Describe(
            "Score a stage on a labelled data set with the field's standard metric.",
            "dossier eval ner ../shared/data/conll2003/valid.txt",
            "dossier eval extraction ../shared/data/extraction/naeb"))
        {
            Task("extraction", "Body word-4-shingle P/R/F1 per document, title/author/date accuracy.",
                "dossier eval extraction ../shared/data/extraction/naeb", (data, _) => ExtractionEvaluator.Format(ExtractionEvaluator.Evaluate(data))),
            Task("ner", "conlleval-style entity P/R/F1, overall and per label.",
                "dossier eval ner ../shared/data/conll2003/valid.txt", (data, _) => NerEvaluator.Evaluate(NerModel.Default, data).Format()),
            Task("timex", "TIMEX3 strict/relaxed extraction F1 and value accuracy, each file's DCT as publication date.",
                "dossier eval timex ../shared/data/tempeval3/train", (data, parse) => TimexEvaluator.Evaluate(data).Format(parse.GetValue(errors)), errors),
            Task("quotes", "Quote content span P/R/F1 (exact and overlap) and source accuracy, direct and indirect.",
                "dossier eval quotes ../shared/data/quotes/polnear --split dev",
                (data, parse) => QuoteEvaluator.Evaluate(data, parse.GetValue(split)!, Analyzer.Default.PrepareForAttribution).Format(), split),
            Task("events", "PLOVER type accuracy, macro-F1 and actor accuracy on CAMEO-coded sentences.",
                "dossier eval events ../shared/data/events/conflibert-cameo", (data, parse) => EventEvaluator.Evaluate(data, parse.GetValue(split)!, Analyzer.Default.PrepareForAttribution).Format(), split),
            Task("stories", "BCubed P/R/F1 and ARI of story clustering.",
                "dossier eval stories ../shared/data/clustering/ecbplus --split dev",
                (data, parse) => StoryEvaluator.Evaluate(data, parse.GetValue(split)!).ToString(), split),
            Task("alignment", "Claim/quote alignment pair P/R/F1, planted contradictions and omissions P/R/F1 on events written in several outlet versions.",
                "dossier eval alignment samples/eval/alignment",
                (data, _) => AlignmentEvaluator.Evaluate(data, documents => Analyzer.Default.AnalyzeDocuments(documents)).Format()),
        };
    }

    private static Command Task(string name, string what, string example, Func<string, ParseResult, string> score, params Option[] options)
    {
        var data = new Argument<string>("data") { Description = "The labelled data (file or directory)." };
        var command = new Command(name, CommandLine.Describe(what, example)) { data };
        foreach (var option in options) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var reporter = CommandLine.Reporter(parse);
            var path = parse.GetValue(data)!;
            if (!CommandLine.CheckInputsExist([path], reporter)) return CommandLine.UsageError;
            System.Console.Out.WriteLine(score(path, parse));
            return CommandLine.Ok;
        });
        return command;
    }
}
