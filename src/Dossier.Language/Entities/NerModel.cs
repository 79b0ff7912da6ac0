using Dossier.Language.Learning;

namespace Dossier.Language.Entities;

/// <summary>
/// A trained named-entity tagger (averaged perceptron over hashed features, beam-search BIO decoding; see
/// <see cref="NerTrainer"/>). Immutable and thread-safe once loaded.
/// The default model is the one committed under Resources/ner/, or a <c>ner/model.bin</c> file beside the application
/// when present (so a model retrained with <c>dossier train ner</c> can replace it without rebuilding).
/// </summary>
public sealed class NerModel
{
    private const string Magic = "DossierNER";
    private const int FormatVersion = 6;
    private const string ResourceName = "model.bin";

    private readonly NerDecoder _decoder;
    private readonly float[] _weights;

    internal NerModel(NerDecoder decoder, float[] weights)
    {
        _decoder = decoder;
        _weights = weights;
    }

    /// <summary>The name list the model was trained with.</summary>
    public Gazetteer Gazetteer => _decoder.Gazetteer;

    private static readonly Lazy<NerModel> LazyDefault = new(LoadDefault);

    public static NerModel Default => LazyDefault.Value;

    /// <summary>Number of non-zero feature rows (a measure of the model's size).</summary>
    public int ActiveRows
    {
        get
        {
            var n = 0;
            for (var r = 0; r < _decoder.Rows; r++)
            {
                if (_weights.AsSpan(r * NerTags.Count, NerTags.Count).ContainsAnyExcept(0f)) n++;
            }
            return n;
        }
    }

    private static NerModel LoadDefault()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "ner", "model.bin");
        if (File.Exists(beside))
        {
            using var file = File.OpenRead(beside);
            return Load(file);
        }
        using var stream = NerResources.Open(ResourceName)
            ?? throw new InvalidOperationException($"The NER model resource {ResourceName} is missing from Dossier.Language; run `dossier train ner` and rebuild.");
        return Load(stream);
    }

    /// <summary>Tags the sentences of one document (tokens as strings) with BIO tags ("B-PER", "I-PER", "O"…).</summary>
    public IReadOnlyList<string[]> Tag(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var ids = TagIds(sentences.Select(s => s as string[] ?? [.. s]).ToList(), new NerDecoder.Buffers());
        return [.. ids.Select(tags => tags.Select(t => NerTags.Names[t]).ToArray())];
    }

    internal int[][] TagIds(IReadOnlyList<string[]> sentences, NerDecoder.Buffers buffers) =>
        _decoder.Decode(sentences, _weights, buffers);

    /// <summary>Writes the model: its resources, then the weights (<see cref="QuantisedWeights"/>), gzip-compressed.</summary>
    public void Save(Stream stream)
    {
        ModelFile.Write(stream, Magic, FormatVersion, writer =>
        {
            writer.Write(_decoder.Bits);
            writer.Write(_decoder.BeamWidth);
            _decoder.Gazetteer.Write(writer);
            writer.Write(_decoder.CommonWords.Count);
            foreach (var word in _decoder.CommonWords.Order()) writer.Write(word);
            _decoder.Clusters.Write(writer);
            QuantisedWeights.Write(writer, _weights, NerTags.Count);
        });
    }

    /// <exception cref="InvalidDataException">The stream is not a Dossier NER model.</exception>
    public static NerModel Load(Stream stream)
    {
        return ModelFile.Read(stream, Magic, FormatVersion, "NER", reader =>
        {
            var bits = reader.ReadInt32();
            if (bits is < 8 or > 26) throw new InvalidDataException("NER model feature table size out of range");
            var beamWidth = reader.ReadInt32();
            if (beamWidth is < 1 or > 64) throw new InvalidDataException("NER model beam width out of range");
            var gazetteer = Gazetteer.Read(reader);
            var commonCount = reader.ReadInt32();
            if (commonCount is < 0 or > 10_000_000) throw new InvalidDataException("NER model word list size out of range");
            var common = new HashSet<ulong>(commonCount);
            for (var i = 0; i < commonCount; i++) common.Add(reader.ReadUInt64());
            var clusters = WordClusters.Read(reader);
            var decoder = new NerDecoder(gazetteer, common, clusters, bits, beamWidth);
            return new NerModel(decoder, QuantisedWeights.Read(reader, decoder.Rows, NerTags.Count));
        });
    }
}
