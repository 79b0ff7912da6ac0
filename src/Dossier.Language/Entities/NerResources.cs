using System.Reflection;

namespace Dossier.Language.Entities;

/// <summary>
/// Opens resources embedded from Resources/ner/. The csproj names them "Dossier.&lt;RecursiveDir&gt;&lt;file&gt;", and
/// RecursiveDir keeps the platform's directory separator, so the name is looked up with '/', '\' and '.' treated alike.
/// </summary>
internal static class NerResources
{
    public static Stream? Open(string fileName)
    {
        var assembly = typeof(NerResources).Assembly;
        var wanted = Normalise("Dossier.ner." + fileName);
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => Normalise(n) == wanted);
        return name is null ? null : assembly.GetManifestResourceStream(name);
    }

    private static string Normalise(string name) => name.Replace('/', '.').Replace('\\', '.');
}
