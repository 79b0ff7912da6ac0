namespace Dossier.Core.Model;

public sealed record Paragraph(TextSpan Span) : ISpanned;

public sealed record Sentence(TextSpan Span) : ISpanned;

public enum TokenKind { Word, Number, Punctuation, Symbol, Url, Handle, Hashtag, Email }

public sealed record Token(TextSpan Span, TokenKind Kind) : ISpanned;

/// <summary>CoNLL labels.</summary>
public enum EntityLabel { PER, ORG, LOC, MISC }

/// <summary>
/// A named-entity mention. <see cref="Type"/> is the finer class (GPE, NORP, FAC, TITLE…);
/// <see cref="EntityId"/> points at a <see cref="CanonicalEntity"/> once actors are linked.
/// </summary>
public sealed record EntityMention(TextSpan Span, string Text, EntityLabel Label, string? Type = null, string? EntityId = null)
    : ISpanned;

public enum NumberKind { Cardinal, Ordinal, Money, Percent, Quantity }

public sealed record NumberMention(TextSpan Span, string Text, NumberKind Kind, decimal? Value, string? Unit = null) : ISpanned;

public enum TimexType { DATE, TIME, DURATION, SET }

/// <summary>A TIMEX3-style expression; <see cref="Value"/> is its normalised value (2025-02-24, P30D, XXXX-WXX-1…).</summary>
public sealed record TimeExpression(TextSpan Span, string Text, TimexType Type, string? Value, string? Anchor = null) : ISpanned;

public enum QuoteKind { Direct, Partial, Indirect }

/// <summary>How sure the report is about who said it.</summary>
public enum AttributionCertainty
{
    /// <summary>The reporter attributes it to a named speaker.</summary>
    Direct,
    /// <summary>The outlet carries it from another outlet or agency ("according to TASS").</summary>
    Relayed,
    /// <summary>The source is not named ("officials said").</summary>
    Unnamed,
    /// <summary>No speaker could be found.</summary>
    Unattributed,
}

public sealed record Speaker(string Name, string? EntityId, TextSpan Span);

public sealed record Quote(
    TextSpan Span,
    string Text,
    QuoteKind Kind,
    Speaker? Speaker,
    string? Cue,
    TextSpan? CueSpan,
    string? Channel,
    AttributionCertainty Certainty,
    string? Addressee = null,
    string? SpeechDate = null) : ISpanned;

/// <summary>An actor as an event or a stance refers to it: a state's ISO alpha-3 code or a canonical name.</summary>
public sealed record ActorRef(string EntityId, string Name, string? Sector = null);

/// <summary>A PLOVER-coded event found in one sentence.</summary>
public sealed record EventMention(
    TextSpan Span,
    string Type,
    string Mode,
    ActorRef Source,
    ActorRef? Target,
    string? Date,
    string? Location,
    double Confidence,
    string? Context = null,
    string? Trigger = null) : ISpanned;

public enum Stance { Support, Oppose, Conditional, Undecided }

/// <summary>One actor's stance on one issue, as one span of one document shows it.</summary>
public sealed record StanceMention(
    TextSpan Span,
    string Issue,
    ActorRef Actor,
    Stance Stance,
    string? Date,
    string? Condition = null) : ISpanned;
