using System.IO.Compression;
using Dossier.Language.Tokens;

namespace Dossier.Language.Entities;

/// <summary>
/// Word classes learned from unlabelled news (distributional clustering, a cheap stand-in for Brown clusters): words
/// used in the same contexts ("Kyiv", "Warsaw", "Nairobi") share a class, so the tagger generalises from names it saw
/// in training to names it did not. Each word has a fine and a coarse class; words are kept as 64-bit hashes only.
/// </summary>
public sealed class WordClusters
{
    public const int Fine = 1024;
    public const int Coarse = 32;
    private readonly Dictionary<ulong, (ushort Fine, byte Coarse)> _classes;

    private WordClusters(Dictionary<ulong, (ushort, byte)> classes) => _classes = classes;

    public static WordClusters Empty { get; } = new([]);

    public int Count => _classes.Count;

    /// <summary>The clusters shipped with Dossier (Resources/ner/clusters.bin), or none if the resource is absent.</summary>
    public static WordClusters Default => LazyDefault.Value;

    private static readonly Lazy<WordClusters> LazyDefault = new(() =>
    {
        using var stream = NerResources.Open("clusters.bin");
        return stream is null ? Empty : Load(stream);
    });

    /// <summary>Fine class + 1 and coarse class + 1 of a normalised word's hash, or (0, 0) when unknown.</summary>
    internal (int Fine, int Coarse) Lookup(ulong wordHash) =>
        _classes.TryGetValue(wordHash, out var c) ? (c.Fine + 1, c.Coarse + 1) : (0, 0);

    /// <summary>The (fine, coarse) classes of a word, numbered from 1, or (0, 0) when the word is not clustered.</summary>
    public (int Fine, int Coarse) ClassOf(string word) => Lookup(NerText.Hash(NerText.Normalize(word)));

