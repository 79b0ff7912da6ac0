using AngleSharp.Dom;

namespace Dossier.Ingest.Extraction;

/// <summary>DOM walks without recursion: a page nested 10,000 levels deep must not overflow the stack.</summary>
internal static class Dom
{
    /// <summary>The descendants of <paramref name="root"/> (not itself), in document order.</summary>
    public static IEnumerable<IElement> Elements(INode root)
    {
        var stack = new Stack<INode>();
        for (var child = root.LastChild; child is not null; child = child.PreviousSibling) stack.Push(child);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is not IElement element) continue;
            yield return element;
            for (var child = element.LastChild; child is not null; child = child.PreviousSibling) stack.Push(child);
        }
    }

    /// <summary>The text of an element with whitespace collapsed, gathered iteratively.</summary>
    public static string Text(INode root)
    {
        var sb = new System.Text.StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text) sb.Append(text.Data);
            else if (node is IElement element && element.LocalName is "script" or "style" or "template") continue;
            else if (node is IElement or IDocument or IDocumentFragment)
            {
                if (node is IElement { LocalName: "br" or "p" or "div" or "li" }) sb.Append(' ');
                for (var child = node.LastChild; child is not null; child = child.PreviousSibling) stack.Push(child);
            }
        }
        return TextCleaner.Normalize(sb.ToString());
    }
}
