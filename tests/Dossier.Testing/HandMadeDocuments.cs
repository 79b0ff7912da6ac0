using System.Text.RegularExpressions;
using Dossier.Core.Model;
using NodaTime;

namespace Dossier.Testing;

/// <summary>An entity to mark in a hand-made document: every whole-word occurrence of <see cref="Text"/>.</summary>
public sealed record Mark(string Text, EntityLabel Label, string? Type, string? Id);

/// <summary>
/// Builds documents with hand-made language layers, so a stage can be tested on text written for the test without the
/// real sentence splitter or tagger: sentences by a naive splitter (., ! or ? before a space and a capital or an opening
/// quotation mark; line breaks), entities by marking substrings, times by marking substrings with a value.
/// </summary>
public static partial class HandMadeDocuments
{
    public static Mark Person(string text, string id) => new(text, EntityLabel.PER, "PERSON", id);
    public static Mark State(string text, string iso3) => new(text, EntityLabel.LOC, "GPE", iso3);
    /// <summary>A demonym or metonym standing for a state ("the Kremlin", "Moscow" as a government).</summary>
    public static Mark Metonym(string text, string iso3) => new(text, EntityLabel.ORG, "GPE", iso3);
    public static Mark Org(string text, string id) => new(text, EntityLabel.ORG, "ORG", id);
    public static Mark Place(string text, string? id = null) => new(text, EntityLabel.LOC, "GPE", id);

    public static Document Build(string text, params Mark[] marks) => Build(text, null, [], marks);

    public static Document Build(string text, LocalDate? published, IReadOnlyList<(string Text, TimexType Type, string Value)> times, params Mark[] marks)
    {
        var doc = new Document("test", "test.txt", text, new DocumentMetadata { Published = published, Outlet = "Test Outlet" });
        doc = doc.With(Layers.Sentences, Sentences(text), "test-sentences", "0");
        doc = doc.With(Layers.Entities, Entities(text, marks), "test-actors", "0");
        var timeItems = times.SelectMany(t => Occurrences(text, t.Text).Select(s => new TimeExpression(s, t.Text, t.Type, t.Value)));
        return doc.With(Layers.Times, timeItems, "test-times", "0");
    }

    public static IEnumerable<Sentence> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = -1;
            if (c == '\n') end = i;
            else if (c is '.' or '!' or '?' && i + 2 < text.Length && text[i + 1] == ' ' && (char.IsUpper(text[i + 2]) || text[i + 2] is '“' or '"' or '«' or '‘'))
                end = i + 1;
            else if (c is '.' or '!' or '?' && i + 3 < text.Length && text[i + 1] is '”' or '"' or '»' && text[i + 2] == ' ' && char.IsUpper(text[i + 3]))
                end = i + 2;
            if (end < 0) continue;
            if (text[start..end].Trim().Length > 0) yield return new Sentence(Trim(text, start, end));
            start = end;
        }
        if (text[start..].Trim().Length > 0) yield return new Sentence(Trim(text, start, text.Length));
    }

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextSpan(start, end);
    }

    private static IEnumerable<EntityMention> Entities(string text, Mark[] marks)
    {
        // Longer marks first, so "Vladimir Putin" wins over "Putin" where both match.
        var taken = new List<TextSpan>();
        foreach (var mark in marks.OrderByDescending(m => m.Text.Length))
        {
            foreach (var span in Occurrences(text, mark.Text))
            {
                if (taken.Any(t => t.Overlaps(span))) continue;
                taken.Add(span);
                yield return new EntityMention(span, mark.Text, mark.Label, mark.Type, mark.Id);
            }
        }
    }

    private static IEnumerable<TextSpan> Occurrences(string text, string needle) =>
        Regex.Matches(text, @"(?<![\p{L}\p{N}])" + Regex.Escape(needle) + @"(?![\p{L}\p{N}])")
            .Select(m => new TextSpan(m.Index, m.Index + m.Length));
}
