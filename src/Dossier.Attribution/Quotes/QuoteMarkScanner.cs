using Dossier.Core.Model;

namespace Dossier.Attribution.Quotes;

/// <summary>A top-level quotation: <see cref="Outer"/> covers the marks, <see cref="Inner"/> the quoted words.</summary>
public readonly record struct QuotedSpan(TextSpan Outer, TextSpan Inner);

/// <summary>
/// Finds quotations delimited by quotation marks in every common convention (“…”, "…", ‘…’, '…', «…», ‹…›, „…“),
/// in one left-to-right pass (linear time).
/// <list type="bullet">
/// <item>Nested quotations belong to their outer quotation's content and are not reported on their own.</item>
/// <item>Apostrophes (Russia’s, can’t, ’90s, leaders’) are told apart from single quotation marks by their neighbours.</item>
/// <item>A quotation ends at its paragraph's end unless the next paragraph opens with a mark of the same family
/// (the convention for a quotation running over several paragraphs); an opening mark never closed in its paragraph is
/// dropped, so an unbalanced mark never swallows the rest of a document.</item>
/// </list>
/// </summary>
public static class QuoteMarkScanner
{
    private enum Family { Double, Single, Guillemet, SingleGuillemet }

    private enum Role { None, Open, Close, Either }

    /// <summary>Deeper nesting than this is not real prose; capping it keeps the pass linear on junk input.</summary>
    private const int MaxDepth = 8;

    private sealed class Pending(Family family, int open, char mark)
    {
        public Family Family { get; } = family;
        public int Open { get; } = open;
        public char Mark { get; } = mark;
        /// <summary>Quotations closed inside this one: promoted to the level below if this one is dropped.</summary>
        public List<QuotedSpan> Children { get; } = [];
    }

    public static IReadOnlyList<QuotedSpan> Scan(string text)
    {
        var found = new List<QuotedSpan>();
        var stack = new List<Pending>();
        var skip = -1; // index of a repeated opening mark that continues a quotation into a new paragraph
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                var next = NextParagraphStart(text, i);
                if (stack.Count > 0)
                {
                    var bottom = stack[0];
                    if (next < text.Length && Classify(text, next, stack) is (Role.Open or Role.Either, var fam) && fam == bottom.Family)
                    {
                        DropAbove(stack, 1, found);
                        skip = next;
                    }
                    else
                    {
                        DropAbove(stack, 0, found);
                    }
                }
                i = next - 1;
                continue;
            }
            if (i == skip) continue;
            var (role, family) = Classify(text, i, stack);
            switch (role)
            {
                case Role.Open:
                    Push(stack, family, i, c);
                    break;
                case Role.Close:
                    Close(stack, family, i, found);
                    break;
                case Role.Either:
                    if (Top(stack, family) >= 0 && !LooksLikeOpening(text, i)) Close(stack, family, i, found);
                    else if (LooksLikeOpening(text, i)) Push(stack, family, i, c);
                    else if (Top(stack, family) >= 0) Close(stack, family, i, found);
                    break;
            }
        }
        DropAbove(stack, 0, found);
        found.Sort((a, b) => a.Outer.CompareTo(b.Outer));
        return found;
    }

    private static void Push(List<Pending> stack, Family family, int index, char mark)
    {
        if (stack.Count < MaxDepth) stack.Add(new Pending(family, index, mark));
    }

    private static int Top(List<Pending> stack, Family family)
    {
        for (var k = stack.Count - 1; k >= 0; k--)
            if (stack[k].Family == family) return k;
        return -1;
    }

    private static void Close(List<Pending> stack, Family family, int index, List<QuotedSpan> found)
    {
        var k = Top(stack, family);
        if (k < 0) return; // a stray closing mark: nothing to close
        DropAbove(stack, k + 1, found);
        var entry = stack[k];
        stack.RemoveAt(k);
        var quote = new QuotedSpan(new TextSpan(entry.Open, index + 1), new TextSpan(entry.Open + 1, index));
        if (stack.Count == 0) found.Add(quote);
        else stack[^1].Children.Add(quote);
    }

    /// <summary>Drops unclosed entries from <paramref name="keep"/> upwards; what they enclosed moves one level down.</summary>
    private static void DropAbove(List<Pending> stack, int keep, List<QuotedSpan> found)
    {
        for (var k = stack.Count - 1; k >= keep; k--)
        {
            var children = stack[k].Children;
            stack.RemoveAt(k);
            if (k == 0) found.AddRange(children);
            else stack[k - 1].Children.AddRange(children);
        }
    }

    private static int NextParagraphStart(string text, int newline)
    {
        var j = newline;
        while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
        return j;
    }

    /// <summary>The characters the scanner reads as quotation marks (in some position), so other readers agree with it.</summary>
    public static bool IsQuoteMark(char c) => c is '“' or '„' or '”' or '"' or '‘' or '‚' or '’' or '\'' or '«' or '»' or '‹' or '›';

    private static (Role, Family) Classify(string text, int i, List<Pending> stack)
    {
        var c = text[i];
        var prev = i > 0 ? text[i - 1] : ' ';
        var next = i + 1 < text.Length ? text[i + 1] : ' ';
        switch (c)
        {
            case '“':
                // In the „…“ convention “ closes.
                var top = Top(stack, Family.Double);
                return top >= 0 && stack[top].Mark == '„' ? (Role.Close, Family.Double) : (Role.Open, Family.Double);
            case '„':
                return (Role.Open, Family.Double);
            case '”':
                return (Top(stack, Family.Double) < 0 && LooksLikeOpening(text, i) ? Role.Open : Role.Close, Family.Double);
            case '"':
                return (Role.Either, Family.Double);
            case '‘':
            case '‚':
                // A left mark between letters is a mistyped apostrophe (it‘ll).
                return char.IsLetter(prev) && char.IsLetter(next) ? (Role.None, Family.Single) : (Role.Open, Family.Single);
            case '’':
            case '\'':
                if (char.IsLetterOrDigit(prev) && char.IsLetter(next)) return (Role.None, Family.Single); // Russia’s, can’t
                if (!char.IsLetterOrDigit(prev) && char.IsDigit(next)) return (Role.None, Family.Single); // ’90s
                if (c == '\'' && LooksLikeOpening(text, i)) return (Role.Open, Family.Single);
                // A closing single mark only closes an open one; otherwise it is an apostrophe (leaders’ plans).
                return (Top(stack, Family.Single) >= 0 && !char.IsWhiteSpace(prev) ? Role.Close : Role.None, Family.Single);
            case '«':
                return (Role.Open, Family.Guillemet);
            case '»':
                return (Role.Close, Family.Guillemet);
            case '‹':
                return (Role.Open, Family.SingleGuillemet);
            case '›':
                return (Role.Close, Family.SingleGuillemet);
            default:
                return (Role.None, Family.Double);
        }
    }

    /// <summary>An opening mark follows a space, a line start, an opening bracket or a dash, and precedes a word.</summary>
    private static bool LooksLikeOpening(string text, int i)
    {
        var prev = i > 0 ? text[i - 1] : ' ';
        var next = i + 1 < text.Length ? text[i + 1] : ' ';
        var before = char.IsWhiteSpace(prev) || prev is '(' or '[' or '—' or '–' or '-' or '/' or '“' or '‘' or '"' or '\'' or '«' or ':';
        return before && (char.IsLetterOrDigit(next) || next is '…' or '.' or '(' or '[' or '‘' or '\'' or '“' or '"' or '—' or '-' or '$' or '€' or '£' or '#' or '@');
    }
}
