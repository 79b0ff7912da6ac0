using System.IO.Compression;
using Dossier.Language.Actors;
using Dossier.Language.Gazetteers;
using Dossier.Testing;

namespace Dossier.Language.Tests.Actors;

public class GazetteerBuilderTests
{
    [Fact]
    public void Rebuilding_from_the_shared_gazetteers_reproduces_the_committed_resources()
    {
        var output = Directory.CreateTempSubdirectory("gazetteer");
        try
        {
            var nerNames = Path.Combine(output.FullName, "gazetteer.tsv.gz");
            var summary = GazetteerBuilder.Build(SharedData.Path("data", "gazetteers"), SharedData.Path("data", "events", "cameo-dictionaries"), output.FullName, nerNames);
            Assert.Equal(250, summary.Countries);
            var resources = Path.Combine(SharedData.RepositoryRoot, "src", "Dossier.Language", "Resources");
            foreach (var file in new[] { "countries.tsv", "cities.tsv", "leaders.tsv" })
                Assert.True(File.ReadAllText(Path.Combine(resources, "actors", file)) == File.ReadAllText(Path.Combine(output.FullName, file)), $"{file} differs from a rebuild");
            Assert.True(Unzip(Path.Combine(resources, "ner", "gazetteer.tsv.gz")) == Unzip(nerNames), "the NER name list differs from a rebuild");
            Assert.Contains("LOC\tKyiv", Unzip(nerNames).Split('\n'));
            var rebuilt = ActorGazetteer.Load(output.FullName);
            Assert.Equal("UKR", rebuilt.ByDemonym("Ukrainians")?.Iso3);
            Assert.Equal("USA", rebuilt.ByName("U.S.")?.Iso3);
            Assert.True(rebuilt.CityByName("Kyiv")?.Capital);
            Assert.Contains(rebuilt.LeadersNamed("Vladimir Putin"), l => l.Wikidata == "Q7747");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static string Unzip(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        return new StreamReader(gzip).ReadToEnd();
    }

    [Fact]
    public void Names_fold_accents_case_and_possessives()
    {
        Assert.Equal("jose alvarez", Names.Key("José Álvarez"));
        Assert.Equal("zelenskyy", Names.Key(Names.StripPossessive("Zelenskyy’s")));
        Assert.Equal("donald-trump", Names.ParsePerson("Donald J. Trump")!.Id);
        Assert.Equal("von der Leyen", Names.ParsePerson("Ursula von der Leyen")!.Surname);
        Assert.Null(Names.ParsePerson("  "));
    }
}
