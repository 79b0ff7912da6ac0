using System.Text;
using System.Text.RegularExpressions;
using Dossier.Core.Model;
using NodaTime;

namespace Dossier.Language.Tests.Support;

/// <summary>
/// Builds documents with hand-made sentence, token and entity layers, so the actor and time stages are tested
/// without the tagger. Entities are marked inline: "[[Donald Trump|PER]] met [[Macron|PER]]".
/// </summary>
public static partial class HandDocs
{
    [GeneratedRegex(@"\[\[(?<text>[^|\]]+)\|(?<label>PER|ORG|LOC|MISC)(?:\|(?<gold>[^\]]+))?\]\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"[^.!?]+(?:[.!?]+|$)")]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"\w+|[^\w\s]")]
    private static partial Regex TokenPattern();

    public static Document Make(string marked, LocalDate? published = null, string id = "doc1") => MakeWithGold(marked, published, id).Document;

    /// <summary>Like <see cref="Make"/>, and returns the gold id written as a third field ("[[Trump|PER|donald-trump]]") per mention span.</summary>
    public static (Document Document, IReadOnlyDictionary<TextSpan, string> Gold) MakeWithGold(string marked, LocalDate? published = null, string id = "doc1")
    {
        var gold = new Dictionary<TextSpan, string>();
        var text = new StringBuilder();
        var entities = new List<EntityMention>();
        var last = 0;
        foreach (Match m in Marker().Matches(marked))
        {
            text.Append(marked, last, m.Index - last);
            var start = text.Length;
            var surface = m.Groups["text"].Value;
            text.Append(surface);
            entities.Add(new EntityMention(new TextSpan(start, text.Length), surface, Enum.Parse<EntityLabel>(m.Groups["label"].Value)));
            if (m.Groups["gold"].Success) gold[new TextSpan(start, text.Length)] = m.Groups["gold"].Value;
            last = m.Index + m.Length;
        }
        text.Append(marked, last, marked.Length - last);
        var plain = text.ToString();
        var doc = new Document(id, id + ".txt", plain, new DocumentMetadata { Published = published });
        var sentences = SentencePattern().Matches(plain).Where(m => m.Value.Trim().Length > 0)
            .Select(m => new Sentence(new TextSpan(m.Index, m.Index + m.Length)));
        var tokens = TokenPattern().Matches(plain).Select(m => new Token(new TextSpan(m.Index, m.Index + m.Length), TokenKind.Word));
        var built = doc.With(Layers.Sentences, sentences, "test", "1")
            .With(Layers.Tokens, tokens, "test", "1")
            .With(Layers.Entities, entities, "test", "1");
        return (built, gold);
    }
}
