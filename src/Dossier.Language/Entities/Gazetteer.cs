using System.IO.Compression;
using Dossier.Language.Tokens;

namespace Dossier.Language.Entities;

/// <summary>
/// Names known to be of a CoNLL type (places, people, demonyms, organisations), kept as hashes of their lower-cased,
/// tokenised form so lookups cost no allocation. The tagger sees membership as a feature, never as a decision:
/// "Reading" is a town and a verb.
/// </summary>
public sealed class Gazetteer
{
    public const int MaxPhraseTokens = 6;
    private readonly Dictionary<ulong, byte> _phrases;

    public Gazetteer() => _phrases = [];

    private Gazetteer(Dictionary<ulong, byte> phrases) => _phrases = phrases;

    public int Count => _phrases.Count;

    /// <summary>The gazetteer shipped with Dossier (Resources/ner/gazetteer.tsv.gz, derived from GeoNames, mledoze/countries and world-leader lists).</summary>
    public static Gazetteer Default => LazyDefault.Value;

    private static readonly Lazy<Gazetteer> LazyDefault = new(() =>
    {
        using var stream = NerResources.Open("gazetteer.tsv.gz")
            ?? throw new InvalidOperationException("The gazetteer resource is missing from Dossier.Language; rebuild the assembly.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return ReadTsv(reader);
    });

    /// <summary>Reads "LABEL&lt;tab&gt;name" lines (LABEL one of PER, ORG, LOC, MISC).</summary>
    public static Gazetteer ReadTsv(TextReader reader)
    {
        var gazetteer = new Gazetteer();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            var type = NerTags.TypeIndex(line.AsSpan(0, tab));
            if (type >= 0) gazetteer.Add(line[(tab + 1)..], type);
        }
        return gazetteer;
    }

    public void Add(string name, int type)
    {
        var tokens = Tokenizer.Tokenize(name);
        if (tokens.Length == 0 || tokens.Length > MaxPhraseTokens) return;
        var words = tokens.Select(t => t.Span.Of(name)).ToList();
        Add(PhraseHash(words), (byte)(1 << type));
        AddPrefixes(words);
    }

    /// <summary>Whether <paramref name="name"/> is listed with the CoNLL type <paramref name="type"/> (an index into <see cref="NerTags.Types"/>).</summary>
    public bool Contains(string name, int type)
    {
        var tokens = Tokenizer.Tokenize(name);
        if (tokens.Length == 0 || tokens.Length > MaxPhraseTokens) return false;
        return (Lookup(PhraseHash(name, tokens)) & (1 << type)) != 0;
    }

    private static ulong PhraseHash(string text, IEnumerable<Dossier.Core.Model.Token> tokens) =>
        PhraseHash(tokens.Select(t => t.Span.Of(text)));

    internal void Add(ulong phraseHash, byte mask) =>
        _phrases[phraseHash] = (byte)(_phrases.GetValueOrDefault(phraseHash) | mask);

    /// <summary>Merges another gazetteer's entries into this one.</summary>
    public void AddAll(Gazetteer other)
    {
        foreach (var (hash, mask) in other._phrases) Add(hash, mask);
    }

    internal const ulong PhraseSeed = 0x51_7c_c1_b7_27_22_0a_95;

    internal static ulong Extend(ulong phrase, ulong token) => NerText.Mix(phrase, token);

    internal byte Lookup(ulong phraseHash)
    {
        var mask = _phrases.GetValueOrDefault(phraseHash);
        return Suppressed is not null && mask != 0 ? (byte)(mask & ~Suppressed.GetValueOrDefault(phraseHash)) : mask;
    }

    /// <summary>
    /// Types hidden from lookups while training on one document: the names that only that document contributed, so the
    /// tagger learns how far a listed name can be trusted instead of learning that every listed name is right.
    /// </summary>
    internal Dictionary<ulong, byte>? Suppressed { get; set; }

    /// <summary>The hash under which a tokenised name is stored.</summary>
    internal static ulong PhraseHash(IEnumerable<string> words)
    {
        var hash = PhraseSeed;
        foreach (var word in words) hash = Extend(hash, NerText.Hash(NerText.Lower(NerText.Normalize(word))));
        return hash;
    }

    /// <summary>Set on the hash of every proper beginning of a listed name, so a lookup can stop as soon as no name can follow.</summary>
    private const byte PrefixBit = 0x10;
    private const byte TypeBits = 0x0F;

    internal void AddPrefixes(IReadOnlyList<string> words)
    {
        var hash = PhraseSeed;
        for (var k = 0; k < words.Count - 1; k++)
        {
            hash = Extend(hash, NerText.Hash(NerText.Lower(NerText.Normalize(words[k]))));
            Add(hash, PrefixBit);
        }
    }

    /// <summary>
    /// Marks, for every token, the types of the known names that cover it, by its place in the name (R&amp;R's BILU):
    /// bits 0-3 a one-word name, 4-7 the first word, 8-11 a middle word, 12-15 the last word.
    /// <paramref name="lowerHashes"/> are the hashes of the lower-cased words; a match begins with a capitalised word,
    /// so the common-word side of "Bath" or "Nice" does not fire.
    /// </summary>
    internal void Mark(ReadOnlySpan<ulong> lowerHashes, ReadOnlySpan<bool> capitalised, Span<ushort> marks)
    {
        marks.Clear();
        for (var i = 0; i < lowerHashes.Length; i++)
        {
            if (!capitalised[i]) continue;
            var hash = PhraseSeed;
            for (var j = i; j < lowerHashes.Length && j - i < MaxPhraseTokens; j++)
            {
                hash = Extend(hash, lowerHashes[j]);
                var mask = Lookup(hash);
                if (mask == 0) break;
                var types = (ushort)(mask & TypeBits);
                if (types == 0) continue;
                if (j == i)
                {
                    marks[i] |= types;
                    continue;
                }
                marks[i] |= (ushort)(types << 4);
                for (var k = i + 1; k < j; k++) marks[k] |= (ushort)(types << 8);
                marks[j] |= (ushort)(types << 12);
            }
        }
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(_phrases.Count);
        foreach (var (hash, mask) in _phrases.OrderBy(p => p.Key))
        {
            writer.Write(hash);
            writer.Write(mask);
        }
    }

    internal static Gazetteer Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > 50_000_000) throw new InvalidDataException("gazetteer size out of range");
        var phrases = new Dictionary<ulong, byte>(count);
        for (var i = 0; i < count; i++) phrases[reader.ReadUInt64()] = reader.ReadByte();
        return new Gazetteer(phrases);
    }
}
