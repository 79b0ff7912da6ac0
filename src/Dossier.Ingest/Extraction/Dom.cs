using AngleSharp.Dom;

namespace Dossier.Ingest.Extraction;

/// <summary>DOM walks without recursion: a page nested 10,000 levels deep must not overflow the stack.</summary>
internal static class Dom
{
    /// <summary>The descendants of <paramref name="root"/> (not itself), in document order.</summary>
    public static IEnumerable<IElement> Elements(INode root)
    {
        var stack = new Stack<INode>();
        PushChildren(stack, root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is not IElement element) continue;
            yield return element;
            PushChildren(stack, element);
        }
    }

    /// <summary>
    /// Pushes a node's children so they pop in document order. Indexes the child list: AngleSharp finds a node's
    /// siblings by searching its parent's children, so walking PreviousSibling over 40,000 paragraphs is quadratic.
    /// </summary>
    public static void PushChildren<T>(Stack<T> stack, INode node) where T : class, INode
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
            if (children[i] is T child) stack.Push(child);
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
                PushChildren(stack, node);
            }
        }
        return TextCleaner.Normalize(sb.ToString());
    }
}
