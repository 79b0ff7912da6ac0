namespace Dossier.Storage.Tests.Sqlite;

/// <summary>A database file in a fresh temporary directory, deleted with it.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dossier-store-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "dossier.db");

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a file still mapped by SQLite on some platforms; the OS temp cleaner gets it */ }
    }
}
