namespace Dossier.Testing;

/// <summary>
/// Locates ../shared (the seeds and development data beside the checkout). Tests read real text from there and
/// never copy it into the project.
/// </summary>
public static class SharedData
{
    public static string Root { get; } = Locate();

    public static string Seeds => System.IO.Path.Combine(Root, "seeds");
    public static string Data => System.IO.Path.Combine(Root, "data");

    public static string RepositoryRoot { get; } = LocateRepository();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOSSIER_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment)) return fromEnvironment;
        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(LocateRepository(), "..", "shared"));
        if (Directory.Exists(candidate)) return candidate;
        throw new DirectoryNotFoundException(
            $"../shared was not found beside the checkout ({candidate}); set DOSSIER_SHARED to its path.");
    }

    private static string LocateRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Dossier.slnx"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Dossier.slnx not found above the test binaries.");
    }
}
