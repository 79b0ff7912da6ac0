using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Core.Tests.Pipeline;

public class PipelineTests
{
    private sealed class FakeStage(string name, string[] requires, string[] provides, Func<Document, Document>? body = null) : IDocumentStage
    {
        public string Name => name;
        public string Version => "1";
        public IReadOnlyList<string> Requires => requires;
        public IReadOnlyList<string> Provides => provides;
        public Document Process(Document document, StageContext context) => body is null ? document : body(document);
    }

    private sealed class DateLearner : ICorpusStage
    {
        public string Name => "dates";
        public string Version => "1";
        public IReadOnlyList<string> Requires => [];
        public IReadOnlyList<string> Provides => [];
        public Corpus Process(Corpus corpus, StageContext context) => corpus with
        {
            Documents = [.. corpus.Documents.Select(d => d with { Metadata = d.Metadata with { Published = new NodaTime.LocalDate(2025, 2, 24), PublishedInferred = true } })],
        };
    }

    private static Document Doc(string text) => new("d1", "test.txt", text, new DocumentMetadata());

    [Fact]
    public void Build_refuses_a_stage_whose_requirement_comes_later()
    {
        var builder = new PipelineBuilder()
            .Use(new FakeStage("entities", ["tokens"], ["entities"]))
            .Use(new FakeStage("tokens", [], ["tokens"]));
        var error = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("tokens", error.Message);
    }

    [Fact]
    public void A_failing_stage_becomes_a_diagnostic_and_later_stages_still_run()
    {
        var pipeline = new PipelineBuilder()
            .Use(new FakeStage("broken", [], [], _ => throw new InvalidDataException("boom")))
            .Use(new FakeStage("sentences", [], ["sentences"], d => d.With(Layers.Sentences, [new Sentence(new TextSpan(0, d.Text.Length))], "sentences", "1")))
            .Build();
        var context = StageContext.Default();
        var result = pipeline.ProcessDocument(Doc("One sentence."), context);
        Assert.Single(result.Layer(Layers.Sentences));
        Assert.Contains(context.Diagnostics.Items, d => d.Message.Contains("broken") && d.Where == "test.txt");
    }

    [Fact]
    public void A_document_whose_metadata_a_corpus_stage_changes_is_processed_again()
    {
        var runs = 0;
        var pipeline = new PipelineBuilder()
            .Use(new FakeStage("count", [], [], d => { runs++; return d; }))
            .Use(new DateLearner())
            .Build();
        var context = StageContext.Default();
        var doc = pipeline.ProcessDocument(Doc("Text."), context);
        var corpus = pipeline.ProcessCorpus(new Corpus { Documents = [doc] }, context);
        Assert.Equal(2, runs);
        Assert.True(corpus.Documents[0].Metadata.PublishedInferred);
    }

    [Fact]
    public void Layers_are_sorted_and_spans_must_lie_inside_the_text()
    {
        var doc = Doc("abc def");
        var with = doc.With(Layers.Sentences, [new Sentence(new TextSpan(4, 7)), new Sentence(new TextSpan(0, 3))], "s", "1");
        Assert.Equal(["abc", "def"], with.Layer(Layers.Sentences).Select(s => with.TextOf(s.Span)));
        Assert.Throws<ArgumentOutOfRangeException>(() => doc.With(Layers.Sentences, [new Sentence(new TextSpan(0, 99))], "s", "1"));
    }
}
