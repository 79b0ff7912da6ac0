using Dossier.Web;

// Settings under "Dossier" (WebOptions' names) from the command line, the environment or appsettings.json, e.g.
//   dotnet run --project src/Dossier.Web.Host -- --Dossier:Db=dossier.db --Dossier:Port=5000
//   Dossier__Db=dossier.db Dossier__Token=SECRET Dossier__Bind=0.0.0.0 dotnet Dossier.Web.Host.dll
// Ingestion needs the engine, which only the CLI wires (`dossier serve`); here /ingest says it is off.
var builder = WebApplication.CreateBuilder(args);
var settings = builder.Configuration.GetSection("Dossier");
var db = settings["Db"];
if (string.IsNullOrWhiteSpace(db))
{
    Console.Error.WriteLine("Give the database: --Dossier:Db=PATH (or the environment variable Dossier__Db).");
    return 2;
}
var options = settings.Get<WebOptions>() ?? new WebOptions();
var app = DossierWeb.Build(builder, db, options);
await app.RunAsync();
return 0;
