using MapLang.Compiler.Text;

namespace MapLang.Compiler.Syntax;

public abstract record TypeSyntax(bool IsNullable, TextSpan Span) : SyntaxNode(Span);

/// <summary><c>string</c>, <c>string(10)?</c>, <c>decimal(15,2)</c></summary>
public sealed record NamedTypeSyntax(NameSyntax Name, IReadOnlyList<int> Arguments, bool IsNullable, TextSpan Span) : TypeSyntax(IsNullable, Span)
{
    public override IEnumerable<SyntaxNode> Children => [Name];
}

/// <summary><c>list&lt;string&gt;</c></summary>
public sealed record ListTypeSyntax(TypeSyntax Element, bool IsNullable, TextSpan Span) : TypeSyntax(IsNullable, Span)
{
    public override IEnumerable<SyntaxNode> Children => [Element];
}
