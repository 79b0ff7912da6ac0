using Dossier.Language.Entities;

namespace Dossier.Language.Tests.Entities;

public class ConllTests
{
    private const string Sample = """
        -DOCSTART- -X- -X- O

        Ana NNP B-NP B-PER
        Lopez NNP I-NP I-PER
        joined VBD B-VP O
        Acme NNP B-NP I-ORG
        Corp NNP I-NP I-ORG
        . . O O

        Lima NNP B-NP B-LOC

        -DOCSTART- -X- -X- O

        Rain NN B-NP O
        """;

    [Fact]
    public void Reads_documents_sentences_and_turns_iob1_into_bio()
    {
        var documents = Conll.Read(new StringReader(Sample));
        Assert.Equal(2, documents.Count);
        Assert.Equal(2, documents[0].Sentences.Count);
        Assert.Equal(["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O"], documents[0].Sentences[0].Tags);
        Assert.Equal([(0, 2, "PER"), (3, 5, "ORG")], Conll.Chunks(documents[0].Sentences[0].Tags));
    }

    [Fact]
    public void Adjacent_entities_of_one_type_are_two_chunks()
    {
        Assert.Equal([(0, 1, "LOC"), (1, 3, "LOC")], Conll.Chunks(["B-LOC", "B-LOC", "I-LOC"]));
    }

    [Fact]
    public void Scores_follow_precision_recall_and_f1()
    {
        var score = new NerScore(Gold: 10, Predicted: 8, Correct: 6);
        Assert.Equal(0.75, score.Precision, 6);
        Assert.Equal(0.6, score.Recall, 6);
        Assert.Equal(2 * 0.75 * 0.6 / 1.35, score.F1, 6);
        Assert.Equal(0, new NerScore(0, 0, 0).F1);
    }

    [Fact]
    public void A_trainer_run_on_a_small_corpus_learns_its_names()
    {
        var lines = new List<string>();
        string[] people = ["Ana Lopez", "Tom Berg", "Mia Chen", "Raj Patel"];
        string[] places = ["Lima", "Oslo", "Quito", "Hanoi"];
        foreach (var person in people)
        {
            foreach (var place in places)
            {
                lines.Add("-DOCSTART- -X- -X- O");
                lines.Add("");
                var names = person.Split(' ');
                lines.Add($"{names[0]} X X B-PER");
                lines.Add($"{names[1]} X X I-PER");
                lines.Add("visited X X O");
                lines.Add($"{place} X X B-LOC");
                lines.Add(". X X O");
                lines.Add("");
            }
        }
        var documents = Conll.Read(new StringReader(string.Join('\n', lines)));
        var model = NerTrainer.Train(documents, documents, epochs: 3, log: null);
        var scores = NerEvaluator.Evaluate(model, documents);
        Assert.Equal(1.0, scores.Overall.F1);
        Assert.Contains("PER: precision: 100.00%", scores.Format());

        // the beam-search trainer is deterministic: the same data give the same model, byte for byte
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        model.Save(first);
        NerTrainer.Train(documents, documents, epochs: 3, log: null).Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
    }
}
