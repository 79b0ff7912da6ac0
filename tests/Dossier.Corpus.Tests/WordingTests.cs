using Dossier.Core.Model;
using Dossier.Corpus.Discrepancies;

namespace Dossier.Corpus.Tests;

public sealed class WordingTests
{
    private static IReadOnlyList<Discrepancy> Run(params Document[] docs) => OneStory.Discrepancies(docs);

    private static DocBuilder Report(string id, string outlet, string text) => OneStory.Report(id, outlet, text);

    [Fact]
    public void A_quote_with_a_changed_word_is_a_wording_difference_and_a_cut_version_is_noted()
    {
        const string full = "We will rebuild every school the storm destroyed before the winter term begins";
        const string changed = "We will rebuild every hospital the storm destroyed before the winter term begins";
        const string cut = "rebuild every school";
        var a = Report("a", "One", $"\"{full},\" said Governor Ines Mora.").Entity("Ines Mora", "ines-mora").Quote(full, "Ines Mora", "ines-mora").Build();
        var b = Report("b", "Two", $"Mora promised: \"{full}.\"").Entity("Mora", "ines-mora").Quote(full, "Mora", "ines-mora").Build();
        var c = Report("c", "Three", $"\"{changed},\" Mora said.").Entity("Mora", "ines-mora").Quote(changed, "Mora", "ines-mora").Build();
        var d = Report("d", "Four", $"Mora vowed to \"{cut}\" and more before the winter term begins.").Entity("Mora", "ines-mora").Quote(cut, "Mora", "ines-mora").Build();
        var wording = Run(a, b, c, d).Where(x => x.Kind == DiscrepancyKinds.Wording).ToList();
        var misquote = Assert.Single(wording, x => x.Document == "c");
        Assert.Contains("hospital", misquote.Explanation);
        Assert.Contains(wording, x => x.Document == "d" && x.Explanation.Contains("3 of the 13 words One quotes"));
        Assert.DoesNotContain(wording, x => x.Document is "a" or "b");
    }

    [Fact]
    public void A_loaded_word_one_outlet_alone_uses_for_a_shared_fact_is_reported()
    {
        var a = Report("a", "One", "Opposition leader Karl Weiss criticised the budget cuts of 400 million euros in parliament on Tuesday.").Entity("Karl Weiss", "karl-weiss").Build();
        var b = Report("b", "Two", "In parliament on Tuesday, Karl Weiss criticised the 400 million euros of budget cuts.").Entity("Karl Weiss", "karl-weiss").Build();
        var c = Report("c", "Three", "Karl Weiss slammed the regime's budget cuts of 400 million euros in parliament on Tuesday.").Entity("Karl Weiss", "karl-weiss").Build();
        var loaded = Run(a, b, c).Where(x => x.Kind == DiscrepancyKinds.Loaded).ToList();
        Assert.Equal(["slammed", "regime's"], loaded.Select(x => c.Text[x.Start..x.End]).ToArray());
        Assert.All(loaded, x => Assert.Equal("c", x.Document));
        Assert.Contains("neutral: criticised", loaded[0].Explanation);
    }

    [Fact]
    public void A_story_of_thousands_of_copies_with_quotes_and_loaded_words_is_compared_without_error()
    {
        const string text = "Senator Ola Berg slammed the plan to close 14 rural schools on Friday. \"We will fight this in every village,\" Berg said.";
        var docs = Enumerable.Range(0, 3000)
            .Select(i => Report($"c{i:D4}", $"Outlet {i % 40}", text).Entity("Ola Berg", "ola-berg").Quote("We will fight this in every village", "Berg", "ola-berg").Build())
            .Append(Report("variant", "Other", "Senator Ola Berg criticised the plan to close 41 rural schools on Friday.").Entity("Ola Berg", "ola-berg").Build())
            .ToArray();
        var found = Run(docs);
        Assert.All(found, d => Assert.InRange(d.End, d.Start, docs.Single(x => x.Id == d.Document).Text.Length));
        // "slammed" is how nearly every outlet words it: house style of the story, not one outlet's loading.
        Assert.DoesNotContain(found, d => d.Kind == DiscrepancyKinds.Loaded);
        Assert.DoesNotContain(found, d => d.Kind == DiscrepancyKinds.Omission && d.Document != "variant");
    }
}
