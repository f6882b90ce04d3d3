using MapLang.Compiler.Parsing;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Tests.Infrastructure;

/// <summary>Invariants every parsed file keeps: spans nest in order, and printing then re-parsing gives the same tree.</summary>
public static class SyntaxInvariants
{
    public static void SpansNest(SyntaxNode node)
    {
        var previousEnd = node.Span.Start;
        foreach (var child in node.Children)
        {
            Assert.True(node.Span.Contains(child.Span), $"{child.GetType().Name} {child.Span} is outside {node.GetType().Name} {node.Span}");
            Assert.True(child.Span.Start >= previousEnd, $"{child.GetType().Name} {child.Span} overlaps its previous sibling (ends {previousEnd})");
            previousEnd = child.Span.End;
            SpansNest(child);
        }
    }

    /// <summary>For files without syntax errors: the printed tree parses back into the same printed tree.</summary>
    public static void RoundTrips(SyntaxTree tree)
    {
        var printed = SyntaxPrinter.Print(tree.Root);
        var reparsed = SyntaxBuilder.Parse(new SourceText(tree.Path, printed));
        Assert.Empty(reparsed.Diagnostics);
        Assert.Equal(printed, SyntaxPrinter.Print(reparsed.Root));
        Assert.Equal(Shape(tree.Root), Shape(reparsed.Root));
    }

    /// <summary>The tree's node kinds, parentheses looked through (the printer adds only those precedence needs).</summary>
    private static string Shape(SyntaxNode node) => node is ParenthesizedExpressionSyntax p
        ? Shape(p.Inner)
        : node.GetType().Name + "(" + string.Join(",", node.Children.Select(Shape)) + ")";
}
