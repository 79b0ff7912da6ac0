using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Language.Actors;
using Dossier.Language.Tests.Support;
using NodaTime;
using Xunit.Abstractions;

namespace Dossier.Language.Tests.Actors;

/// <summary>
/// Precision of alias folding on a small set of news-style reports written for this test (not from any data set).
/// Each person mention carries a gold identity as a third field; the actor and canonical-actor stages run over the
/// whole set, and every pair of mentions the system puts under one id is checked against the gold identities.
/// The set includes the hard cases on purpose: two people sharing a surname in one story, a bare surname whose
/// nearest full-name antecedent is the wrong person, a Chinese name written surname first, a spelling variant, accents.
/// </summary>
public class AliasFoldingEvaluationTests(ITestOutputHelper output)
{
    private static readonly string[] Reports =
    [
        "U.S. President [[Donald J. Trump|PER|trump]] hosted French President [[Emmanuel Macron|PER|macron]] at the White House on Monday. [[Trump|PER|trump]] said the visit was productive, and [[Macron|PER|macron]] called it frank. President [[Trump|PER|trump]]'s aides later said [[Donald Trump|PER|trump]] would travel to Europe. [[Macron|PER|macron]]'s office declined to comment.",
        "British Prime Minister [[Keir Starmer|PER|starmer]] and European Commission President [[Ursula von der Leyen|PER|vdl]] met Ukrainian President [[Volodymyr Zelenskyy|PER|zelenskyy]] in London. [[Starmer|PER|starmer]] promised more air defence, while [[von der Leyen|PER|vdl]] pledged funds. [[Zelenskyy|PER|zelenskyy]] thanked both. Later [[Zelensky|PER|zelenskyy]] flew home.",
        "[[Macron|PER|macron]] called [[Starmer|PER|starmer]] on Sunday to prepare the summit. [[Witkoff|PER|witkoff]] is due in Moscow this week.",
        "Special envoy [[Steve Witkoff|PER|witkoff]] met Russian President [[Vladimir Putin|PER|putin]] for five hours. [[Putin|PER|putin]] sent a message through [[Witkoff|PER|witkoff]], who briefed Secretary of State [[Marco Rubio|PER|rubio]]. [[Rubio|PER|rubio]] said the message was positive.",
        "Prime Minister [[Anna Berg|PER|anna-berg]] and her brother, opposition leader [[Thomas Berg|PER|thomas-berg]], clashed in parliament on Monday. [[Anna Berg|PER|anna-berg]] accused him of obstruction. [[Thomas Berg|PER|thomas-berg]] replied that the budget was reckless, and [[Berg|PER|thomas-berg]] said he would table amendments. Finance Minister [[Lars Holm|PER|holm]] defended the plan. [[Holm|PER|holm]] said the prime minister, [[Berg|PER|anna-berg]], had his full support.",
        "Chinese Vice Premier [[He Lifeng|PER|he-lifeng]] met Treasury Secretary [[Janet Yellen|PER|yellen]] in Beijing. [[Yellen|PER|yellen]] raised export controls, and [[He|PER|he-lifeng]] raised tariffs. [[Janet Yellen|PER|yellen]] later said the talks would continue.",
        "Striker [[María Álvarez|PER|maria-alvarez]] scored twice as her club won the cup. Coach [[José Álvarez|PER|jose-alvarez]], no relation, praised the defence. [[Álvarez|PER|jose-alvarez]] said the team had earned it. [[Jose Alvarez|PER|jose-alvarez]] will stay for another season, while [[María Álvarez|PER|maria-alvarez]] is expected to move abroad.",
        "Mayor [[Karen Bass|PER|bass]] toured the burned streets with Governor [[Gavin Newsom|PER|newsom]]. [[Newsom|PER|newsom]] promised state aid, and [[Bass|PER|bass]] thanked firefighters. [[Gavin Newsom|PER|newsom]] returned to Sacramento on Friday.",
    ];

