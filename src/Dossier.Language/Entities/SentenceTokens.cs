using Dossier.Core.Model;

namespace Dossier.Language.Entities;

/// <summary>The tokens of each sentence, as the tagger reads them.</summary>
internal static class SentenceTokens
{
    /// <summary>
    /// Longer "sentences" (a megabyte line without punctuation) are tagged in pieces of this many tokens, which keeps
    /// the tagger's per-sentence buffers small; real sentences are far shorter.
    /// </summary>
    public const int MaxTokens = 400;

    /// <summary>Groups tokens by the sentence that contains them (both sorted by offset); empty sentences are skipped.</summary>
    public static List<Token[]> Group(IReadOnlyList<Sentence> sentences, IReadOnlyList<Token> tokens)
    {
        var groups = new List<Token[]>(sentences.Count);
        var t = 0;
        foreach (var sentence in sentences)
        {
            while (t < tokens.Count && tokens[t].Span.Start < sentence.Span.Start) t++;
            var first = t;
            while (t < tokens.Count && tokens[t].Span.End <= sentence.Span.End) t++;
            for (var start = first; start < t; start += MaxTokens)
            {
                var group = new Token[Math.Min(MaxTokens, t - start)];
                for (var k = 0; k < group.Length; k++) group[k] = tokens[start + k];
                groups.Add(group);
            }
        }
        return groups;
    }

    public static List<string[]> Words(string text, List<Token[]> groups) =>
        groups.ConvertAll(g => Array.ConvertAll(g, token => token.Span.Of(text)));
}
