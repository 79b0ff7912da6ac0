using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace Dossier.Language.Actors;

public sealed record Country(string Iso3, string Iso2, string? Wikidata, string Name, IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Demonyms, string? Capital, bool Independent);

public sealed record City(string Name, string Country, long Population, bool Capital);

public sealed record Leader(string Wikidata, string Name, string? Country, string Position, string? StartYear, string? EndYear);

/// <summary>A building or place whose name stands for a government ("the Kremlin said").</summary>
public sealed record Metonym(string Name, string Country);

/// <summary>
/// Countries, demonyms, cities and heads of state/government, from the compact files that
/// <see cref="Gazetteers.GazetteerBuilder"/> derives (embedded as Dossier.actors.*.tsv). Lookups are case-sensitive on the
/// surface form, because "US" and "us" are different words.
/// </summary>
public sealed class ActorGazetteer
{
    private static readonly Lazy<ActorGazetteer> DefaultInstance = new(LoadEmbedded);

    /// <summary>The gazetteer shipped in the assembly, loaded on first use.</summary>
    public static ActorGazetteer Default => DefaultInstance.Value;

    /// <summary>Seats of government that news uses for the government itself. Hand-written: the data sets have no such list.</summary>
    private static readonly Metonym[] Buildings =
    [
        new("Kremlin", "RUS"), new("White House", "USA"), new("Downing Street", "GBR"), new("Elysee", "FRA"),
        new("Élysée", "FRA"), new("Elysee Palace", "FRA"), new("Élysée Palace", "FRA"), new("Zhongnanhai", "CHN"),
        new("Bankova", "UKR"), new("Quai d'Orsay", "FRA"), new("Foggy Bottom", "USA"), new("Pentagon", "USA"),
        new("Blue House", "KOR"), new("Chancellery", "DEU"),
    ];

    private readonly FrozenDictionary<string, Country> _byIso3;
    private readonly FrozenDictionary<string, Country> _byName;
    private readonly FrozenDictionary<string, Country> _byDemonym;
    private readonly FrozenDictionary<string, City> _cities;
    private readonly FrozenDictionary<string, Metonym> _buildings;
    private readonly FrozenDictionary<string, Leader[]> _leadersByKey;

