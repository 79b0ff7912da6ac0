using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Corpus.Duplicates;

using Corpus = Dossier.Core.Model.Corpus;

/// <summary>Near-duplicate groups of the corpus (see <see cref="NearDuplicateDetector"/>), each member explained by its
/// estimated and exact Jaccard with the representative and the passages they share.</summary>
public sealed class DuplicateStage(NearDuplicateOptions? options = null) : ICorpusStage
{
    private readonly NearDuplicateDetector _detector = new(options);

    public string Name => "duplicates";
    public string Version => "1";
    public IReadOnlyList<string> Requires => [];
    public IReadOnlyList<string> Provides => [CorpusResults.Duplicates];

    public Corpus Process(Corpus corpus, StageContext context) =>
        corpus with { Duplicates = _detector.Find(corpus.Documents.Select(d => (d.Id, d.Text))) };
}
