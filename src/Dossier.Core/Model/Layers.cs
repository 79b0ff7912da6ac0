namespace Dossier.Core.Model;

/// <summary>
/// A typed key for one annotation layer. The key carries the element type, so
/// <c>doc.Layer(Layers.Entities)</c> is an <c>ImmutableArray&lt;EntityMention&gt;</c> without casts.
/// </summary>
public abstract record LayerKey(string Name)
{
    public abstract Type ElementType { get; }
}

public sealed record LayerKey<T>(string Name) : LayerKey(Name) where T : class, ISpanned
{
    public override Type ElementType => typeof(T);
}

/// <summary>The layers Dossier's stages produce. Stages declare what they need and add by these keys.</summary>
public static class Layers
{
    public static readonly LayerKey<Paragraph> Paragraphs = new("paragraphs");
    public static readonly LayerKey<Sentence> Sentences = new("sentences");
    public static readonly LayerKey<Token> Tokens = new("tokens");
    public static readonly LayerKey<EntityMention> Entities = new("entities");
    public static readonly LayerKey<NumberMention> Numbers = new("numbers");
    public static readonly LayerKey<TimeExpression> Times = new("times");
    public static readonly LayerKey<Quote> Quotes = new("quotes");
    public static readonly LayerKey<EventMention> Events = new("events");
    public static readonly LayerKey<StanceMention> Stances = new("stances");

    public static IReadOnlyList<LayerKey> All { get; } =
        [Paragraphs, Sentences, Tokens, Entities, Numbers, Times, Quotes, Events, Stances];

    public static LayerKey? ByName(string name) => All.FirstOrDefault(k => k.Name == name);
}

/// <summary>
/// An immutable, sorted layer of spanned annotations, with the stage that made it (provenance).
/// <see cref="Items"/> is the boxed <c>ImmutableArray&lt;T&gt;</c> of the key's element type.
/// </summary>
public sealed record Layer(LayerKey Key, string Stage, string StageVersion, IReadOnlyList<ISpanned> Items);
