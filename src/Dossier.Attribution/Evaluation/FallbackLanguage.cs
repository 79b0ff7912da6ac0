using System.Text.RegularExpressions;
using Dossier.Core.Model;

namespace Dossier.Attribution.Evaluation;

/// <summary>
/// A stand-in for the language pipeline, only so the evaluators can run on their own (in their tests, or before the
/// real stages exist): sentences by punctuation and line breaks, entities as runs of capitalised words. Persons are
/// keyed by their last name so "Hillary Clinton" and "Clinton" are one actor; a run ending in an organisation word is
/// an ORG. The real pipeline replaces all of this through the evaluators' <c>prepare</c> argument.
/// </summary>
public static partial class FallbackLanguage
{
    private static readonly HashSet<string> OrgWords = new(StringComparer.Ordinal)
    {
        "Party", "Committee", "Times", "Post", "News", "Inc", "Corp", "University", "Department", "Ministry", "Council",
        "Commission", "Court", "Congress", "Senate", "House", "Association", "Agency", "Campaign", "Foundation",
        "Institute", "Journal", "Network", "Club", "Union", "Bank", "Group", "Company", "Service", "Office", "Press",
        "Reuters", "Administration", "Government", "Kremlin", "Pentagon", "Police", "Army", "Tribune", "Herald", "Magazine",
    };

    /// <summary>Capitalised words that start sentences or name no one.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "When", "While", "After", "Before", "As", "It", "He",
        "She", "They", "We", "I", "You", "This", "That", "These", "Those", "His", "Her", "Their", "Our", "My", "Its",
        "There", "Here", "What", "Who", "Why", "How", "Where", "Yes", "No", "So", "Then", "Also", "Still", "Yet", "For",
        "With", "From", "By", "To", "Of", "Now", "Today", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Mr", "Mrs", "Ms", "Dr", "President", "Secretary", "Senator", "Sen", "Rep",
        "Gov", "Minister", "According", "Read", "Photo", "Follow", "Democrats", "Republicans", "Americans", "American",
    };

    public static Document Prepare(Document document) =>
        document
            .With(Layers.Sentences, Sentences(document.Text), "fallback-sentences", "1")
            .With(Layers.Entities, Entities(document.Text), "fallback-entities", "1");

    [GeneratedRegex(@"[.!?]+[”""’']?(?=\s+[“""‘'(]?\p{Lu})|\n")]
    private static partial Regex SentenceBreak();

    public static IEnumerable<Sentence> Sentences(string text)
    {
        var start = 0;
        foreach (Match m in SentenceBreak().Matches(text))
        {
            if (m.Value != "\n" && m.Value[0] == '.' && Quotes.QuoteExtractor.IsAbbreviation(text, m.Index)) continue;
            var end = m.Index + m.Length;
            var span = Trim(text, start, m.Value == "\n" ? m.Index : end);
            if (!span.IsEmpty) yield return new Sentence(span);
            start = end;
        }
        var last = Trim(text, start, text.Length);
        if (!last.IsEmpty) yield return new Sentence(last);
    }

    [GeneratedRegex(@"\p{Lu}[\p{L}’'.-]*(?:\s+(?:(?:of|de|van|von|bin|al)\s+)?\p{Lu}[\p{L}’'.-]*)*")]
    private static partial Regex NameRun();

    public static IEnumerable<EntityMention> Entities(string text)
    {
        foreach (Match m in NameRun().Matches(text))
        {
            var words = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var offset = m.Index;
            // Leading sentence words and titles are not part of the name ("But Clinton", "President Obama").
            while (words.Count > 0 && NotNames.Contains(words[0].TrimEnd('.')))
            {
                offset = text.IndexOf(words[0], offset, StringComparison.Ordinal) + words[0].Length;
                words.RemoveAt(0);
            }
            if (words.Count == 0) continue;
            var start = text.IndexOf(words[0], offset, StringComparison.Ordinal);
            var name = text[start..(m.Index + m.Length)].TrimEnd('.', '’', '\'');
            if (name.EndsWith("’s", StringComparison.Ordinal) || name.EndsWith("'s", StringComparison.Ordinal)) name = name[..^2];
            if (name.Length < 2 || !name.Any(char.IsLower) && name.Length > 5) continue; // skip shouted headlines
            var last = name.Split(' ')[^1];
            var isOrg = OrgWords.Contains(last) || words.Count == 1 && OrgWords.Contains(name);
            var id = isOrg ? Slug(name) : Slug(last);
            yield return new EntityMention(new TextSpan(start, start + name.Length), name, isOrg ? EntityLabel.ORG : EntityLabel.PER,
                isOrg ? "ORG" : "PERSON", id);
        }
    }

    private static string Slug(string s) => Regex.Replace(s.ToLowerInvariant(), @"[^\p{L}\p{N}]+", "-").Trim('-');

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextSpan(start, end);
    }
}
