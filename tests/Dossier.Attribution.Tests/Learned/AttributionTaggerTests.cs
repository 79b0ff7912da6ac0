using Dossier.Attribution.Evaluation;
using Dossier.Attribution.Learned;
using Dossier.Attribution.Quotes;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Testing;
using static Dossier.Testing.HandMadeDocuments;

namespace Dossier.Attribution.Tests.Learned;

public class AttributionTaggerTests
{
    private static readonly Mark Okafor = Person("Amara Okafor", "amara-okafor");

    private static AttributionTagger Committed => AttributionTagger.Default ?? throw new InvalidOperationException("the committed attribution model is missing");

    [Fact]
    public void The_committed_model_loads()
    {
        Assert.NotNull(AttributionTagger.Default);
    }

    [Fact]
    public void Reported_speech_without_that_is_found_with_its_source()
    {
        var doc = Build("Amara Okafor said the harvest would be late this year because of the floods.", Okafor);
        var found = Assert.Single(Committed.Find(doc));
        Assert.Contains("the harvest would be late", found.Content.Of(doc.Text));
        Assert.Equal("Amara Okafor", found.Source?.Of(doc.Text));
        Assert.Equal("said", found.Cue?.Of(doc.Text));
    }

    [Fact]
    public void A_sentence_that_reports_no_one_gives_nothing()
    {
        var doc = Build("The river rose two metres overnight and flooded the lower town.");
        Assert.Empty(Committed.Find(doc));
    }

    [Fact]
    public void The_quotes_stage_uses_the_tagger_for_reported_speech()
    {
        var doc = Build("Amara Okafor told farmers on Tuesday the subsidy would be paid before the spring sowing.", Okafor);
        var withTagger = new QuoteStage(Committed).Process(doc, StageContext.Default()).Layer(Layers.Quotes);
        var q = Assert.Single(withTagger, q => q.Kind == QuoteKind.Indirect);
        Assert.Equal("amara-okafor", q.Speaker?.EntityId);
        Assert.Contains("the subsidy would be paid", q.Text);
    }

    [Fact]
    public void A_source_phrase_with_a_title_is_the_person_not_the_country_in_the_title()
    {
        var doc = Build("U.S. Special Envoy Amara Okafor told reporters the talks would resume in March after a short break.",
            State("U.S.", "USA"), Okafor);
        var quotes = new QuoteStage(Committed).Process(doc, StageContext.Default()).Layer(Layers.Quotes);
        var q = Assert.Single(quotes, q => q.Kind == QuoteKind.Indirect);
        Assert.Equal("amara-okafor", q.Speaker?.EntityId);
    }

    [Fact]
    public void A_saved_model_loads_back_and_tags_the_same()
    {
        var doc = Build("According to Amara Okafor, the harvest will be late. Okafor added that prices would rise.", Okafor);
        using var stream = new MemoryStream();
        Committed.Save(stream);
        stream.Position = 0;
        var loaded = AttributionTagger.Load(stream);
        Assert.Equal(Committed.Find(doc), loaded.Find(doc));
    }

    [Fact]
    public void A_stream_that_is_not_a_model_is_refused_with_a_clear_error()
    {
        using var junk = new MemoryStream([1, 2, 3, 4, 5]);
        Assert.ThrowsAny<InvalidDataException>(() => AttributionTagger.Load(junk));

        using var full = new MemoryStream();
        Committed.Save(full);
        using var truncated = new MemoryStream(full.ToArray()[..(int)(full.Length / 2)]);
        Assert.ThrowsAny<InvalidDataException>(() => AttributionTagger.Load(truncated));
    }

    [Fact]
    public void Unbalanced_marks_and_junk_do_not_crash_the_tagger()
    {
        foreach (var text in new[] { "", "\"\"\"\"“““", new string(',', 5000), "said said said " + new string('x', 10_000), "\0\u0001\uFFFD" })
        {
            _ = Committed.Find(Build(text));
        }
    }

    [Fact]
    public void Training_on_a_few_articles_learns_something_that_finds_attributions()
    {
        var polnear = SharedData.Path("data", "quotes", "polnear");
        var tagger = AttributionTrainer.Train(polnear, FallbackLanguage.Prepare, epochs: 2, maxArticles: 40);
        var doc = Build("Amara Okafor said the harvest would be late this year.", Okafor);
        Assert.NotEmpty(tagger.Find(doc));
    }
}
