using System.Text.RegularExpressions;
using Dossier.Core.Model;

namespace Dossier.Language.Time;

public enum Tense { Unknown, Past, Future }

/// <summary>
/// The tense an expression sits in, from the nearest tense cue in its sentence: "said on Monday" is past, "will meet
/// Tuesday" future. The nearest cue wins because a report often mixes both ("said on Monday he will fly on Friday").
/// </summary>
public static partial class TenseCues
{
    [GeneratedRegex(@"\b(?:(?:will|to)\s+be\s+\w+|will|won't|shall|'ll|’ll|going to|expected to|scheduled|set to|due to|plans? to|planning to|upcoming|next|would|is to|are to|hopes? to|aims? to|intends? to|to be held|to meet|to visit|to travel|to hold|to speak|payable)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Future();

    [GeneratedRegex(@"\b(?:said|says|told|was|were|had|did|ago|last|earlier|previously|already|announced|met|spoke|held|took|came|went|made|gave|left|began|wrote|posted|[a-z]{2,}(?<!e)ed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Past();

    private const int Reach = 200;

    public static Tense Of(string text, TextSpan sentence, TextSpan expression)
    {
        // The window is the sentence, but never more than a clause's reach around the expression: a run-on "sentence"
        // (a 5 MB line) must not make each lookup scan it all.
        var start = Math.Max(Math.Max(0, sentence.Start), expression.Start - Reach);
        var end = Math.Min(Math.Min(text.Length, Math.Max(sentence.End, expression.End)), expression.End + Reach);
        var window = text[start..end];
        var best = Tense.Unknown;
        var bestDistance = int.MaxValue;
        foreach (var (regex, tense) in new[] { (Future(), Tense.Future), (Past(), Tense.Past) })
        {
            foreach (Match m in regex.Matches(window))
            {
                var cueStart = start + m.Index;
                var cueEnd = cueStart + m.Length;
                if (cueStart < expression.End && cueEnd > expression.Start) continue; // a cue inside the expression ("last") is not the sentence's tense
                var distance = cueEnd <= expression.Start ? expression.Start - cueEnd : cueStart - expression.End;
                // Future cues win ties: "will" and "said" at the same distance usually means reported future.
                if (distance < bestDistance || distance == bestDistance && tense == Tense.Future)
                {
                    best = tense;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }
}
