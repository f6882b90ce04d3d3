using MapLang.Compiler.Text;

namespace MapLang.Compiler.Syntax;

public abstract record ExpressionSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary>Stands where the parser expected an expression and found none; binding it reports nothing more.</summary>
public sealed record MissingExpressionSyntax(TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];
}

public sealed record NameExpressionSyntax(NameSyntax Name) : ExpressionSyntax(Name.Span)
{
    public override IEnumerable<SyntaxNode> Children => [Name];
}

/// <summary><c>a.b</c>, or <c>a?.b</c> when <see cref="IsNullSafe"/>.</summary>
public sealed record MemberExpressionSyntax(ExpressionSyntax Target, NameSyntax Member, bool IsNullSafe, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Target, Member];
}

public sealed record IndexExpressionSyntax(ExpressionSyntax Target, ExpressionSyntax Index, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Target, Index];
}

public sealed record CallExpressionSyntax(ExpressionSyntax Callee, IReadOnlyList<ExpressionSyntax> Arguments, TextSpan ArgumentListSpan, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Callee, .. Arguments];
}

/// <summary><c>x => body</c>, only as an argument of a list operation.</summary>
public sealed record LambdaExpressionSyntax(NameSyntax Parameter, ExpressionSyntax Body, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Parameter, Body];
}

public enum UnaryOperator { Negate, Not }

public sealed record UnaryExpressionSyntax(UnaryOperator Operator, ExpressionSyntax Operand, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Operand];
}

public enum BinaryOperator
{
    Add, Subtract, Multiply, Divide, Modulo,
    Less, LessOrEqual, Greater, GreaterOrEqual, Equal, NotEqual,
    And, Or, Coalesce,
}

public sealed record BinaryExpressionSyntax(ExpressionSyntax Left, BinaryOperator Operator, TextSpan OperatorSpan, ExpressionSyntax Right, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Left, Right];
}

public sealed record ParenthesizedExpressionSyntax(ExpressionSyntax Inner, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Inner];
}

/// <summary><c>if c then a else b</c></summary>
public sealed record ConditionalExpressionSyntax(ExpressionSyntax Condition, ExpressionSyntax WhenTrue, ExpressionSyntax WhenFalse, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Condition, WhenTrue, WhenFalse];
}

/// <summary><c>match subject { case "a", "b" => x  else => y }</c></summary>
public sealed record MatchExpressionSyntax(ExpressionSyntax Subject, IReadOnlyList<MatchArmSyntax> Arms, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Subject, .. Arms];
}

/// <summary>A <c>case</c> arm with its patterns, or the <c>else</c> arm when <see cref="Patterns"/> is empty.</summary>
public sealed record MatchArmSyntax(IReadOnlyList<ExpressionSyntax> Patterns, ExpressionSyntax Value, TextSpan Span) : SyntaxNode(Span)
{
    public bool IsElse => Patterns.Count == 0;
    public override IEnumerable<SyntaxNode> Children => [.. Patterns, Value];
}

public sealed record ListExpressionSyntax(IReadOnlyList<ExpressionSyntax> Items, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Items;
}

/// <summary>A string literal; with interpolation holes when some part is an <see cref="InterpolationSyntax"/>.</summary>
public sealed record StringExpressionSyntax(IReadOnlyList<StringPartSyntax> Parts, TextSpan Span) : ExpressionSyntax(Span)
{
    public bool IsPlain => Parts.All(p => p is StringTextSyntax);
    public string PlainValue => string.Concat(Parts.OfType<StringTextSyntax>().Select(p => p.Value));
    public override IEnumerable<SyntaxNode> Children => Parts;
}

public abstract record StringPartSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary>Literal text of a string, escapes already resolved in <see cref="Value"/>.</summary>
public sealed record StringTextSyntax(string Value, TextSpan Span) : StringPartSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];
}

public sealed record InterpolationSyntax(ExpressionSyntax Expression, TextSpan Span) : StringPartSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Expression];
}

public sealed record NumberLiteralSyntax(decimal Value, bool IsInteger, string Text, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];
}

public sealed record BoolLiteralSyntax(bool Value, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];
}

public sealed record NullLiteralSyntax(TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];
}

/// <summary><c>@2024-05-31</c> (a date) or <c>@2024-05-31T10:00:00Z</c> (a date-time); <see cref="Value"/> is null when invalid.</summary>
public sealed record DateLiteralSyntax(string Text, DateTimeOffset? Value, bool HasTime, TextSpan Span) : ExpressionSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [];
}
