using System.Text.Json;

namespace Dossier.Language.Entities;

/// <summary>
/// Derives the shipped name list (Resources/ner/gazetteer.tsv.gz) from the public gazetteers: GeoNames cities of
/// 15,000+ people and first-level regions, mledoze/countries (names, capitals, demonyms, languages) and the
/// world-leader lists (heads of state and government). Kept in code so the resource can be rebuilt and audited.
/// </summary>
public static class GazetteerBuilder
{
    /// <summary>Regions that are places but are not in the country or city lists.</summary>
    private static readonly string[] Regions =
    [
        "Europe", "Asia", "Africa", "North America", "South America", "Latin America", "Central America", "Middle East",
        "Oceania", "Antarctica", "Caribbean", "Balkans", "Scandinavia", "Arctic", "Eastern Europe", "Western Europe",
        "Central Asia", "Southeast Asia", "East Asia", "South Asia", "Persian Gulf", "Gulf", "Black Sea", "Mediterranean",
        "Baltic", "Pacific", "Atlantic", "Indian Ocean", "Sahel", "Horn of Africa", "Caucasus", "Donbas", "Crimea",
    ];

    /// <summary>"LABEL\tname" lines, sorted and without duplicates.</summary>
    public static IReadOnlyList<string> Build(string gazetteerDirectory)
    {
        var entries = new SortedSet<string>(StringComparer.Ordinal);
        void Add(string label, string? name)
        {
            name = name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length < 2 || name.Contains('\t') || name.Contains('\n')) return;
            entries.Add(label + "\t" + name);
        }

        foreach (var region in Regions) Add("LOC", region);

        using (var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(gazetteerDirectory, "countries.json"))))
        {
            foreach (var country in json.RootElement.EnumerateArray())
            {
                var name = country.GetProperty("name");
                Add("LOC", name.GetProperty("common").GetString());
                Add("LOC", name.GetProperty("official").GetString());
                foreach (var alt in country.GetProperty("altSpellings").EnumerateArray())
                {
                    var s = alt.GetString();
                    if (s is { Length: >= 4 }) Add("LOC", s);
                }
                foreach (var capital in country.GetProperty("capital").EnumerateArray()) Add("LOC", capital.GetString());
                if (country.TryGetProperty("demonyms", out var demonyms) && demonyms.TryGetProperty("eng", out var eng))
                {
                    Add("MISC", eng.GetProperty("m").GetString());
                    Add("MISC", eng.GetProperty("f").GetString());
                }
                if (country.TryGetProperty("languages", out var languages))
                {
                    foreach (var language in languages.EnumerateObject()) Add("MISC", language.Value.GetString());
                }
            }
        }

        foreach (var line in File.ReadLines(Path.Combine(gazetteerDirectory, "geonames_countryInfo.tsv")))
        {
            if (line.StartsWith('#')) continue;
            var f = line.Split('\t');
            if (f.Length < 6) continue;
            Add("LOC", f[4]);
            Add("LOC", f[5]);
        }
        foreach (var line in File.ReadLines(Path.Combine(gazetteerDirectory, "cities15000.tsv")).Skip(1))
        {
            var f = line.Split('\t');
            if (f.Length < 3) continue;
            Add("LOC", f[1]);
            Add("LOC", f[2]);
        }
        foreach (var line in File.ReadLines(Path.Combine(gazetteerDirectory, "geonames_admin1.tsv")))
        {
            if (line.StartsWith('#')) continue;
            var f = line.Split('\t');
            if (f.Length < 3) continue;
            Add("LOC", f[1]);
            Add("LOC", f[2]);
        }

        foreach (var file in new[] { "world-leaders-2021_wikidata.csv", "world-leaders-2021_wikipedia.csv" })
        {
            foreach (var line in File.ReadLines(Path.Combine(gazetteerDirectory, file)).Skip(1))
            {
                var f = line.Split(',');
                if (f.Length < 6) continue;
                AddPerson(Add, f[5]);
            }
        }
        return [.. entries];
    }

    /// <summary>A person's full name, and the surname alone (news refers to leaders by surname).</summary>
    private static void AddPerson(Action<string, string?> add, string name)
    {
        name = name.Trim('"', ' ');
        if (name.Length < 4 || name.StartsWith('Q') && name.Skip(1).All(char.IsDigit)) return;
        add("PER", name);
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && parts[^1].Length >= 3 && char.IsUpper(parts[^1][0])) add("PER", parts[^1]);
    }
}
