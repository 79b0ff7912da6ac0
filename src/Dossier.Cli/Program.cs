using System.CommandLine;
var root = new RootCommand("Dossier");
var opt = new Option<string>("--out") { Description = "x", DefaultValueFactory = _ => "out" };
var arg = new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore };
var analyze = new Command("analyze", "Analyze") { arg, opt };
analyze.SetAction(async (ParseResult pr, CancellationToken ct) => { Console.WriteLine(pr.GetValue(opt)); await Task.CompletedTask; return 0; });
root.Subcommands.Add(analyze);
return await root.Parse(args).InvokeAsync();
