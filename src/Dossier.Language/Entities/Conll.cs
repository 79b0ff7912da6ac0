namespace Dossier.Language.Entities;

/// <summary>One sentence of a CoNLL file: its words and their BIO tags.</summary>
public sealed record ConllSentence(string[] Words, string[] Tags);

/// <summary>A CoNLL document (between two -DOCSTART- lines).</summary>
public sealed record ConllDocument(IReadOnlyList<ConllSentence> Sentences);

/// <summary>
/// Reads CoNLL-2003 style files: one token a line with the word first and the NER tag last, a blank line between
/// sentences, "-DOCSTART-" between documents. IOB1 tags are accepted and read as BIO (an "I-" that starts an entity
/// begins it), which is how conlleval reads them too.
/// </summary>
public static class Conll
{
    public static IReadOnlyList<ConllDocument> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    public static IReadOnlyList<ConllDocument> Read(TextReader reader)
    {
        var documents = new List<ConllDocument>();
        var sentences = new List<ConllSentence>();
        var words = new List<string>();
        var tags = new List<string>();

        void EndSentence()
        {
            if (words.Count == 0) return;
            sentences.Add(new ConllSentence([.. words], ToBio(tags)));
            words.Clear();
            tags.Clear();
        }

        void EndDocument()
        {
            EndSentence();
            if (sentences.Count > 0) documents.Add(new ConllDocument([.. sentences]));
            sentences.Clear();
        }

        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                EndDocument();
                continue;
            }
            if (string.IsNullOrWhiteSpace(line))
            {
                EndSentence();
                continue;
            }
            var fields = line.Split(' ', '\t');
            words.Add(fields[0]);
            tags.Add(fields.Length > 1 ? fields[^1] : "O");
        }
        EndDocument();
        return documents;
    }

    /// <summary>Normalises IOB1 or BIO tags to BIO: an "I-X" that does not continue an X entity begins one.</summary>
    internal static string[] ToBio(IReadOnlyList<string> tags)
    {
        var result = new string[tags.Count];
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            if (tag.StartsWith("I-", StringComparison.Ordinal))
            {
                var type = tag[2..];
                var previous = i > 0 ? result[i - 1] : "O";
                if (previous == "O" || previous[2..] != type) tag = "B-" + type;
            }
            result[i] = tag;
        }
        return result;
    }

    /// <summary>Entity chunks (start token, end token exclusive, type) of a BIO tag sequence.</summary>
    public static IEnumerable<(int Start, int End, string Type)> Chunks(IReadOnlyList<string> tags)
    {
        var start = -1;
        string? type = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var continues = type is not null && tag.StartsWith("I-", StringComparison.Ordinal) && tag.AsSpan(2).SequenceEqual(type);
            if (continues) continue;
            if (type is not null) yield return (start, i, type);
            type = null;
            if (tag.Length > 2 && (tag[0] == 'B' || tag[0] == 'I'))
            {
                start = i;
                type = tag[2..];
            }
        }
    }
}
