using System.Text.RegularExpressions;
using Dossier.Core.Model;

namespace Dossier.Attribution.Speakers;

/// <summary>
/// Turns a speaker candidate into a <see cref="Speaker"/>: a named mention keeps its entity id; a pronoun or a
/// description ("the president", "his administration") is resolved to the most recent compatible actor of the
/// document, or left without an id when nothing compatible precedes it (never guessed).
/// </summary>
public sealed partial class SpeakerResolver
{
    /// <summary>How far back (in sentences) a pronoun may find its antecedent.</summary>
    private const int PronounReach = 4;

    private readonly DocumentView _view;
    private readonly Dictionary<string, string> _fullNames = new(StringComparer.Ordinal);
    /// <summary>Per actor key, the titles and descriptions the document gives it ("Russian President", ", the Kremlin spokesman").</summary>
    private readonly Dictionary<string, HashSet<string>> _roles = new(StringComparer.Ordinal);

    public SpeakerResolver(DocumentView view)
    {
        _view = view;
        foreach (var e in view.Entities)
        {
            var key = Key(e);
            // A title mention carries its holder's id ("Deputy Foreign Minister" → the minister) but is not a name.
            var isName = e.Type != Dossier.Language.Actors.EntityTypes.Title;
            if (isName && (!_fullNames.TryGetValue(key, out var name) || e.Text.Length > name.Length)) _fullNames[key] = e.Text;
            if (e.Label != EntityLabel.PER) continue;
            if (!_roles.TryGetValue(key, out var roles)) _roles[key] = roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match w in RoleWord().Matches(TitleBefore(view.Text, e.Span.Start) + " " + AppositiveAfter(view.Text, e.Span.End)))
                roles.Add(w.Value);
        }
    }

    /// <summary>The key an actor is known by: its entity id, else its text.</summary>
    public static string Key(EntityMention e) => e.EntityId ?? e.Text;

    /// <summary>The longest mention of the same actor: "Donald Trump" rather than "Trump".</summary>
    public string FullName(EntityMention e) => _fullNames.GetValueOrDefault(Key(e), e.Text);

    public Speaker Resolve(SpeakerCandidate candidate)
    {
        switch (candidate.Kind)
        {
            case CandidateKind.Entity when candidate.Entity is not null:
                return new Speaker(FullName(candidate.Entity), candidate.Entity.EntityId, candidate.Span);
            case CandidateKind.Pronoun when candidate.Text is "I" or "we" or "We":
                // The writer speaks: there is no actor to resolve to.
                return new Speaker(candidate.Text, null, candidate.Span);
            case CandidateKind.Pronoun:
            {
                var antecedent = candidate.Text.Equals("they", StringComparison.OrdinalIgnoreCase)
                    ? Antecedent(candidate.Span.Start, e => e.Label != EntityLabel.PER)
                    : Antecedent(candidate.Span.Start, e => e.Label == EntityLabel.PER);
                return antecedent is null
                    ? new Speaker(candidate.Text, null, candidate.Span)
                    : new Speaker(FullName(antecedent), antecedent.EntityId, candidate.Span);
            }
            case CandidateKind.Description:
                return ResolveDescription(candidate);
            default:
                return new Speaker(candidate.Text, null, candidate.Span);
        }
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex RoleWord();

    [GeneratedRegex(@"^(?<det>\w+)\s+(?<mods>.*?)\s*(?<head>" + SpeakerCandidates.RoleNouns + @")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DescriptionParts();

    /// <summary>Institutions of the person a possessive points at ("his administration" speaks for him).</summary>
    private static readonly HashSet<string> Institutions = new(StringComparer.OrdinalIgnoreCase)
        { "administration", "government", "campaign", "office", "cabinet" };

    private Speaker ResolveDescription(SpeakerCandidate candidate)
    {
        var unresolved = new Speaker(candidate.Text, null, candidate.Span);
        var m = DescriptionParts().Match(candidate.Text);
        if (!m.Success) return unresolved;
        var det = m.Groups["det"].Value.ToLowerInvariant();
        var head = m.Groups["head"].Value;
        if (det is "his" or "her")
        {
            if (!Institutions.Contains(head)) return unresolved;
            var owner = Antecedent(candidate.Span.Start, e => e.Label == EntityLabel.PER);
            return owner is null ? unresolved : new Speaker(candidate.Text, owner.EntityId, candidate.Span);
        }
        if (det is not "the") return unresolved;
        var modifiers = m.Groups["mods"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsUpper(w[0])).ToArray();
        var match = Recent(candidate.Span.Start, e =>
            e.Label == EntityLabel.PER && _roles.TryGetValue(Key(e), out var roles)
            && head.Split(' ').All(roles.Contains)
            && modifiers.All(roles.Contains));
        return match is null ? unresolved : new Speaker(FullName(match), match.EntityId, candidate.Span);
    }

    /// <summary>
    /// The antecedent of a pronoun: the first compatible mention (outside quotations) of the nearest sentence that has
    /// one, looking first before the pronoun in its own sentence: the subject of a sentence is usually its first actor,
    /// and the subject is what a following "he said" continues.
    /// </summary>
    private EntityMention? Antecedent(int position, Func<EntityMention, bool> compatible)
    {
        var index = _view.SentenceIndexAt(position);
        for (var s = index; s >= 0 && s > index - PronounReach; s--)
        {
            var sentence = _view.Sentences[s];
            var limit = s == index ? new TextSpan(sentence.Start, Math.Min(position, sentence.End)) : sentence;
            var first = _view.EntitiesIn(limit).FirstOrDefault(e =>
                compatible(e) && SpeakerCandidates.IsSpeakerEntity(e) && !_view.InsideQuote(e.Span.Start));
            if (first is not null) return first;
        }
        return null;
    }

    /// <summary>The most recent compatible mention before <paramref name="position"/> (outside quotations).</summary>
    private EntityMention? Recent(int position, Func<EntityMention, bool> compatible) =>
        _view.EntitiesBefore(position).FirstOrDefault(e => compatible(e) && !_view.InsideQuote(e.Span.Start));

    /// <summary>Up to five title words right before a name ("Russian Foreign Minister").</summary>
    private static string TitleBefore(string text, int start)
    {
        var from = Math.Max(0, start - 60);
        var window = text[from..start];
        var m = Regex.Match(window, @"((?:[A-Z][\p{L}.’'-]*|of|for|the)\s+){1,5}$");
        return m.Success ? m.Value : "";
    }

    /// <summary>An appositive right after a name (", the Kremlin spokesman,").</summary>
    private static string AppositiveAfter(string text, int end)
    {
        var window = text.Substring(end, Math.Min(80, text.Length - end));
        var m = Regex.Match(window, @"^,\s+(?:the|a|an)\s+[^,.;:“”""]{1,60}");
        return m.Success ? m.Value : "";
    }
}
