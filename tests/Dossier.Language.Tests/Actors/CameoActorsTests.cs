using Dossier.Language.Gazetteers;

namespace Dossier.Language.Tests.Actors;

public class CameoActorsTests
{
    /// <summary>An actor file in the PETRARCH2 layout, with records invented for this test.</summary>
    private const string ActorFile = """
        # an actor dictionary written for this test
        ACME_WIDGET_WORKS_   [MNCUSA]	# Industrial Machinery	$1,000,000,000
        NORTHFIELD_
        +NORTHFIELDIAN_
        +NORTHFIELD_CITY_
        	[NFD >950101]
        JANE_EXAMPLE_DOE_  # CountryInfo.txt
        +PRESIDENT_DOE_
        +DOE_
        	[NFDGOV 990101-051231]
        	[NFDELI]
        HARBOUR_WORKERS_UNION_(HWU)_ [NFDLAB]
        THE_COUNCIL_OF_RIVER_TOWNS_ [IGOCRT]
        PAUL_SAMPLE_ [IGOCRT 010101-091231] # an office holder
        """;

    private static IReadOnlyList<CameoActors.Record> Records()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, ActorFile);
            return CameoActors.Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Records_keep_their_synonyms_and_codes()
    {
        var records = Records();
        Assert.Equal(6, records.Count);
        Assert.Equal(["JANE_EXAMPLE_DOE_", "PRESIDENT_DOE_", "DOE_"], records[2].Phrases);
        Assert.Equal(["NFDGOV", "NFDELI"], records[2].Codes);
        Assert.True(records[2].Dated);
        Assert.False(records[0].Dated);
    }

    [Fact]
    public void People_organisations_and_countries_are_told_apart()
    {
        var kinds = Records().Select(CameoActors.Classify).ToArray();
        Assert.Equal(
            [CameoActors.Kind.Organisation, CameoActors.Kind.Skip, CameoActors.Kind.Person, CameoActors.Kind.Organisation,
             CameoActors.Kind.Organisation, CameoActors.Kind.Person],
            kinds);
    }

    [Fact]
    public void Names_are_written_as_news_writes_them_and_titles_are_dropped()
    {
        Assert.Equal("Acme Widget Works", CameoActors.Name("ACME_WIDGET_WORKS_", CameoActors.Kind.Organisation));
        Assert.Equal("Harbour Workers Union", CameoActors.Name("HARBOUR_WORKERS_UNION_(HWU)_", CameoActors.Kind.Organisation));
        Assert.Equal("Council Of River Towns", CameoActors.Name("THE_COUNCIL_OF_RIVER_TOWNS_", CameoActors.Kind.Organisation));
        Assert.Equal("Doe", CameoActors.Name("DOE_", CameoActors.Kind.Person));
        Assert.Null(CameoActors.Name("PRESIDENT_DOE_", CameoActors.Kind.Person));
        Assert.Null(CameoActors.Name("___", CameoActors.Kind.Organisation));
        Assert.Null(CameoActors.Name("ONE_TWO_THREE_FOUR_FIVE_SIX_SEVEN", CameoActors.Kind.Organisation));
    }
}
