using System.IO.Compression;

namespace Dossier.Language.Learning;

/// <summary>
/// The envelope of a trained model file: gzip around a magic string and a format version, then the model's own data.
/// Reading checks both and turns a truncated stream into an <see cref="InvalidDataException"/> naming the model.
/// </summary>
public static class ModelFile
{
    public static void Write(Stream stream, string magic, int version, Action<BinaryWriter> write)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(magic);
        writer.Write(version);
        write(writer);
    }

    /// <param name="name">How error messages call the model ("NER", "attribution").</param>
    /// <exception cref="InvalidDataException">Not such a model, another format version, or truncated.</exception>
    public static T Read<T>(Stream stream, string magic, int version, string name, Func<BinaryReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new BinaryReader(gzip);
            if (reader.ReadString() != magic) throw new InvalidDataException($"not a Dossier {name} model");
            var found = reader.ReadInt32();
            if (found != version) throw new InvalidDataException($"{name} model format {found} is not supported (expected {version})");
            return read(reader);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{name} model is truncated", e);
        }
    }
}
