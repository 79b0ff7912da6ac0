using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Language.Entities;
using Dossier.Testing;

namespace Dossier.Language.Tests.Entities;

public class NerModelTests
{
    private static Document Analyse(string text)
    {
        var pipeline = new PipelineBuilder().UseSentences().UseTokens().UseEntities().Build();
        return pipeline.ProcessDocument(new Document("d", "test.txt", text, new DocumentMetadata()), StageContext.Default());
    }

    private static (string Text, EntityLabel Label)[] Entities(string text) =>
        [.. Analyse(text).Layer(Layers.Entities).Select(e => (e.Text, e.Label))];

    /// <summary>Sentences written for this test (news style, varied topics), with the entities a careful reader marks.</summary>
    private static readonly (string Text, (string, EntityLabel)[] Gold)[] FreshSentences =
    [
        ("Prime Minister Pedro Sanchez met executives of Siemens and Volkswagen in Madrid on Tuesday, the Spanish government said.",
            [("Pedro Sanchez", EntityLabel.PER), ("Siemens", EntityLabel.ORG), ("Volkswagen", EntityLabel.ORG), ("Madrid", EntityLabel.LOC), ("Spanish", EntityLabel.MISC)]),
        ("Brazil’s President Luiz Inacio Lula da Silva told the United Nations in New York: “Hunger is a choice.”",
            [("Brazil", EntityLabel.LOC), ("Luiz Inacio Lula da Silva", EntityLabel.PER), ("United Nations", EntityLabel.ORG), ("New York", EntityLabel.LOC)]),
        ("The World Health Organization said on Friday that cholera cases in Yemen had doubled since March.",
            [("World Health Organization", EntityLabel.ORG), ("Yemen", EntityLabel.LOC)]),
        ("Kenyan runner Faith Kipyegon won the 1,500 metres in Oslo, beating Ethiopia’s Gudaf Tsegay.",
            [("Kenyan", EntityLabel.MISC), ("Faith Kipyegon", EntityLabel.PER), ("Oslo", EntityLabel.LOC), ("Ethiopia", EntityLabel.LOC), ("Gudaf Tsegay", EntityLabel.PER)]),
        ("Shares of Toyota fell 3 percent in Tokyo after the company cut its forecast, chief executive Koji Sato said.",
            [("Toyota", EntityLabel.ORG), ("Tokyo", EntityLabel.LOC), ("Koji Sato", EntityLabel.PER)]),
        ("German Chancellor Friedrich Merz will travel to Warsaw next week to meet Polish President Andrzej Duda, a spokesman in Berlin said.",
            [("German", EntityLabel.MISC), ("Friedrich Merz", EntityLabel.PER), ("Warsaw", EntityLabel.LOC), ("Polish", EntityLabel.MISC), ("Andrzej Duda", EntityLabel.PER), ("Berlin", EntityLabel.LOC)]),
        ("NATO Secretary General Mark Rutte said the alliance would hold exercises in the Baltic Sea with Finland and Sweden.",
            [("NATO", EntityLabel.ORG), ("Mark Rutte", EntityLabel.PER), ("Baltic Sea", EntityLabel.LOC), ("Finland", EntityLabel.LOC), ("Sweden", EntityLabel.LOC)]),
        ("Police in Lagos arrested 12 people after protests against Nigeria’s fuel prices, Reuters reported.",
            [("Lagos", EntityLabel.LOC), ("Nigeria", EntityLabel.LOC), ("Reuters", EntityLabel.ORG)]),
    ];

    [Fact]
    public void The_embedded_model_finds_people_organisations_and_places_in_new_sentences()
    {
        int gold = 0, found = 0, correct = 0;
        foreach (var (text, expected) in FreshSentences)
        {
            var predicted = Entities(text);
            gold += expected.Length;
            found += predicted.Length;
            correct += predicted.Count(p => expected.Contains(p));
        }
        var recall = (double)correct / gold;
        var precision = (double)correct / found;
        Assert.True(recall >= 0.8 && precision >= 0.8, $"precision {precision:P0}, recall {recall:P0} on {gold} entities");
    }

    [Fact]
    public void Curly_apostrophes_do_not_end_up_inside_entities()
    {
        var found = Entities("Russia’s foreign ministry said Ukraine’s claims were false.");
        Assert.Contains(("Russia", EntityLabel.LOC), found);
        Assert.Contains(("Ukraine", EntityLabel.LOC), found);
    }

    [Fact]
    public void Mentions_carry_exact_offsets_and_demonyms_are_typed_norp()
    {
        const string text = "Dutch farmers protested in The Hague.\n\nKenyan runner Faith Kipyegon won in Oslo.";
        var doc = Analyse(text);
        var entities = doc.Layer(Layers.Entities);
        Assert.NotEmpty(entities);
        Assert.All(entities, e => Assert.Equal(e.Text, doc.TextOf(e.Span)));
        Assert.Contains(entities, e => e.Text == "Faith Kipyegon" && e.Label == EntityLabel.PER);
        Assert.Contains(entities, e => e.Text == "Kenyan" && e.Type == "NORP");
    }

    [Fact]
    public void Save_and_load_round_trip_keeps_the_tags()
    {
        var model = NerModel.Default;
        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;
        var loaded = NerModel.Load(buffer);
        string[][] sentences = [["Officials", "in", "Berlin", "said", "Angela", "Merkel", "would", "visit", "Paris", "."]];
        Assert.Equal(model.Tag(sentences), loaded.Tag(sentences));
    }

    [Fact]
    public void Loading_something_that_is_not_a_model_is_an_invalid_data_error()
    {
        Assert.ThrowsAny<InvalidDataException>(() => NerModel.Load(new MemoryStream([1, 2, 3, 4, 5])));
    }

    [Fact]
    public void The_committed_model_scores_well_on_conll_valid()
    {
        var scores = NerEvaluator.Evaluate(NerModel.Default, SharedData.Path("data", "conll2003", "valid.txt"));
        Assert.Equal(51_362, scores.Tokens);
        Assert.True(scores.Overall.F1 > 0.85, scores.Format());
        Assert.Equal(["LOC", "MISC", "ORG", "PER"], scores.PerLabel.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!! ??? ... ,,, ;;; ——— “”")]
    [InlineData("\u0000\u0001\u0002 NATO \u0003 \uD800")]
    [InlineData("ALL CAPS HEADLINE ABOUT RUSSIA AND UKRAINE WITHOUT ANY PUNCTUATION")]
    public void Odd_input_does_not_crash_the_tagger(string text)
    {
        var doc = Analyse(text);
        Assert.All(doc.Layer(Layers.Entities), e => Assert.Equal(e.Text, doc.TextOf(e.Span)));
    }

    [Fact]
    public void A_five_megabyte_line_and_a_huge_token_are_tagged_without_failure()
    {
        var random = new Random(3);
        string[] words = ["Smith", "said", "the", "Kremlin", "in", "Kyiv", "on", "Monday", ",", "NATO", "and", "€", "30bn", "’s", "U.S."];
        var text = string.Join(' ', Enumerable.Range(0, 700_000).Select(_ => words[random.Next(words.Length)])) + " " + new string('x', 100_000);
        var context = StageContext.Default();
        var pipeline = new PipelineBuilder().UseSentences().UseTokens().UseEntities().Build();
        var doc = pipeline.ProcessDocument(new Document("d", "big.txt", text, new DocumentMetadata()), context);
        Assert.Empty(context.Diagnostics.Items);
        Assert.NotEmpty(doc.Layer(Layers.Entities));
    }
}
