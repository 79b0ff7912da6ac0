namespace Dossier.Language.Learning;

/// <summary>
/// Training weights of a multi-class perceptron over hashed feature rows (one weight per row and label), with lazy
/// averaging (Daumé 2006): <c>averaged = w - u / c</c>, where <c>u</c> accumulates each update scaled by the time it
/// happened. The named-entity tagger and the attribution tagger both learn with it.
/// </summary>
public sealed class AveragedPerceptron(int rows, int labels)
{
    private readonly double[] _timed = new double[rows * labels];
    private long _clock = 1;

    /// <summary>The current (not averaged) weights, live: decoding during training scores with them.</summary>
    public float[] Weights { get; } = new float[rows * labels];

    public int Labels => labels;

    /// <summary>Moves the weights of <paramref name="active"/> toward <paramref name="gold"/> and away from <paramref name="predicted"/>.</summary>
    public void Update(ReadOnlySpan<int> active, int gold, int predicted)
    {
        foreach (var row in active)
        {
            var g = row * labels + gold;
            var p = row * labels + predicted;
            Weights[g] += 1;
            Weights[p] -= 1;
            _timed[g] += _clock;
            _timed[p] -= _clock;
        }
    }

    /// <summary>Adds <paramref name="delta"/> to the weights of <paramref name="active"/> for one label.</summary>
    public void Add(ReadOnlySpan<int> active, int label, float delta)
    {
        foreach (var row in active)
        {
            var i = row * labels + label;
            Weights[i] += delta;
            _timed[i] += _clock * delta;
        }
    }

    /// <summary>One decision has been made (updated or not): time moves on for the average.</summary>
    public void Tick() => _clock++;

    public float[] Averaged()
    {
        var averaged = new float[Weights.Length];
        for (var i = 0; i < averaged.Length; i++) averaged[i] = (float)(Weights[i] - _timed[i] / _clock);
        return averaged;
    }
}

/// <summary>
/// Writes and reads a weight table compactly: weights quantised to 16 bits against the largest one, rows of zeros
/// left out (each kept row is its distance from the previous one, then its weights), a zero distance at the end.
/// </summary>
public static class QuantisedWeights
{
    public static void Write(BinaryWriter writer, float[] weights, int labels)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(weights);
        var max = 0f;
        foreach (var w in weights) max = Math.Max(max, Math.Abs(w));
        var scale = max > 0 ? max / short.MaxValue : 1f;
        writer.Write(scale);
        var quantised = new short[labels];
        var previousRow = -1;
        for (var row = 0; row < weights.Length / labels; row++)
        {
            var any = false;
            for (var t = 0; t < labels; t++)
            {
                quantised[t] = (short)Math.Round(weights[row * labels + t] / scale);
                any |= quantised[t] != 0;
            }
            if (!any) continue;
            writer.Write7BitEncodedInt(row - previousRow);
            foreach (var q in quantised) writer.Write(q);
            previousRow = row;
        }
        writer.Write7BitEncodedInt(0);
    }

    /// <exception cref="InvalidDataException">A row lies outside the table.</exception>
    /// <exception cref="EndOfStreamException">The data end before the table does.</exception>
    public static float[] Read(BinaryReader reader, int rows, int labels)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var scale = reader.ReadSingle();
        var weights = new float[rows * labels];
        var row = -1;
        while (reader.Read7BitEncodedInt() is var delta and > 0)
        {
            row += delta;
            if (row >= rows) throw new InvalidDataException("weight row out of range");
            for (var t = 0; t < labels; t++) weights[row * labels + t] = reader.ReadInt16() * scale;
        }
        return weights;
    }
}
