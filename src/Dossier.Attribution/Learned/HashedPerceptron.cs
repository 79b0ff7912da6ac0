using Dossier.Language.Learning;

namespace Dossier.Attribution.Learned;

/// <summary>
/// Weights of a multi-class linear model over hashed feature rows (one weight per row and label), as trained by
/// <see cref="AveragedPerceptron"/> (whose live weights it wraps while training); stored as <see cref="QuantisedWeights"/>.
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
        QuantisedWeights.Write(writer, _weights, Labels);
    }

    /// <exception cref="InvalidDataException">The data are not a weight table.</exception>
    public static HashedPerceptron Read(BinaryReader reader)
    {
        var bits = reader.ReadInt32();
        var labels = reader.ReadInt32();
        if (bits is < 8 or > 26 || labels is < 2 or > 64) throw new InvalidDataException("weight table dimensions out of range");
        return new HashedPerceptron(bits, labels, QuantisedWeights.Read(reader, 1 << bits, labels));
    }
}
