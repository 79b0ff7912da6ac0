using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Dossier.Language.Gazetteers;

/// <summary>
/// Derives every compact resource Dossier ships from the developer gazetteers in ../shared/data/gazetteers
/// (mledoze/countries, GeoNames, world-leader lists): the actor files in Resources/actors/ (countries, cities, leaders
/// with ISO codes and Wikidata ids, for entity linking) and the NER name list Resources/ner/gazetteer.tsv.gz
/// ("LABEL\tname" lines, for gazetteer features). One reader of each source serves both. Wired as
/// <c>dossier train gazetteer</c>. Output is deterministic (sorted), so re-running it on the same data reproduces the
/// committed files.
/// </summary>
public static class GazetteerBuilder
{
    /// <summary>Cities below this population are left out of the actor list, except capitals: keeps the resource small
    /// while covering every place a wire report is likely to use as a dateline or a metonym.</summary>
    public const int MinimumCityPopulation = 100_000;

    /// <summary>English news spellings missing from mledoze's altSpellings (which favours ISO codes and native names).</summary>
    private static readonly Dictionary<string, string[]> NewsAliases = new()
    {
        ["USA"] = ["U.S.", "U.S.A.", "America", "the United States", "the US", "the U.S."],
        ["GBR"] = ["Britain", "U.K.", "the UK", "the U.K.", "the United Kingdom"],
        ["RUS"] = ["Russian Federation"],
        ["KOR"] = ["South Korea"],
        ["PRK"] = ["North Korea"],
        ["CHN"] = ["PRC"],
        ["NLD"] = ["the Netherlands"],
        ["CZE"] = ["Czech Republic"],
        ["ARE"] = ["UAE", "U.A.E."],
        ["COD"] = ["DRC", "Congo-Kinshasa"],
        ["PSE"] = ["Palestinian territories"],
    };

    /// <summary>Regions that are places but are not in the country or city lists (NER names only).</summary>
    private static readonly string[] Regions =
    [
        "Europe", "Asia", "Africa", "North America", "South America", "Latin America", "Central America", "Middle East",
        "Oceania", "Antarctica", "Caribbean", "Balkans", "Scandinavia", "Arctic", "Eastern Europe", "Western Europe",
        "Central Asia", "Southeast Asia", "East Asia", "South Asia", "Persian Gulf", "Gulf", "Black Sea", "Mediterranean",
        "Baltic", "Pacific", "Atlantic", "Indian Ocean", "Sahel", "Horn of Africa", "Caucasus", "Donbas", "Crimea",
    ];

    private static readonly string[] LeaderFiles = ["world-leaders-2021_wikidata.csv", "world-leaders-2021_wikipedia.csv"];

    public sealed record BuildSummary(int Countries, int Cities, int Leaders, int NerNames);