    private static (List<(string System, string Gold)> Pairs, int Mentions) Run()
    {
        var stage = new ActorStage(ActorGazetteer.Default);
        var docs = new List<Document>();
        var gold = new Dictionary<(string, TextSpan), string>();
        for (var i = 0; i < Reports.Length; i++)
        {
            var (doc, g) = HandDocs.MakeWithGold(Reports[i], new LocalDate(2025, 3, 1), $"r{i}");
            docs.Add(stage.Process(doc, StageContext.Default()));
            foreach (var (span, id) in g) gold[(doc.Id, span)] = id;
        }
        var corpus = new CanonicalActorStage(ActorGazetteer.Default).Process(new Corpus { Documents = [.. docs] }, StageContext.Default());
        var mentions = corpus.Documents
            .SelectMany(d => d.Layer(Layers.Entities).Where(m => gold.ContainsKey((d.Id, m.Span))).Select(m => (System: m.EntityId ?? "", Gold: gold[(d.Id, m.Span)])))
            .ToList();
        return (mentions, gold.Count);
    }

    /// <summary>Pairwise precision and recall over mention pairs: pairs the system puts under one id, pairs gold puts under one identity.</summary>
    internal static (double Precision, double Recall, int SystemPairs, int GoldPairs) Score(List<(string System, string Gold)> mentions)
    {
        int systemPairs = 0, goldPairs = 0, both = 0;
        for (var i = 0; i < mentions.Count; i++)
        {
            for (var j = i + 1; j < mentions.Count; j++)
            {
                var s = mentions[i].System == mentions[j].System;
                var g = mentions[i].Gold == mentions[j].Gold;
                if (s) systemPairs++;
                if (g) goldPairs++;
                if (s && g) both++;
            }
        }
        return (systemPairs == 0 ? 0 : (double)both / systemPairs, goldPairs == 0 ? 0 : (double)both / goldPairs, systemPairs, goldPairs);
    }

    [Fact]
    public void Alias_folding_is_precise_on_the_hand_annotated_set()
    {
        var (mentions, annotated) = Run();
        Assert.Equal(annotated, mentions.Count);
        Assert.True(mentions.Count >= 40, $"only {mentions.Count} annotated mentions");
        var (precision, recall, systemPairs, goldPairs) = Score(mentions);
        output.WriteLine($"alias folding on {mentions.Count} mentions: pairwise precision {precision:0.000} ({systemPairs} system pairs), recall {recall:0.000} ({goldPairs} gold pairs)");
        foreach (var wrong in mentions.GroupBy(m => m.System).Where(g => g.Select(m => m.Gold).Distinct().Count() > 1))
            output.WriteLine($"merged wrongly under {wrong.Key}: {string.Join(", ", wrong.Select(m => m.Gold).Distinct())}");
        Assert.True(precision >= 0.9, $"precision {precision:0.000}");
        Assert.True(recall >= 0.7, $"recall {recall:0.000}");
    }

    [Fact]
    public void Two_people_sharing_a_surname_in_one_story_keep_separate_ids()
    {
        var (mentions, _) = Run();
        var anna = mentions.Where(m => m.Gold == "anna-berg").Select(m => m.System).ToHashSet();
        var thomas = mentions.Where(m => m.Gold == "thomas-berg").Select(m => m.System).ToHashSet();
        Assert.Contains("anna-berg", anna);
        Assert.Contains("thomas-berg", thomas);
        Assert.DoesNotContain("thomas-berg", mentions.Where(m => m.Gold == "anna-berg" && m.System == "anna-berg").Select(m => m.System));
    }

    [Fact]
    public void Score_counts_a_wrong_merge_against_precision()
    {
        var (precision, recall, _, _) = Score([("x", "a"), ("x", "b"), ("y", "a")]);
        Assert.Equal(0.0, precision);
        Assert.Equal(0.0, recall);
    }
}
