using System.Text.RegularExpressions;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Language.Time;

/// <summary>
/// The "times" stage: TIMEX3 expressions normalised against the publication date. When the document has none, it is
/// inferred from explicit dates in the text first (<see cref="PublicationDate"/>), marked inferred, and used.
/// </summary>
public sealed partial class TimeStage : IDocumentStage
{
    public const string StageName = "times";

    public string Name => StageName;
    public string Version => "1";
    public IReadOnlyList<string> Requires { get; } = [Layers.Sentences.Name, Layers.Tokens.Name];
    public IReadOnlyList<string> Provides { get; } = [StageName];

    public Document Process(Document document, StageContext context)
    {
        var sentences = document.Layer(Layers.Sentences).Select(s => s.Span).ToList();
        if (sentences.Count == 0 && document.Text.Length > 0) sentences = SplitSentences(document.Text);
        var metadata = document.Metadata;
        if (metadata.Published is null
            && (PublicationDate.Infer(document.Text, sentences) ?? PublicationDate.InferFromRemoved(document.Removed)) is { } inferred)
        {
            metadata = metadata with { Published = inferred, PublishedInferred = true };
            document = document with { Metadata = metadata };
        }
        var times = TimexRecognizer.Recognize(document.Text, sentences, metadata.Published);
        return document.With(Layers.Times, times, StageName, Version);
    }

    [GeneratedRegex(@"[.!?]+[""'”’)]*\s+|\n\s*")]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"(?:\b\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|St|Jr|Sr|Inc|Corp|Co|Ltd|No|vs|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.N|U\.K|a\.m|p\.m))\.$")]
    private static partial Regex AbbreviationEnd();

    /// <summary>
    /// A plain sentence split for text no sentence stage has seen (TimeML files, direct library calls): a boundary is
    /// end punctuation and space before a capital, or a line break, but not the dot of an initial or abbreviation.
    /// </summary>
    public static List<TextSpan> SplitSentences(string text)
    {
        var result = new List<TextSpan>();
        var start = 0;
        foreach (Match m in BoundaryPattern().Matches(text))
        {
            var end = m.Index + m.Length;
            var isLine = m.Value.Contains('\n');
            if (!isLine)
            {
                if (end < text.Length && !char.IsUpper(text[end]) && text[end] is not ('"' or '“' or '\'' or '‘' or '`')) continue;
                var head = text[Math.Max(start, m.Index - 6)..(m.Index + 1)];
                if (m.Value[0] == '.' && AbbreviationEnd().IsMatch(head)) continue;
            }
            if (end > start) result.Add(new TextSpan(start, end));
            start = end;
        }
        if (start < text.Length) result.Add(new TextSpan(start, text.Length));
        return result;
    }
}
