using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Language.Tests.Entities;

public class LanguagePipelineTests
{
    [Fact]
    public void The_language_stages_build_in_order_and_fill_their_layers()
    {
        var pipeline = new PipelineBuilder().UseSentences().UseTokens().UseEntities().UseNumbers().Build();
        var context = StageContext.Default();
        const string text = "Officials in Warsaw said on Monday that 3,000 more troops would arrive. Poland will pay $2 billion.";
        var doc = pipeline.ProcessDocument(new Document("d", "t.txt", text, new DocumentMetadata()), context);
        Assert.Empty(context.Diagnostics.Items);
        Assert.Equal(2, doc.Layer(Layers.Sentences).Length);
        Assert.Equal(20, doc.Layer(Layers.Tokens).Length);
        Assert.Contains(doc.Layer(Layers.Entities), e => e.Text == "Warsaw" && e.Label == EntityLabel.LOC);
        Assert.Contains(doc.Layer(Layers.Numbers), n => n.Text == "$2 billion" && n.Value == 2_000_000_000m);
        Assert.Contains(doc.Layer(Layers.Numbers), n => n.Text == "3,000" && n.Kind == NumberKind.Cardinal);
    }

    [Fact]
    public void Entities_before_tokens_is_a_pipeline_error()
    {
        Assert.Throws<InvalidOperationException>(() => new PipelineBuilder().UseSentences().UseEntities().UseTokens().Build());
    }
}
