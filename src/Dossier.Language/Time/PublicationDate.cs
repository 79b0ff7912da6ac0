using System.Globalization;
using Dossier.Core.Model;
using NodaTime;

namespace Dossier.Language.Time;

/// <summary>
/// Infers a missing publication date from the text: the latest explicit full date (day, month and year written out)
/// that is not in a future-tense sentence. A report rarely mentions a later day than its own, except to announce
/// something ("the summit will be held on March 15, 2025"), which the tense test leaves out.
/// </summary>
public static class PublicationDate
{
    public static LocalDate? Infer(string text, IReadOnlyList<TextSpan> sentences)
    {
        LocalDate? best = null;
        foreach (var t in TimexRecognizer.Recognize(text, sentences, dct: null))
        {
            if (t.Type != TimexType.DATE || t.Value is not { Length: 10 } v || v.StartsWith('X')) continue;
            if (!LocalDateParse(v, out var date)) continue;
            if (TenseCues.Of(text, TimexRecognizer.SentenceOf(sentences, t.Span, text), t.Span) == Tense.Future) continue;
            if (best is null || date > best) best = date;
        }
        return best;
    }

    /// <summary>
    /// When the body names no full date, the text cleaning took out may: a visible date line, or the dateline of an
    /// embedded post ("— Name (@handle) February 24, 2025"). A report quoting a post appears on that day or soon after,
    /// so the latest such date is the best estimate left; the caller marks it inferred.
    /// </summary>
    public static LocalDate? InferFromRemoved(IEnumerable<RemovedText> removed) =>
        removed.Select(r => Infer(r.Text, [new TextSpan(0, r.Text.Length)])).Where(d => d is not null).Max();

    private static bool LocalDateParse(string value, out LocalDate date)
    {
        date = default;
        if (!DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) return false;
        date = LocalDate.FromDateTime(dt);
        return true;
    }
}
