using MapLang.Compiler.Text;

namespace MapLang.Compiler.Syntax;

/// <summary>
/// An immutable node of the syntax tree with its absolute span in the file. Nodes have no parent
/// pointers; error recovery produces <c>Missing…</c> nodes rather than nulls where a part is required.
/// </summary>
public abstract record SyntaxNode(TextSpan Span)
{
    /// <summary>The child nodes in source order.</summary>
    public abstract IEnumerable<SyntaxNode> Children { get; }

    public IEnumerable<SyntaxNode> DescendantsAndSelf()
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in node.Children.Reverse()) stack.Push(child);
        }
    }

    protected static IEnumerable<SyntaxNode> Nodes(params SyntaxNode?[] nodes)
    {
        foreach (var n in nodes)
            if (n is not null) yield return n;
    }
}

/// <summary>A name as written: an identifier with its span. <see cref="IsMissing"/> when the parser had to invent it.</summary>
public sealed record NameSyntax(string Text, TextSpan Span) : SyntaxNode(Span)
{
    public bool IsMissing => Text.Length == 0;
    public override IEnumerable<SyntaxNode> Children => [];
}

/// <summary>A dotted name such as <c>Magento.Order</c> or <c>M3.OIS100MI.AddBatchHead</c>.</summary>
public sealed record QualifiedNameSyntax(IReadOnlyList<NameSyntax> Parts, TextSpan Span) : SyntaxNode(Span)
{
    public string Text => string.Join('.', Parts.Select(p => p.Text));
    public override IEnumerable<SyntaxNode> Children => Parts;
}
