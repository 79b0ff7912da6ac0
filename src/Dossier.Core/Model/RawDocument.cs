using NodaTime;

namespace Dossier.Core.Model;

public enum ContentKind { PlainText, Html }

/// <summary>Metadata that came with an input (a JSONL record's fields, a manifest row), before extraction.</summary>
public sealed record MetadataHints
{
    public string? Id { get; init; }
    public string? Url { get; init; }
    public string? Outlet { get; init; }
    public string? Title { get; init; }
    public LocalDate? Published { get; init; }
    public static MetadataHints None { get; } = new();
}

/// <summary>One input item as read, decoded to text but not yet cleaned.</summary>
public sealed record RawDocument(string Source, string Content, ContentKind Kind, MetadataHints Hints);
