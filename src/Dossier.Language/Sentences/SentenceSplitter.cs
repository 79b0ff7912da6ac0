using System.Collections.Frozen;
using System.Collections.Immutable;
using Dossier.Core.Model;
using Dossier.Language.Tokens;

namespace Dossier.Language.Sentences;

/// <summary>
/// Splits news text into sentences over its tokens. A sentence ends at ".", "!", "?", "…" (with the closing quotes and
/// brackets that follow) when the next word starts a new sentence, and at a line break unless the next line simply
/// continues in lower case (so headlines and datelines without final punctuation stand alone).
/// It does not end after a title or an initial ("Gen.", "J."), after an acronym unless a typical sentence opener
/// follows ("in the U.S. The…"), nor after "!"/"?" closing a quotation that a reporting clause continues
/// ("“…very well!” the president wrote.").
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Words that open sentences and rarely follow an abbreviation inside one.</summary>
    private static readonly FrozenSet<string> SentenceOpeners = new[]
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "In", "On", "At", "But", "And", "Or", "This", "That",
        "These", "Those", "There", "His", "Her", "Their", "Its", "Our", "My", "As", "If", "When", "While", "After", "Before",
        "Meanwhile", "However", "Yet", "So", "Still", "Also", "Then", "Now", "Since", "Although", "Many", "Some", "Most", "No",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs of a reporting clause that may follow a quotation ending in "!" or "?".</summary>
    private static readonly FrozenSet<string> ReportingVerbs = new[]
    {
        "said", "says", "say", "wrote", "writes", "told", "tells", "added", "adds", "asked", "asks", "replied", "replies",
        "continued", "tweeted", "posted", "stated", "states", "declared", "declares", "insisted", "insists", "noted", "notes",
        "explained", "warned", "warns", "argued", "argues", "announced", "shouted", "exclaimed", "responded", "according",
        "added", "recalled", "quipped", "joked", "remarked", "claimed", "claims", "demanded", "urged",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static ImmutableArray<Sentence> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Split(text, Tokenizer.Tokenize(text));
    }

    /// <summary>Splits with tokens already made by <see cref="Tokenizer"/> over the same text.</summary>
    public static ImmutableArray<Sentence> Split(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var first = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var last = EndOfSentence(text, tokens, i);
            if (last < 0) continue;
            sentences.Add(new Sentence(new TextSpan(tokens[first].Span.Start, tokens[last].Span.End)));
            first = last + 1;
            i = last;
        }
        return sentences.ToImmutable();
    }

    /// <summary>The index of the last token of a sentence that ends at or just after token <paramref name="i"/>, or -1.</summary>
    private static int EndOfSentence(string text, IReadOnlyList<Token> tokens, int i)
    {
        if (i == tokens.Count - 1) return i;
        var token = tokens[i];
        var span = token.Span;
        var last = text[span.End - 1];
        var terminal = token.Kind == TokenKind.Punctuation && last is '.' or '!' or '?' or '…';
        var abbreviation = token.Kind == TokenKind.Word && last == '.' && span.Length > 1;

        if (terminal || abbreviation)
        {
            var end = i;
            var closedQuote = false;
            while (end + 1 < tokens.Count && IsClosing(text, tokens, end + 1))
            {
                end++;
                closedQuote |= IsQuote(text[tokens[end].Span.Start]);
            }
            if (end == tokens.Count - 1) return end;
            var next = tokens[end + 1];
            if (LineBreakBetween(text, tokens[end].Span.End, next.Span.Start) > 0) return end;
            var nextFirst = text[next.Span.Start];
            if (char.IsLower(nextFirst)) return -1;
            if (abbreviation) return AbbreviationEnds(text, token, next) ? end : -1;
            if (closedQuote && last is '!' or '?' or '…' && ReportingClauseFollows(text, tokens, end + 1)) return -1;
            return end;
        }

        var breaks = LineBreakBetween(text, span.End, tokens[i + 1].Span.Start);
        if (breaks >= 2) return i;
        if (breaks == 1 && !char.IsLower(text[tokens[i + 1].Span.Start])) return i;
        return -1;
    }

    private static bool AbbreviationEnds(string text, Token abbreviation, Token next)
    {
        var word = abbreviation.Span.Of(text);
        if (Tokenizer.PrefixAbbreviations.Contains(word)) return false;
        if (word.Length == 2 && char.IsUpper(word[0])) return false; // an initial: "J. Smith"
        return next.Kind == TokenKind.Word && SentenceOpeners.Contains(next.Span.Of(text));
    }

    /// <summary>A reporting verb within the next few words, before any sentence punctuation: "…!” Trump wrote.".</summary>
    private static bool ReportingClauseFollows(string text, IReadOnlyList<Token> tokens, int from)
    {
        for (var k = from; k < tokens.Count && k < from + 6; k++)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Punctuation && text[t.Span.Start] is '.' or '!' or '?' or '“' or '"') return false;
            if (t.Kind == TokenKind.Word && ReportingVerbs.Contains(t.Span.Of(text))) return true;
        }
        return false;
    }

    private static bool IsQuote(char c) => c is '"' or '”' or '’' or '\'' or '»' or '“';

    /// <summary>A closing quote or bracket right after the sentence's last token.</summary>
    private static bool IsClosing(string text, IReadOnlyList<Token> tokens, int k)
    {
        var t = tokens[k];
        if (t.Span.Length != 1) return false;
        var c = text[t.Span.Start];
        if (c is '”' or '’' or ')' or ']' or '»') return true;
        // A straight quote closes only when it is attached to the punctuation before it.
        return c is '"' or '\'' && tokens[k - 1].Span.End == t.Span.Start;
    }

    /// <summary>How many line breaks lie between two offsets (capped at 2).</summary>
    private static int LineBreakBetween(string text, int from, int to)
    {
        var count = 0;
        for (var p = from; p < to; p++)
        {
            var c = text[p];
            if (c == '\n' || c == '\u2029' || (c == '\r' && (p + 1 >= to || text[p + 1] != '\n')))
            {
                if (++count == 2) return 2;
            }
        }
        return count;
    }
}
