using Dossier.Language.Entities;
using Dossier.Testing;

namespace Dossier.Language.Tests.Entities;

public class WordClustersTests
{
    [Fact]
    public void Words_used_in_the_same_contexts_share_a_class_and_the_classes_survive_saving()
    {
        var lines = new List<string>();
        string[] cities = ["Lima", "Oslo", "Quito", "Hanoi"];
        string[] verbs = ["said", "added", "noted", "argued"];
        foreach (var city in cities)
        {
            foreach (var verb in verbs)
            {
                lines.Add($"officials in {city} said the talks would continue .");
                lines.Add($"the minister {verb} that the plan was ready .");
            }
        }
        var clusters = WordClusters.Build(() => [string.Join('\n', lines)], minCount: 1, iterations: 5, fineClasses: 4, coarseClasses: 2);
        Assert.Equal(clusters.ClassOf("Lima"), clusters.ClassOf("Hanoi"));
        Assert.Equal(clusters.ClassOf("added"), clusters.ClassOf("argued"));
        Assert.NotEqual(clusters.ClassOf("Lima").Fine, clusters.ClassOf("added").Fine);
        Assert.Equal((0, 0), clusters.ClassOf("Nairobi"));

        using var buffer = new MemoryStream();
        clusters.Save(buffer);
        buffer.Position = 0;
        var loaded = WordClusters.Load(buffer);
        Assert.Equal(clusters.Count, loaded.Count);
        Assert.Equal(clusters.ClassOf("Oslo"), loaded.ClassOf("Oslo"));
    }

    [Fact]
    public void Rebuilding_from_the_shared_texts_reproduces_the_committed_word_classes()
    {
        var rebuilt = WordClusters.Build(() => ClusterCorpus.Texts(SharedData.Path("data")));
        using var saved = new MemoryStream();
        rebuilt.Save(saved);
        var committed = File.ReadAllBytes(Path.Combine(SharedData.RepositoryRoot, "src", "Dossier.Language", "Resources", "ner", "clusters.bin"));
        Assert.True(committed.AsSpan().SequenceEqual(saved.ToArray()), "clusters.bin differs from `dossier train clusters`");
        Assert.Equal(rebuilt.ClassOf("Monday"), WordClusters.Default.ClassOf("Monday"));
    }
}
