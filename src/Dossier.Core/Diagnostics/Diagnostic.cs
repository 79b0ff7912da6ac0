using System.Collections.Concurrent;

namespace Dossier.Core.Diagnostics;

public enum Severity { Info, Warning, Error }

/// <summary>
/// An expected problem with one input item: what (a numbered code), where (the item), why, and what to do.
/// Bad input produces these, never exceptions.
/// </summary>
public sealed record Diagnostic(string Code, Severity Severity, string Where, string Message)
{
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Code} {Where}: {Message}";
}

/// <summary>The numbered diagnostics Dossier emits, so users can look them up (docs/diagnostics.md).</summary>
public static class Codes
{
    public const string EmptyInput = "D001";
    public const string BinaryInput = "D002";
    public const string TooLarge = "D003";
    public const string InvalidEncoding = "D004";
    public const string Unreadable = "D005";
    public const string NotFound = "D006";
    public const string UnsupportedFormat = "D007";
    public const string MalformedRecord = "D008";
    public const string MalformedArchive = "D009";
    public const string NoBody = "D010";
    public const string Duplicate = "D011";
    public const string ManifestProblem = "D012";
    public const string StageFailed = "D020";
    public const string Refused = "D030";
    public const string Network = "D031";
}

/// <summary>A thread-safe collector of diagnostics for one run.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void Add(string code, Severity severity, string where, string message) =>
        Add(new Diagnostic(code, severity, where, message));

    public IReadOnlyList<Diagnostic> Items => [.. _items];
}
