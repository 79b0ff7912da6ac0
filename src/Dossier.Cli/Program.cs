using Dossier.Cli;
using Dossier.Cli.Commands;

// Dossier's command line: one line per feature; each command file maps its own options and action.
var root = CommandLine.Root(
    "Dossier: evidence-linked intelligence dossiers from news reports.",
    AnalyzeCommand.Create(),
    RestoryCommand.Create(),
    ExtractCommand.Create(),
    IngestCommand.Create(),
    NlpCommand.Create(),
    ExportCommand.Create(),
    EvalCommand.Create(),
    TrainCommand.Create(),
    BenchCommand.Create(),
    ServeCommand.Create());

return await CommandLine.RunAsync(root, args);
