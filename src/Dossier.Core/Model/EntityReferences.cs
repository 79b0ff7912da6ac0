namespace Dossier.Core.Model;

/// <summary>
/// Entity ids are referred to from several layers (mentions, quote speakers, event and stance actors). When a corpus
/// stage learns that two ids are one actor (a surname folded into the full name), every reference must follow, or a
/// quote would keep pointing at an id no canonical entity has.
/// </summary>
public static class EntityReferences
{
    public static Document Redirect(Document document, IReadOnlyDictionary<string, string> redirects)
    {
        if (redirects.Count == 0) return document;
        string? To(string? id) => id is not null && redirects.TryGetValue(id, out var target) ? target : id;
        ActorRef Actor(ActorRef actor) => actor with { EntityId = To(actor.EntityId)! };

        document = Rewrite(document, Layers.Entities, m => m.EntityId == To(m.EntityId) ? m : m with { EntityId = To(m.EntityId) });
        document = Rewrite(document, Layers.Quotes, q => q.Speaker is { } s && s.EntityId != To(s.EntityId)
            ? q with { Speaker = s with { EntityId = To(s.EntityId) } } : q);
        document = Rewrite(document, Layers.Events, e => e with { Source = Actor(e.Source), Target = e.Target is null ? null : Actor(e.Target) });
        return Rewrite(document, Layers.Stances, s => s with { Actor = Actor(s.Actor) });
    }

    /// <summary>Maps a layer's items, keeping the provenance of the stage that made it; unchanged layers stay as they are.</summary>
    private static Document Rewrite<T>(Document document, LayerKey<T> key, Func<T, T> map) where T : class, ISpanned
    {
        if (!document.LayerSet.TryGetValue(key.Name, out var layer)) return document;
        var items = document.Layer(key);
        var mapped = items.Select(map).ToList();
        return mapped.SequenceEqual(items) ? document : document.With(key, mapped, layer.Stage, layer.StageVersion);
    }
}
