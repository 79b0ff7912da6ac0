using System.Collections.Immutable;
using Dossier.Core.Model;

namespace Dossier.Corpus.Shared;

/// <summary>Sentence spans of a document: the sentence layer when a stage made one, else a plain splitter on
/// line breaks and end punctuation followed by a capital, so corpus stages also work on bare text.</summary>
public static class TextUnits
{
    public static ImmutableArray<TextSpan> Sentences(Document doc)
    {
        var layer = doc.Layer(Layers.Sentences);
        return layer.IsDefaultOrEmpty ? SplitSentences(doc.Text) : [.. layer.Select(s => s.Span)];
    }

    public static ImmutableArray<TextSpan> SplitSentences(string text)
    {
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var boundary = c == '\n';
            if (!boundary && (c == '.' || c == '!' || c == '?'))
            {
                var j = i + 1;
                while (j < text.Length && IsClosing(text[j])) j++;
                if (j < text.Length && text[j] == ' ')
                {
                    var k = j;
                    while (k < text.Length && text[k] == ' ') k++;
                    // An abbreviation ("U.S. officials", "Mr. Smith") is followed by a capital too; a single
                    // capital letter before the dot marks an initial or acronym, not an end.
                    boundary = k < text.Length && (char.IsUpper(text[k]) || IsOpening(text[k])) && !IsShortAbbreviation(text, i);
                    if (boundary) i = j - 1;
                }
            }
            if (!boundary) continue;
            Add(spans, text, start, i + 1);
            start = i + 1;
        }
        Add(spans, text, start, text.Length);
        return spans.ToImmutable();
    }

    private static bool IsClosing(char c) => c is '"' or '\'' or '”' or '’' or ')' or '»';
    private static bool IsOpening(char c) => c is '"' or '“' or '‘' or '\'' or '(' or '«';

    private static bool IsShortAbbreviation(string text, int dot)
    {
        var s = dot;
        while (s > 0 && char.IsLetter(text[s - 1])) s--;
        var word = text[s..dot];
        return word.Length == 1 && char.IsUpper(word[0]) || word is "Mr" or "Mrs" or "Ms" or "Dr" or "St" or "Gen" or "Sen" or "Rep" or "Gov" or "Lt" or "Col";
    }

    private static void Add(ImmutableArray<TextSpan>.Builder spans, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) spans.Add(new TextSpan(start, end));
    }

    /// <summary>ISO yyyy-MM-dd of a date, the form corpus results carry.</summary>
    public static string? Iso(NodaTime.LocalDate? date) =>
        date is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
}
