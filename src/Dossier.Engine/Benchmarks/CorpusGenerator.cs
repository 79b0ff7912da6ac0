using System.Text;
using NodaTime;

namespace Dossier.Benchmarks;

/// <summary>
/// Writes a synthetic news corpus for benchmarks: articles assembled from templates written for this project, with
/// invented people, several outlets, quotes, dates and boilerplate, grouped into stories. Deterministic for a seed.
/// </summary>
public sealed class CorpusGenerator(int seed = 20250224)
{
    private static readonly string[] Countries = ["Armenia", "Azerbaijan", "Georgia", "Moldova", "Serbia", "Kosovo", "Ethiopia", "Egypt", "Sudan", "Chile", "Peru", "Vietnam"];
    private static readonly string[] FirstNames = ["Ara", "Elnur", "Nino", "Ion", "Milan", "Arben", "Abiy", "Samir", "Amina", "Carla", "Jorge", "Linh", "Marta", "Pavel", "Sofia", "Omar"];
    private static readonly string[] LastNames = ["Petrosyan", "Hasanli", "Beridze", "Rusu", "Jovanovic", "Krasniqi", "Tesfaye", "Farouk", "Osman", "Rojas", "Quispe", "Nguyen", "Novak", "Horvat", "Lindqvist", "Baumann"];
    private static readonly string[] Roles = ["Foreign Minister", "Prime Minister", "President", "Defence Minister", "envoy"];
    private static readonly string[] Outlets = ["The Harbour Herald", "Meridian Wire", "Daily Courier", "Northern Ledger", "Plains Post", "Coastal Times"];
    private static readonly string[] Cities = ["Geneva", "Vienna", "Doha", "Oslo", "Istanbul", "Nairobi"];
    private static readonly string[] Topics = ["ceasefire", "prisoner exchange", "sanctions relief", "border demarcation", "trade agreement", "peacekeeping mission"];
    private static readonly string[] Cues = ["said", "told reporters", "wrote on X", "said in a statement", "warned", "added"];
    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>Writes <paramref name="count"/> .txt articles (about 8 per story) and returns their paths.</summary>
    public IReadOnlyList<string> Write(string directory, int count)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(seed);
        var paths = new List<string>(count);
        var start = new LocalDate(2024, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var storyRandom = new Random(seed + i / 8);
            var path = Path.Combine(directory, $"article-{i:D6}.txt");
            File.WriteAllText(path, Article(storyRandom, random, start.PlusDays(i / 8 % 700)));
            paths.Add(path);
        }
        return paths;
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string Article(Random story, Random variation, LocalDate date)
    {
        var (a, b) = (Pick(story, Countries), Pick(story, Countries));
        var speakerA = $"{Pick(story, FirstNames)} {Pick(story, LastNames)}";
        var speakerB = $"{Pick(story, FirstNames)} {Pick(story, LastNames)}";
        var (roleA, roleB) = (Pick(story, Roles), Pick(story, Roles));
        var city = Pick(story, Cities);
        var topic = Pick(story, Topics);
        var number = story.Next(2, 90);
        var outlet = Pick(variation, Outlets);
        var weekday = Pick(variation, Weekdays);
        var text = new StringBuilder();
        text.AppendLine($"{a} and {b} Hold Talks on {char.ToUpperInvariant(topic[0])}{topic[1..]} in {city}").AppendLine();
        text.AppendLine($"By {Pick(variation, FirstNames)} {Pick(variation, LastNames)}").AppendLine();
        text.AppendLine($"{a}n {roleA} {speakerA} and {b}n {roleB} {speakerB} met in {city} on {weekday} to discuss a {topic}, officials said on {date.ToString("MMMM d, yyyy", null)}.").AppendLine();
        text.AppendLine($"\u201CWe came to {city} to make progress on the {topic}, and we made it,\u201D {speakerA.Split(' ')[1]} {Pick(variation, Cues)}. \u201CThere is still work to do.\u201D").AppendLine();
        text.AppendLine($"{speakerB} said {b} would support the {topic} only if {a} withdrew {number} units from the border, calling the talks \u201Cdifficult but useful.\u201D").AppendLine();
        if (variation.Next(3) == 0) text.AppendLine($"Read more: {Pick(variation, Cities)} Hosts Regional Summit").AppendLine();
        text.AppendLine($"Officials in {a} rejected the idea of foreign peacekeepers, while {b} said sanctions relief was not on the table last week.").AppendLine();
        text.AppendLine($"The next round is expected within {number % 9 + 2} weeks.").AppendLine();
        text.AppendLine($"Subscribe to the {outlet} newsletter for daily updates delivered to your inbox.");
        return text.ToString();
    }
}
