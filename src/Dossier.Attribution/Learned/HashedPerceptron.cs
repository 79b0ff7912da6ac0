using System.IO.Compression;

namespace Dossier.Attribution.Learned;

/// <summary>
/// Weights of a multi-class linear model over hashed feature rows (one weight per row and label), as trained by
/// <see cref="PerceptronLearner"/>. Immutable once built; stored quantised to 16 bits with zero rows left out.
/// </summary>
internal sealed class HashedPerceptron
{
    private readonly float[] _weights;

    public HashedPerceptron(int bits, int labels, float[] weights)
    {
        if (bits is < 8 or > 26) throw new ArgumentOutOfRangeException(nameof(bits));
        if (weights.Length != (1 << bits) * labels) throw new ArgumentException("weight table size does not match bits × labels", nameof(weights));
        Bits = bits;
        Labels = labels;
        _weights = weights;
    }

    public int Bits { get; }
    public int Labels { get; }
    public int Mask => (1 << Bits) - 1;

    /// <summary>Adds the weights of <paramref name="rows"/> to <paramref name="scores"/> (one slot per label).</summary>
    public void Score(ReadOnlySpan<int> rows, Span<float> scores)
    {
        foreach (var row in rows)
        {
            var w = _weights.AsSpan(row * Labels, Labels);
            for (var t = 0; t < Labels; t++) scores[t] += w[t];
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Bits);
        writer.Write(Labels);
        var max = 0f;
        foreach (var w in _weights) max = Math.Max(max, Math.Abs(w));
        var scale = max > 0 ? max / short.MaxValue : 1f;
        writer.Write(scale);
        var quantised = new short[Labels];
        var previousRow = -1;
        for (var row = 0; row <= Mask; row++)
        {
            var any = false;
            for (var t = 0; t < Labels; t++)
            {
                quantised[t] = (short)Math.Round(_weights[row * Labels + t] / scale);
                any |= quantised[t] != 0;
            }
            if (!any) continue;
            writer.Write7BitEncodedInt(row - previousRow);
            foreach (var q in quantised) writer.Write(q);
            previousRow = row;
        }
        writer.Write7BitEncodedInt(0);
    }

    /// <exception cref="InvalidDataException">The data are not a weight table.</exception>
    public static HashedPerceptron Read(BinaryReader reader)
    {
        var bits = reader.ReadInt32();
        var labels = reader.ReadInt32();
        if (bits is < 8 or > 26 || labels is < 2 or > 64) throw new InvalidDataException("weight table dimensions out of range");
        var scale = reader.ReadSingle();
        var weights = new float[(1 << bits) * labels];
        var row = -1;
        while (reader.Read7BitEncodedInt() is var delta and > 0)
        {
            row += delta;
            if (row >= 1 << bits) throw new InvalidDataException("weight row out of range");
            for (var t = 0; t < labels; t++) weights[row * labels + t] = reader.ReadInt16() * scale;
        }
        return new HashedPerceptron(bits, labels, weights);
    }

    /// <summary>Opens a gzip stream of a model file and checks its header.</summary>
    public static T ReadModel<T>(Stream stream, string magic, int version, Func<BinaryReader, T> read)
    {
        try
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new BinaryReader(gzip);
            if (reader.ReadString() != magic) throw new InvalidDataException($"not a {magic} model");
            var found = reader.ReadInt32();
            if (found != version) throw new InvalidDataException($"{magic} model format {found} is not supported (expected {version})");
            return read(reader);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{magic} model is truncated", e);
        }
    }

    public static void WriteModel(Stream stream, string magic, int version, Action<BinaryWriter> write)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(magic);
        writer.Write(version);
        write(writer);
    }
}

/// <summary>
/// Perceptron updates with lazy averaging (Daumé 2006): <c>averaged = w - u / c</c>, where <c>u</c> accumulates each
/// update scaled by the time it happened.
/// </summary>
internal sealed class PerceptronLearner(int bits, int labels)
{
    private readonly float[] _weights = new float[(1 << bits) * labels];
    private readonly double[] _timed = new double[(1 << bits) * labels];
    private long _clock = 1;

    public HashedPerceptron Current => new(bits, labels, _weights);

    public void Update(ReadOnlySpan<int> rows, int gold, int predicted)
    {
        foreach (var row in rows)
        {
            var g = row * labels + gold;
            var p = row * labels + predicted;
            _weights[g] += 1;
            _weights[p] -= 1;
            _timed[g] += _clock;
            _timed[p] -= _clock;
        }
    }

    public void Tick() => _clock++;

    public HashedPerceptron Averaged()
    {
        var averaged = new float[_weights.Length];
        for (var i = 0; i < averaged.Length; i++) averaged[i] = (float)(_weights[i] - _timed[i] / _clock);
        return new HashedPerceptron(bits, labels, averaged);
    }
}
