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
    [GeneratedRegex(@"\[\[(?<text>[^|\]]+)\|(?<label>PER|ORG|LOC|MISC)\]\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"[^.!?]+(?:[.!?]+|$)")]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"\w+|[^\w\s]")]
    private static partial Regex TokenPattern();

    public static Document Make(string marked, LocalDate? published = null, string id = "doc1")
    {
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
            last = m.Index + m.Length;
        }
        text.Append(marked, last, marked.Length - last);
        var plain = text.ToString();
        var doc = new Document(id, id + ".txt", plain, new DocumentMetadata { Published = published });
        var sentences = SentencePattern().Matches(plain).Where(m => m.Value.Trim().Length > 0)
            .Select(m => new Sentence(new TextSpan(m.Index, m.Index + m.Length)));
        var tokens = TokenPattern().Matches(plain).Select(m => new Token(new TextSpan(m.Index, m.Index + m.Length), TokenKind.Word));
        return doc.With(Layers.Sentences, sentences, "test", "1")
            .With(Layers.Tokens, tokens, "test", "1")
            .With(Layers.Entities, entities, "test", "1");
    }
}
