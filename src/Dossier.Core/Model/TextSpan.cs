namespace Dossier.Core.Model;

/// <summary>A half-open range [Start, End) of C# string indices into a document's text.</summary>
public readonly record struct TextSpan(int Start, int End) : IComparable<TextSpan>
{
    public int Length => End - Start;
    public bool IsEmpty => End <= Start;

    public bool Contains(int position) => position >= Start && position < End;
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;
    /// <summary>How many positions the two spans share (0 when they do not overlap).</summary>
    public int OverlapLength(TextSpan other) => Math.Max(0, Math.Min(End, other.End) - Math.Max(Start, other.Start));

    public string Of(string text) => text.Substring(Start, Length);

    public int CompareTo(TextSpan other) =>
        Start != other.Start ? Start.CompareTo(other.Start) : other.End.CompareTo(End);

    public static TextSpan FromLength(int start, int length) => new(start, start + length);

    public override string ToString() => $"[{Start},{End})";
}

/// <summary>Anything that sits on a span of a document's text.</summary>
public interface ISpanned
{
    TextSpan Span { get; }
}
