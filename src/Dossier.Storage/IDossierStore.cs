using Dossier.Core.Model;

namespace Dossier.Storage;

/// <summary>
/// Where Dossier keeps documents (with every layer and its provenance) and the results derived across them.
/// Deliberately narrow, so a PostgreSQL store can implement the same contract for users who outgrow one machine.
/// </summary>
public interface IDossierStore : IAsyncDisposable
{
    /// <summary>True when a document with this id (a content hash) is already stored.</summary>
    Task<bool> ContainsAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts or replaces the documents (text, metadata, removed text, every layer) in one transaction, so a run
    /// killed half-way never leaves half a document. Saving the same documents again changes nothing.
    /// </summary>
    Task SaveDocumentsAsync(IReadOnlyList<Document> documents, CancellationToken cancellationToken = default);

    /// <summary>Every stored document, in the order they were first stored, with every layer exactly as saved.</summary>
    Task<IReadOnlyList<Document>> LoadDocumentsAsync(CancellationToken cancellationToken = default);

    /// <summary>One document with every layer, or null when the id is unknown.</summary>
    Task<Document?> LoadDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the corpus's documents (unchanged ones are skipped) and replaces every derived result (entities,
    /// stories, alignments, discrepancies, positions) in one transaction.
    /// </summary>
    Task SaveCorpusAsync(Corpus corpus, CancellationToken cancellationToken = default);

    /// <summary>The stored documents and the derived results last saved with them.</summary>
    Task<Corpus> LoadCorpusAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Full-text search over document titles and text. <paramref name="query"/> is user input: it is reduced to
    /// plain terms (all must match), so no character in it can change the search syntax. Best matches first.
    /// </summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default);
}

/// <summary>
/// One document matching a search. <see cref="Snippet"/> is plain text around the matches, each matched term
/// enclosed in <see cref="MarkStart"/>…<see cref="MarkEnd"/> (control characters that never occur in clean text), so a
/// renderer can highlight them after encoding the rest.
/// </summary>
public sealed record SearchHit(string DocumentId, string? Title, string? Outlet, string? Published, string Snippet, double Rank)
{
    public const char MarkStart = '\u0002';
    public const char MarkEnd = '\u0003';

    /// <summary>The snippet split into runs of plain and highlighted text, in order.</summary>
    public IReadOnlyList<(string Text, bool Highlighted)> SnippetParts()
    {
        var parts = new List<(string, bool)>();
        var highlighted = false;
        var start = 0;
        for (var i = 0; i <= Snippet.Length; i++)
        {
            if (i < Snippet.Length && Snippet[i] != MarkStart && Snippet[i] != MarkEnd) continue;
            if (i > start) parts.Add((Snippet[start..i], highlighted));
            if (i < Snippet.Length) highlighted = Snippet[i] == MarkStart;
            start = i + 1;
        }
        return parts;
    }

    /// <summary>The snippet without highlight marks.</summary>
    public string PlainSnippet => Snippet.Replace(MarkStart.ToString(), "").Replace(MarkEnd.ToString(), "");
}
