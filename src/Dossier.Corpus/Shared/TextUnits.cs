using System.Collections.Immutable;
using Dossier.Language.Sentences;
using Dossier.Core.Model;

namespace Dossier.Corpus.Shared;

/// <summary>Sentence spans of a document: the sentence layer when a stage made one, else the sentence splitter run on
/// the text, so corpus stages also work on bare text.</summary>
public static class TextUnits
{
    public static ImmutableArray<TextSpan> Sentences(Document doc)
    {
        var layer = doc.Layer(Layers.Sentences);
        return layer.IsDefaultOrEmpty ? SplitSentences(doc.Text) : [.. layer.Select(s => s.Span)];
    }

    /// <summary>Sentences of text no sentence stage has seen: the project's own splitter.</summary>
    public static ImmutableArray<TextSpan> SplitSentences(string text) => [.. SentenceSplitter.Split(text).Select(s => s.Span)];

    /// <summary>ISO yyyy-MM-dd of a date, the form corpus results carry.</summary>
    public static string? Iso(NodaTime.LocalDate? date) =>
        date is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
}
