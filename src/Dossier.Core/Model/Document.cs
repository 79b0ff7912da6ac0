using System.Collections.Immutable;
using NodaTime;

namespace Dossier.Core.Model;

/// <summary>Text the cleaner took out of the body, and why.</summary>
public sealed record RemovedText(string Text, string Reason);

/// <summary>What is known about a document besides its text.</summary>
public sealed record DocumentMetadata
{
    public string? Outlet { get; init; }
    public string? Title { get; init; }
    public ImmutableArray<string> Authors { get; init; } = [];
    public LocalDate? Published { get; init; }
    /// <summary>True when <see cref="Published"/> was inferred (from dates in the text or from the story), not given.</summary>
    public bool PublishedInferred { get; init; }
    public string? Language { get; init; }
    public string? Url { get; init; }
}

/// <summary>
/// The centre of Dossier: a document owns its (clean) text; every analysis is a layer of half-open spans into it.
/// Immutable: a stage returns a new document with one more layer.
/// </summary>
public sealed record Document
{
    public Document(string id, string source, string text, DocumentMetadata metadata)
    {
        Id = id;
        Source = source;
        Text = text;
        Metadata = metadata;
    }

    /// <summary>Stable id: a hash of the clean text (see <see cref="Text.ContentHash"/>).</summary>
    public string Id { get; init; }

    /// <summary>Where it came from: an input path, a URL, or path:line for a JSONL record.</summary>
    public string Source { get; init; }

    public string Text { get; init; }
    public DocumentMetadata Metadata { get; init; }
    public ImmutableArray<RemovedText> Removed { get; init; } = [];
    public ImmutableDictionary<string, Layer> LayerSet { get; init; } = ImmutableDictionary<string, Layer>.Empty;

    public bool Has(LayerKey key) => LayerSet.ContainsKey(key.Name);

    /// <summary>The items of a layer, or an empty array when no stage added it.</summary>
    public ImmutableArray<T> Layer<T>(LayerKey<T> key) where T : class, ISpanned =>
        LayerSet.TryGetValue(key.Name, out var layer) ? (ImmutableArray<T>)layer.Items : [];

    /// <summary>A copy with the layer set (sorted by span), recording the stage that made it.</summary>
    public Document With<T>(LayerKey<T> key, IEnumerable<T> items, string stage, string stageVersion) where T : class, ISpanned
    {
        var sorted = items.OrderBy(i => i.Span).ToImmutableArray();
        foreach (var item in sorted)
        {
            if (item.Span.Start < 0 || item.Span.End > Text.Length || item.Span.End < item.Span.Start)
                throw new ArgumentOutOfRangeException(nameof(items), $"{stage} produced span {item.Span} outside text of length {Text.Length}");
        }
        return this with { LayerSet = LayerSet.SetItem(key.Name, new Layer(key, stage, stageVersion, sorted)) };
    }

    public string TextOf(TextSpan span) => span.Of(Text);

    /// <summary>Items of a layer that lie inside <paramref name="span"/> (a view, no copy of text).</summary>
    public IEnumerable<T> Within<T>(LayerKey<T> key, TextSpan span) where T : class, ISpanned =>
        Layer(key).Where(i => span.Contains(i.Span));
}
