using Dossier.Corpus.Positions;

namespace Dossier.Corpus.Tests;

public sealed class TaxonomyTests
{
    [Fact]
    public void Default_taxonomy_has_the_issues_as_propositions()
    {
        var ids = Taxonomy.Default.Issues.Select(i => i.Id).ToList();
        foreach (var id in new[] { "ceasefire", "peacekeeping", "sanctions_relief", "minerals_deal", "economic_cooperation",
                     "territorial_control", "ukraine_nato", "asset_division", "prisoner_exchange", "military_aid", "security_guarantees", "elections" })
            Assert.Contains(id, ids);
        Assert.Equal("sanctions on Russia are lifted", Taxonomy.Default.Issues.Single(i => i.Id == "sanctions_relief").Proposition);
    }

    [Theory]
    [InlineData("Washington could lift some of its sanctions within months.", "sanctions_relief")]
    [InlineData("The agreement would give access to Ukraine's rare earths.", "minerals_deal")]
    [InlineData("Both sides agreed to a prisoner swap at the border.", "prisoner_exchange")]
    [InlineData("A cease-fire took hold at midnight.", "ceasefire")]
    public void Synonyms_and_patterns_find_the_issue(string sentence, string issue)
    {
        Assert.Contains(Taxonomy.Default.Find(sentence, 0, sentence.Length), m => m.Issue.Id == issue);
    }

    [Fact]
    public void User_file_is_loaded()
    {
        var path = Path.Combine(Path.GetTempPath(), $"taxonomy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "issues:\n  - id: grain_corridor\n    proposition: grain ships pass safely\n    synonyms: [grain corridor, grain deal]\n    actors: [UKR, TUR]\n");
        try
        {
            var result = Taxonomy.Load(path);
            Assert.True(result.Ok);
            var issue = Assert.Single(result.Taxonomy!.Issues);
            Assert.Equal("grain_corridor", issue.Id);
            const string text = "Turkey wants to revive the grain deal.";
            Assert.Single(result.Taxonomy.Find(text, 0, text.Length));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("issues: [ {id: a, proposition: x, synonyms: [y] ", "line")]
    [InlineData("issues:\n  - proposition: no id\n    synonyms: [a]\n", "missing 'id'")]
    [InlineData("issues:\n  - id: a\n    proposition: p\n", "at least one synonym or pattern")]
    [InlineData("issues:\n  - id: a\n    proposition: p\n    patterns: ['(unclosed']\n", "invalid pattern")]
    [InlineData("issues:\n  - id: a\n    proposition: p\n    synonyms: [x]\n  - id: a\n    proposition: q\n    synonyms: [y]\n", "duplicate id")]
    [InlineData("just a string", "issues")]
    [InlineData("", "issues")]
    public void Malformed_yaml_gives_errors_not_exceptions(string yaml, string expected)
    {
        var result = Taxonomy.Parse(yaml, "user.yaml");
        Assert.False(result.Ok);
        Assert.Null(result.Taxonomy);
        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.OrdinalIgnoreCase) && e.StartsWith("user.yaml"));
    }

    [Fact]
    public void Missing_file_is_an_error()
    {
        var result = Taxonomy.Load("/nonexistent/issues.yaml");
        Assert.False(result.Ok);
        Assert.Contains("not found", Assert.Single(result.Errors));
    }
}
