using Dossier.Language.Sentences;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Language.Time;

/// <summary>
/// The "times" stage: TIMEX3 expressions normalised against the publication date. When the document has none, it is
/// inferred from explicit dates in the text first (<see cref="PublicationDate"/>), marked inferred, and used.
/// </summary>
public sealed class TimeStage : IDocumentStage
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

    /// <summary>Sentences for text no sentence stage has seen (TimeML files, direct library calls): the
    /// project's own splitter, so times are read in the same sentences as everywhere else.</summary>
    public static List<TextSpan> SplitSentences(string text) => [.. SentenceSplitter.Split(text).Select(s => s.Span)];
}