    public ActorGazetteer(IEnumerable<Country> countries, IEnumerable<City> cities, IEnumerable<Leader> leaders)
    {
        Countries = [.. countries];
        _byIso3 = Countries.ToFrozenDictionary(c => c.Iso3, StringComparer.Ordinal);
        // Sovereign states win name clashes with territories ("American" is the USA, not American Samoa).
        var ordered = Countries.OrderByDescending(c => c.Independent).ThenBy(c => c.Iso3, StringComparer.Ordinal).ToList();
        var names = new Dictionary<string, Country>(StringComparer.Ordinal);
        var demonyms = new Dictionary<string, Country>(StringComparer.Ordinal);
        var clashes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in ordered)
        {
            foreach (var n in c.Aliases.Prepend(c.Name))
            {
                var bare = n.StartsWith("the ", StringComparison.Ordinal) ? n[4..] : n;
                names.TryAdd(bare, c);
            }
            foreach (var d in c.Demonyms)
            {
                foreach (var form in new[] { d, Plural(d) })
                {
                    // A demonym two sovereign states share ("Congolese") names neither for sure.
                    if (demonyms.TryGetValue(form, out var other) && other.Independent && c.Independent && other.Iso3 != c.Iso3) clashes.Add(form);
                    demonyms.TryAdd(form, c);
                }
            }
        }
        foreach (var clash in clashes) demonyms.Remove(clash);
        _byName = names.ToFrozenDictionary(StringComparer.Ordinal);
        _byDemonym = demonyms.ToFrozenDictionary(StringComparer.Ordinal);
        _cities = cities.GroupBy(c => c.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(c => c.Capital).ThenByDescending(c => c.Population).ThenBy(c => c.Country, StringComparer.Ordinal).First(), StringComparer.Ordinal);
        _buildings = Buildings.ToFrozenDictionary(b => b.Name, StringComparer.Ordinal);
        Leaders = [.. leaders];
        _leadersByKey = Leaders.GroupBy(l => Names.Key(l.Name), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<Country> Countries { get; }
    public IReadOnlyList<Leader> Leaders { get; }

    /// <summary>The longest phrase, in words, any lookup can match: bounds the phrase scan.</summary>
    public int MaxPhraseWords => 6;

    private static string Plural(string demonym) =>
        demonym.EndsWith("ese", StringComparison.Ordinal) || demonym.EndsWith("ish", StringComparison.Ordinal) ||
        demonym.EndsWith("ch", StringComparison.Ordinal) || demonym.EndsWith('s') || demonym.EndsWith('i')
            ? demonym // "Chinese", "British", "French", "Swiss", "Iraqi" have no -s plural as nouns for a people
            : demonym + "s";

    public Country? ByIso3(string? iso3) => iso3 is not null && _byIso3.TryGetValue(iso3, out var c) ? c : null;

    /// <summary>A country by its name or an alias ("Russia", "Russian Federation", "U.S.", "Britain").</summary>
    public Country? ByName(string surface)
    {
        var s = surface.StartsWith("the ", StringComparison.Ordinal) ? surface[4..] : surface;
        return _byName.TryGetValue(s, out var c) ? c : null;
    }

    /// <summary>A country by its English demonym, singular or plural ("Russian", "Ukrainians").</summary>
    public Country? ByDemonym(string surface) => _byDemonym.TryGetValue(surface, out var c) ? c : null;

    public City? CityByName(string surface) => _cities.TryGetValue(surface, out var c) ? c : null;

    public Metonym? Building(string surface)
    {
        var s = surface.StartsWith("the ", StringComparison.Ordinal) ? surface[4..] : surface;
        return _buildings.TryGetValue(s, out var b) ? b : null;
    }

    /// <summary>Leaders whose recorded name has this full-name key (see <see cref="Names.Key"/>).</summary>
    public IReadOnlyList<Leader> LeadersNamed(string fullName) =>
        _leadersByKey.TryGetValue(Names.Key(fullName), out var l) ? l : [];

    private static ActorGazetteer LoadEmbedded()
    {
        var assembly = typeof(ActorGazetteer).Assembly;
        return new ActorGazetteer(
            ReadTsv(assembly, "countries.tsv").Select(f => new Country(f[0], f[1], NullIfEmpty(f[2]), f[3], SplitList(f[4]), SplitList(f[5]), NullIfEmpty(f[6]), f[7] == "1")),
            ReadTsv(assembly, "cities.tsv").Select(f => new City(f[0], f[1], long.Parse(f[2], CultureInfo.InvariantCulture), f[3] == "1")),
            ReadTsv(assembly, "leaders.tsv").Select(f => new Leader(f[0], f[1], NullIfEmpty(f[2]), f[3], NullIfEmpty(f[4]), NullIfEmpty(f[5]))));
    }

    /// <summary>Loads the files <see cref="Gazetteers.GazetteerBuilder.Build"/> wrote to a directory (to try a rebuilt gazetteer without recompiling).</summary>
    public static ActorGazetteer Load(string directory) => new(
        ReadLines(File.ReadLines(Path.Combine(directory, "countries.tsv"))).Select(f => new Country(f[0], f[1], NullIfEmpty(f[2]), f[3], SplitList(f[4]), SplitList(f[5]), NullIfEmpty(f[6]), f[7] == "1")),
        ReadLines(File.ReadLines(Path.Combine(directory, "cities.tsv"))).Select(f => new City(f[0], f[1], long.Parse(f[2], CultureInfo.InvariantCulture), f[3] == "1")),
        ReadLines(File.ReadLines(Path.Combine(directory, "leaders.tsv"))).Select(f => new Leader(f[0], f[1], NullIfEmpty(f[2]), f[3], NullIfEmpty(f[4]), NullIfEmpty(f[5]))));

    private static IEnumerable<string[]> ReadTsv(Assembly assembly, string file)
    {
        // The csproj's logical name keeps the folder separator of the build machine ("Dossier.actors/x" on Linux).
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.Replace('/', '.').Replace('\\', '.') == "Dossier.actors." + file);
        using var stream = (name is null ? null : assembly.GetManifestResourceStream(name))
            ?? throw new InvalidOperationException($"embedded resource Dossier.actors.{file} is missing: the build did not embed Resources/actors.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return ReadLines(lines).ToList();
    }

    private static IEnumerable<string[]> ReadLines(IEnumerable<string> lines) =>
        lines.Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'));

    private static IReadOnlyList<string> SplitList(string field) => field.Length == 0 ? [] : field.Split('|');

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
