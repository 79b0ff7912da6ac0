using System.Text.RegularExpressions;
using Dossier.Core.Model;

namespace Dossier.Events.Plover;

/// <summary>
/// Turns entity mentions into PLOVER actors with a sector (GOV, MIL, COP, REB, LEG, JUD, CVL, OPP…) read from the words
/// around the mention: "Russian troops" is RUS/MIL, "President X" is X/GOV, a bare state is its government (GOV).
/// </summary>
public static partial class ActorSectors
{
    private static readonly (string Sector, string[] Words)[] Nouns =
    [
        ("MIL", ["troops", "forces", "army", "military", "soldiers", "navy", "marines", "warplanes", "jets", "artillery", "tanks", "air force", "defense ministry", "defence ministry", "general", "commander", "colonel", "admiral"]),
        ("COP", ["police", "policemen", "riot police", "security forces"]),
        ("REB", ["rebels", "insurgents", "militants", "separatists", "fighters", "militia", "militias", "guerrillas", "gunmen", "jihadists"]),
        ("LEG", ["parliament", "lawmakers", "legislators", "senate", "senator", "congress", "congressman", "congresswoman", "mps", "duma"]),
        ("JUD", ["court", "courts", "judge", "judges", "prosecutors", "prosecutor"]),
        ("OPP", ["opposition"]),
        ("CVL", ["protesters", "demonstrators", "activists", "civilians", "residents", "students", "workers"]),
        ("GOV", ["government", "officials", "authorities", "ministry", "minister", "president", "prime minister", "leader", "cabinet", "administration", "diplomats", "envoy", "ambassador", "foreign ministry", "chancellor", "secretary", "spokesman", "spokeswoman", "king", "kremlin"]),
    ];

    public static bool IsActor(EntityMention e) =>
        e.Label is EntityLabel.PER or EntityLabel.ORG || e.Type is "GPE" or "NORP" || e.Label == EntityLabel.LOC && e.EntityId is not null;

    public static string Key(EntityMention e) => e.EntityId ?? e.Text;

    /// <summary>A state's id is its ISO 3166 alpha-3 code.</summary>
    public static bool IsState(string id) => id.Length == 3 && id.All(char.IsUpper);

    public static ActorRef Ref(string text, EntityMention e)
    {
        var id = e.EntityId ?? Slug(e.Text);
        var sector = SectorAfter(text, e.Span.End) ?? SectorBefore(text, e.Span.Start)
            ?? (IsState(id) || e.Type is "GPE" or "NORP" ? "GOV" : null);
        return new ActorRef(id, e.Text, sector);
    }

    /// <summary>An actor named only by a common noun right before the trigger ("Protesters burned…"): unknown id, known sector.</summary>
    internal static ActorRef? Generic(string text, List<EventCoder.Word> words, int trigger)
    {
        for (var k = trigger - 1; k >= 0 && k >= trigger - 4; k--)
        {
            foreach (var (sector, nouns) in Nouns)
            {
                if (nouns.Contains(words[k].Lower)) return new ActorRef("UNK", words[k].Span.Of(text), sector);
            }
        }
        return null;
    }

    [GeneratedRegex(@"^[\s’'s]*(?<w>[\p{L}]+(?:\s+[\p{L}]+)?)")]
    private static partial Regex NextWords();

    /// <summary>Up to two capitalised title words right before a name ("Prime Minister", "Gen.").</summary>
    [GeneratedRegex(@"(?<w>\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)\s+$")]
    private static partial Regex PreviousWords();

    private static string? SectorAfter(string text, int end)
    {
        var m = NextWords().Match(text.Substring(end, Math.Min(40, text.Length - end)));
        return m.Success ? SectorOf(m.Groups["w"].Value) : null;
    }

    private static string? SectorBefore(string text, int start)
    {
        var from = Math.Max(0, start - 40);
        var m = PreviousWords().Match(text[from..start]);
        return m.Success ? SectorOf(m.Groups["w"].Value) : null;
    }

    /// <summary>The sector of a one- or two-word phrase: the two-word reading first ("prime minister"), then each word.</summary>
    private static string? SectorOf(string phrase)
    {
        var lower = phrase.ToLowerInvariant().TrimEnd('.');
        foreach (var (sector, nouns) in Nouns)
            if (nouns.Contains(lower)) return sector;
        foreach (var word in lower.Split(' '))
            foreach (var (sector, nouns) in Nouns)
                if (nouns.Contains(word)) return sector;
        return null;
    }

    /// <summary>A lowercase hyphenated slug, the id convention for persons and organisations.</summary>
    public static string Slug(string name) =>
        Regex.Replace(name.ToLowerInvariant(), @"[^\p{L}\p{N}]+", "-").Trim('-');
}