    public static WordClusters Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip);
        return Read(reader);
    }

    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        Write(writer);
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(_classes.Count);
        foreach (var (hash, (fine, coarse)) in _classes.OrderBy(p => p.Key))
        {
            writer.Write(hash);
            writer.Write(fine);
            writer.Write(coarse);
        }
    }

    internal static WordClusters Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count is < 0 or > 10_000_000) throw new InvalidDataException("word cluster count out of range");
        var classes = new Dictionary<ulong, (ushort, byte)>(count);
        for (var i = 0; i < count; i++) classes[reader.ReadUInt64()] = (reader.ReadUInt16(), reader.ReadByte());
        return new WordClusters(classes);
    }

    /// <summary>
    /// Clusters the frequent words of <paramref name="texts"/> by their left and right neighbours: positive PMI context
    /// vectors over the most frequent lower-cased words, spherical k-means into <see cref="Fine"/> classes, then the
    /// class centroids into <see cref="Coarse"/> classes. Deterministic for the same input.
    /// </summary>
    public static WordClusters Build(Func<IEnumerable<string>> texts, int minCount = 5, int maxWords = 30_000, int contextWords = 600, int iterations = 8,
        int fineClasses = Fine, int coarseClasses = Coarse, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        // Two passes over the texts (frequencies, then neighbours) so that nothing but counts is held in memory.
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var words in Lines(texts()))
        {
            foreach (var word in words) frequency[word] = frequency.GetValueOrDefault(word) + 1;
        }
        log?.Invoke($"{frequency.Count} word types");

        var vocabulary = frequency.Where(p => p.Value >= minCount).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(maxWords).Select((p, i) => (p.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var lowerFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, count) in frequency)
        {
            var lower = NerText.Lower(word);
            lowerFrequency[lower] = lowerFrequency.GetValueOrDefault(lower) + count;
        }
        var contexts = lowerFrequency.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(contextWords)
            .Select((p, i) => (p.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        frequency.Clear();
        lowerFrequency.Clear();
        var dimensions = 2 * (contexts.Count + 1);

        // Co-occurrence counts: left neighbour in the first half, right neighbour in the second; "other" last in each half.
        var counts = new float[vocabulary.Count * dimensions];
        foreach (var words in Lines(texts()))
        {
            for (var i = 0; i < words.Length; i++)
            {
                if (!vocabulary.TryGetValue(words[i], out var v)) continue;
                var left = i > 0 ? contexts.GetValueOrDefault(NerText.Lower(words[i - 1]), contexts.Count) : contexts.Count;
                var right = i + 1 < words.Length ? contexts.GetValueOrDefault(NerText.Lower(words[i + 1]), contexts.Count) : contexts.Count;
                counts[v * dimensions + left]++;
                counts[v * dimensions + contexts.Count + 1 + right]++;
            }
        }

        var vectors = PositivePmi(counts, vocabulary.Count, dimensions);
        var fine = KMeans(vectors, dimensions, Math.Clamp(fineClasses, 1, ushort.MaxValue), iterations, log);
        var coarseInput = fine.Centroids.Select(c => Sparse(c)).ToArray();
        var coarse = KMeans(coarseInput, dimensions, Math.Clamp(coarseClasses, 1, byte.MaxValue + 1), iterations, log);

        var classes = new Dictionary<ulong, (ushort, byte)>(vocabulary.Count);
        foreach (var (word, v) in vocabulary)
        {
            var f = fine.Assignment[v];
            classes[NerText.Hash(word)] = ((ushort)f, (byte)coarse.Assignment[f]);
        }
        return new WordClusters(classes);
    }

    /// <summary>The normalised tokens of each line of each text.</summary>
    private static IEnumerable<string[]> Lines(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            foreach (var line in text.Split('\n'))
            {
                var tokens = Tokenizer.Tokenize(line);
                if (tokens.Length == 0) continue;
                var words = new string[tokens.Length];
                for (var i = 0; i < tokens.Length; i++) words[i] = NerText.Normalize(tokens[i].Span.Of(line));
                yield return words;
            }
        }
    }

    private static (int[] Index, float[] Value) Sparse(float[] dense)
    {
        var index = new List<int>();
        var value = new List<float>();
        for (var d = 0; d < dense.Length; d++)
        {
            if (dense[d] == 0) continue;
            index.Add(d);
            value.Add(dense[d]);
        }
        return Normalised(([.. index], [.. value]));
    }

    private static (int[] Index, float[] Value)[] PositivePmi(float[] counts, int words, int dimensions)
    {
        var columnTotals = new double[dimensions];
        var rowTotals = new double[words];
        double total = 0;
        for (var v = 0; v < words; v++)
        {
            for (var d = 0; d < dimensions; d++)
            {
                var c = counts[v * dimensions + d];
                columnTotals[d] += c;
                rowTotals[v] += c;
                total += c;
            }
        }
        var vectors = new (int[], float[])[words];
        var index = new List<int>();
        var value = new List<float>();
        for (var v = 0; v < words; v++)
        {
            index.Clear();
            value.Clear();
            for (var d = 0; d < dimensions; d++)
            {
                var c = counts[v * dimensions + d];
                if (c <= 0) continue;
                var pmi = Math.Log(c * total / (rowTotals[v] * columnTotals[d]));
                if (pmi <= 0) continue;
                index.Add(d);
                value.Add((float)pmi);
            }
            vectors[v] = Normalised(([.. index], [.. value]));
        }
        return vectors;
    }

    private static (int[] Index, float[] Value) Normalised((int[] Index, float[] Value) vector)
    {
        var norm = Math.Sqrt(vector.Value.Sum(x => (double)x * x));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Value.Length; i++) vector.Value[i] = (float)(vector.Value[i] / norm);
        }
        return vector;
    }

    /// <summary>Spherical k-means; the first centroids are spread evenly over the input (which is ordered by frequency).</summary>
    private static (int[] Assignment, float[][] Centroids) KMeans((int[] Index, float[] Value)[] vectors, int dimensions, int k, int iterations, Action<string>? log)
    {
        k = Math.Min(k, vectors.Length);
        var centroids = new float[k][];
        for (var c = 0; c < k; c++)
        {
            centroids[c] = new float[dimensions];
            var seed = vectors[(int)((long)c * vectors.Length / Math.Max(1, k))];
            for (var j = 0; j < seed.Index.Length; j++) centroids[c][seed.Index[j]] = seed.Value[j];
        }
        var assignment = new int[vectors.Length];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var changed = 0;
            Parallel.For(0, vectors.Length, () => 0, (v, _, local) =>
            {
                var (index, value) = vectors[v];
                var best = 0;
                var bestScore = float.MinValue;
                for (var c = 0; c < k; c++)
                {
                    var centroid = centroids[c];
                    var score = 0f;
                    for (var j = 0; j < index.Length; j++) score += centroid[index[j]] * value[j];
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = c;
                    }
                }
                if (assignment[v] != best || iteration == 0) local++;
                assignment[v] = best;
                return local;
            }, local => Interlocked.Add(ref changed, local));
            foreach (var centroid in centroids) Array.Clear(centroid);
            for (var v = 0; v < vectors.Length; v++)
            {
                var (index, value) = vectors[v];
                var centroid = centroids[assignment[v]];
                for (var j = 0; j < index.Length; j++) centroid[index[j]] += value[j];
            }
            foreach (var centroid in centroids)
            {
                var norm = Math.Sqrt(centroid.Sum(x => (double)x * x));
                if (norm <= 0) continue;
                for (var d = 0; d < centroid.Length; d++) centroid[d] = (float)(centroid[d] / norm);
            }
            log?.Invoke($"k-means k={k} iteration {iteration + 1}: {changed} changed");
        }
        return (assignment, centroids);
    }
}