    /// <summary>Writes the actor files to <paramref name="actorsDir"/> and the NER name list to <paramref name="nerNamesPath"/>.</summary>
    /// <param name="cameoDir">The CAMEO actor dictionaries (petrarch2/, text_to_CAMEO/): people and organisations for the NER name list only.</param>
    public static BuildSummary Build(string gazetteerDir, string cameoDir, string actorsDir, string nerNamesPath)
    {
        var countries = ReadCountries(Path.Combine(gazetteerDir, "countries.json"));
        var actors = BuildActors(gazetteerDir, countries, actorsDir);
        var names = NerNames(gazetteerDir, cameoDir, countries);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(nerNamesPath))!);
        using (var file = File.Create(nerNamesPath))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            foreach (var line in names) writer.WriteLine(line);
        }
        return actors with { NerNames = names.Count };
    }

    /// <summary>The NER name list: "LABEL\tname" lines, sorted and without duplicates.</summary>
    public static IReadOnlyList<string> NerNames(string gazetteerDir, string cameoDir) =>
        NerNames(gazetteerDir, cameoDir, ReadCountries(Path.Combine(gazetteerDir, "countries.json")));

    /// <summary>The PETRARCH2 actor dictionaries read for people and organisations (Phoenix CAMEO dictionaries, MIT).</summary>
    private static readonly string[] CameoActorFiles = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"];

    private static IReadOnlyList<string> NerNames(string dir, string cameoDir, SortedDictionary<string, CountryRow> countries)
    {
        var entries = new SortedSet<string>(StringComparer.Ordinal);
        void Add(string label, string? name)
        {
            name = name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length < 2 || name.Contains('\t') || name.Contains('\n')) return;
            entries.Add(label + "\t" + name);
        }

        foreach (var region in Regions) Add("LOC", region);
        foreach (var c in countries.Values)
        {
            Add("LOC", c.Name);
            Add("LOC", c.Official);
            // Short spellings are mostly ISO codes ("RU"), which would mark ordinary capitalised abbreviations as places.
            foreach (var alt in c.AltSpellings.Where(a => a.Length >= 4)) Add("LOC", alt);
            foreach (var capital in c.Capitals) Add("LOC", capital);
            foreach (var demonym in c.Demonyms) Add("MISC", demonym);
            foreach (var language in c.Languages) Add("MISC", language);
        }
        foreach (var f in Tsv(Path.Combine(dir, "geonames_countryInfo.tsv"), 6))
        {
            Add("LOC", f[4]);
            Add("LOC", f[5]);
        }
        foreach (var f in Tsv(Path.Combine(dir, "cities15000.tsv"), 3).Skip(1))
        {
            Add("LOC", f[1]);
            Add("LOC", f[2]);
        }
        foreach (var f in Tsv(Path.Combine(dir, "geonames_admin1.tsv"), 3))
        {
            Add("LOC", f[1]);
            Add("LOC", f[2]);
        }
        foreach (var file in LeaderFiles)
        {
            foreach (var row in ReadCsv(Path.Combine(dir, file)).Skip(1))
            {
                if (row.Count < 6) continue;
                // "Albert II, Prince of Monaco": the name is what comes before the title
                var name = row[5].Split(',')[0].Trim();
                if (name.Length < 4 || name.StartsWith('Q') && name.Skip(1).All(char.IsDigit)) continue; // an unlabelled Wikidata id
                Add("PER", name);
                // news refers to leaders by surname
                var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2 && parts[^1].Length >= 3 && char.IsUpper(parts[^1][0])) Add("PER", parts[^1]);
            }
        }
        foreach (var file in CameoActorFiles)
        {
            foreach (var record in CameoActors.Read(Path.Combine(cameoDir, "petrarch2", file)))
            {
                var kind = CameoActors.Classify(record);
                if (kind == CameoActors.Kind.Skip) continue;
                var label = kind == CameoActors.Kind.Person ? "PER" : "ORG";
                foreach (var phrase in record.Phrases) Add(label, CameoActors.Name(phrase, kind));
            }
        }
        foreach (var f in Tsv(Path.Combine(cameoDir, "text_to_CAMEO", "countrynames.txt"), 2).Where(f => f[1] != "---")) Add("LOC", f[0]);
        return [.. entries];
    }

    /// <summary>Tab-separated rows with at least <paramref name="fields"/> fields, '#' comment lines skipped.</summary>
    private static IEnumerable<string[]> Tsv(string path, int fields) =>
        File.ReadLines(path).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).Where(f => f.Length >= fields);

    private static BuildSummary BuildActors(string gazetteerDir, SortedDictionary<string, CountryRow> countries, string outputDir)
    {
        Directory.CreateDirectory(outputDir);
        var qids = ReadCountryQids(Path.Combine(gazetteerDir, "world-leaders-2021_wikidata.csv"), countries);
        var cities = ReadCities(Path.Combine(gazetteerDir, "cities15000.tsv"), countries);
        var leaders = ReadLeaders(gazetteerDir, countries);

        var countryLines = countries.Values.OrderBy(c => c.Iso3, StringComparer.Ordinal).Select(c => string.Join('\t',
            c.Iso3, c.Iso2, qids.GetValueOrDefault(c.Iso3, ""), Clean(c.Name), string.Join('|', c.Aliases), string.Join('|', c.Demonyms.Select(Clean)),
            Clean(c.Capitals.FirstOrDefault() ?? ""), c.Independent ? "1" : "0"));
        Write(Path.Combine(outputDir, "countries.tsv"), "#iso3\tiso2\twikidata\tname\taliases\tdemonyms\tcapital\tindependent", countryLines);
        Write(Path.Combine(outputDir, "cities.tsv"), "#name\tiso3\tpopulation\tcapital", cities);
        Write(Path.Combine(outputDir, "leaders.tsv"), "#wikidata\tname\tiso3\tposition\tstart\tend", leaders);
        return new BuildSummary(countries.Count, cities.Count, leaders.Count, 0);
    }

    /// <summary>One country of mledoze/countries, as both outputs need it (names raw; the actor files clean them).</summary>
    private sealed record CountryRow(string Iso3, string Iso2, string Name, string Official, IReadOnlyList<string> AltSpellings,
        IReadOnlyList<string> Capitals, IReadOnlyList<string> Demonyms, IReadOnlyList<string> Languages, bool Independent)
    {
        /// <summary>English aliases for linking: the official name, Latin-script alternative spellings and news spellings.</summary>
        public IReadOnlyList<string> Aliases
        {
            get
            {
                var aliases = new SortedSet<string>(StringComparer.Ordinal) { Official };
                // Two-letter ISO codes ("RU") are not how news names a state, but "US"/"UK" are: NewsAliases adds those.
                foreach (var s in AltSpellings.Where(s => s.Length > 2 && IsLatin(s))) aliases.Add(s);
                foreach (var extra in NewsAliases.GetValueOrDefault(Iso3, [])) aliases.Add(extra);
                aliases.Remove(Name);
                return [.. aliases.Select(Clean)];
            }
        }
    }

    private static SortedDictionary<string, CountryRow> ReadCountries(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new SortedDictionary<string, CountryRow>(StringComparer.Ordinal);
        foreach (var c in json.RootElement.EnumerateArray())
        {
            var iso3 = c.GetProperty("cca3").GetString() ?? "";
            var iso2 = c.GetProperty("cca2").GetString() ?? "";
            var name = c.GetProperty("name").GetProperty("common").GetString() ?? iso3;
            var official = c.GetProperty("name").GetProperty("official").GetString() ?? name;
            var alt = c.GetProperty("altSpellings").EnumerateArray().Select(a => a.GetString() ?? "").ToList();
            var demonyms = new SortedSet<string>(StringComparer.Ordinal);
            if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
            {
                foreach (var g in new[] { "m", "f" })
                    if (eng.TryGetProperty(g, out var d) && d.GetString() is { Length: > 0 } s) demonyms.Add(s);
            }
            var capitals = c.TryGetProperty("capital", out var caps) ? caps.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
            var languages = c.TryGetProperty("languages", out var langs) ? langs.EnumerateObject().Select(l => l.Value.GetString() ?? "").ToList() : [];
            var independent = c.TryGetProperty("independent", out var ind) && ind.ValueKind == JsonValueKind.True;
            result[iso3] = new CountryRow(iso3, iso2, name, official, alt, capitals, [.. demonyms], languages, independent);
        }
        return result;
    }

    private static bool IsLatin(string s) => s.All(ch => ch < 0x250 || char.IsWhiteSpace(ch));

    private static string Clean(string s) => s.Replace('\t', ' ').Replace('|', ' ').Trim();

    /// <summary>Country QIDs appear only in the world-leaders file (countryid, country label): match the label to a name.</summary>
    private static Dictionary<string, string> ReadCountryQids(string path, SortedDictionary<string, CountryRow> countries)
    {
        var byName = NameIndex(countries);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in ReadCsv(path).Skip(1))
        {
            if (row.Count < 2 || !byName.TryGetValue(row[1], out var iso3)) continue;
            result.TryAdd(iso3, row[0]);
        }
        return result;
    }

    private static Dictionary<string, string> NameIndex(SortedDictionary<string, CountryRow> countries)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in countries.Values)
        {
            byName.TryAdd(Clean(c.Name), c.Iso3);
            foreach (var a in c.Aliases) byName.TryAdd(a, c.Iso3);
        }
        return byName;
    }

    private static List<string> ReadCities(string path, SortedDictionary<string, CountryRow> countries)
    {
        var iso2To3 = countries.Values.ToDictionary(c => c.Iso2, c => c.Iso3, StringComparer.Ordinal);
        var capitals = countries.Values.Select(c => (c.Iso3, Capital: Clean(c.Capitals.FirstOrDefault() ?? ""))).Where(c => c.Capital.Length > 0).ToHashSet();
        // "Washington D.C." is the capital; GeoNames calls the city "Washington".
        bool IsCapital(string iso3, string name) => capitals.Contains((iso3, name)) || capitals.Any(c => c.Iso3 == iso3 && c.Capital.StartsWith(name + " ", StringComparison.Ordinal));
        // Ordinal order, so that the file is the same whatever the machine's culture
        var rows = new SortedDictionary<(string, string), (long Population, bool Capital)>(Comparer<(string, string)>.Create((a, b) =>
            string.CompareOrdinal(a.Item1, b.Item1) is var c and not 0 ? c : string.CompareOrdinal(a.Item2, b.Item2)));
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split('\t');
            if (f.Length < 9 || !iso2To3.TryGetValue(f[6], out var iso3)) continue;
            var population = long.TryParse(f[8], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0;
            var capital = IsCapital(iso3, f[1]) || IsCapital(iso3, f[2]);
            if (population < MinimumCityPopulation && !capital) continue;
            foreach (var name in new[] { f[1], f[2] }.Distinct())
            {
                var key = (Clean(name), iso3);
                // Several GeoNames rows can share a name inside one country: keep the most populous.
                if (!rows.TryGetValue(key, out var old) || old.Population < population) rows[key] = (population, capital || old.Capital);
            }
        }
        return [.. rows.Select(r => string.Join('\t', r.Key.Item1, r.Key.Item2, r.Value.Population.ToString(CultureInfo.InvariantCulture), r.Value.Capital ? "1" : "0"))];
    }

    private static List<string> ReadLeaders(string dir, SortedDictionary<string, CountryRow> countries)
    {
        var byName = NameIndex(countries);
        var iso2To3 = countries.Values.ToDictionary(c => c.Iso2, c => c.Iso3, StringComparer.Ordinal);
        var rows = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in ReadCsv(Path.Combine(dir, "world-leaders-2021_wikidata.csv")).Skip(1))
        {
            if (row.Count < 8 || !byName.TryGetValue(row[1], out var iso3)) continue;
            rows.Add(string.Join('\t', row[4], Clean(row[5]), iso3, Clean(row[3]), row[6], row[7]));
        }
        using var snapshot = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "world-leaders-current_snapshot-2026-08-22.json")));
        foreach (var entry in snapshot.RootElement.GetProperty("countries").EnumerateObject())
        {
            var iso2 = entry.Value.GetProperty("country").GetProperty("iso_code").GetString() ?? "";
            // The EU and the African Union have no ISO code: their leaders keep an empty country.
            var iso3 = iso2To3.GetValueOrDefault(iso2, "");
            foreach (var position in entry.Value.GetProperty("positions").EnumerateObject())
            {
                if (!position.Value.TryGetProperty("current_holder", out var holder) || holder.ValueKind != JsonValueKind.Object) continue;
                var qid = holder.TryGetProperty("wikidata_id", out var q) ? q.GetString() : null;
                var name = holder.TryGetProperty("name_en", out var n) ? n.GetString() : null;
                if (string.IsNullOrEmpty(qid) || string.IsNullOrEmpty(name)) continue;
                var title = position.Value.TryGetProperty("title_en", out var t) ? t.GetString() ?? "" : "";
                var since = holder.TryGetProperty("since", out var s) ? s.GetString() ?? "" : "";
                rows.Add(string.Join('\t', qid, Clean(name), iso3, Clean(title), since.Length >= 4 ? since[..4] : "", ""));
            }
        }
        return [.. rows];
    }

    /// <summary>RFC-4180 CSV: quoted fields with doubled quotes, commas and newlines inside quotes.</summary>
    internal static IEnumerable<List<string>> ReadCsv(string path)
    {
        var text = File.ReadAllText(path);
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString()); field.Clear();
                yield return row;
                row = [];
            }
            else field.Append(ch);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); yield return row; }
    }

    private static void Write(string path, string header, IEnumerable<string> lines)
    {
        var text = header + "\n" + string.Join("\n", lines) + "\n";
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
