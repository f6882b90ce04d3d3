using MapLang.Compiler.Text;

namespace MapLang.Compiler.Syntax;

public sealed record CompilationUnitSyntax(IReadOnlyList<DeclarationSyntax> Declarations, TextSpan Span) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Declarations;
}

public abstract record DeclarationSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>use Magento</c></summary>
public sealed record UseSyntax(NameSyntax System, TextSpan Span) : DeclarationSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [System];
}

/// <summary><c>import "common.map"</c></summary>
public sealed record ImportSyntax(StringExpressionSyntax Path, TextSpan Span) : DeclarationSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Path];
}

/// <summary><c>const COMPANY = 100</c></summary>
public sealed record ConstSyntax(NameSyntax Name, TypeSyntax? Type, ExpressionSyntax Value, TextSpan Span) : DeclarationSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Name, Type, Value);
}

/// <summary><c>table Carriers: string -> string [from "carriers.csv" [columns "store", "m3"]] { "a" => "b"  default => "c" }</c></summary>
public sealed record TableSyntax(
    NameSyntax Name,
    TypeSyntax KeyType,
    TypeSyntax ValueType,
    TableSourceSyntax? Source,
    IReadOnlyList<TableEntrySyntax> Entries,
    TextSpan Span) : DeclarationSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes([Name, KeyType, ValueType, Source, .. Entries]);
}

public sealed record TableSourceSyntax(StringExpressionSyntax Path, StringExpressionSyntax? KeyColumn, StringExpressionSyntax? ValueColumn, TextSpan Span) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Path, KeyColumn, ValueColumn);
}

/// <summary>A row <c>key => value</c>, or the default row when <see cref="Key"/> is null.</summary>
public sealed record TableEntrySyntax(ExpressionSyntax? Key, ExpressionSyntax Value, TextSpan Span) : SyntaxNode(Span)
{
    public bool IsDefault => Key is null;
    public override IEnumerable<SyntaxNode> Children => Nodes(Key, Value);
}

/// <summary><c>map [Name:] Source -> Target { members }</c></summary>
public sealed record MapSyntax(
    NameSyntax? Name,
    QualifiedNameSyntax Source,
    QualifiedNameSyntax Target,
    IReadOnlyList<MapMemberSyntax> Members,
    TextSpan BodySpan,
    TextSpan Span) : DeclarationSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes([Name, Source, Target, .. Members]);
}

public abstract record MapMemberSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>let name = value</c></summary>
public sealed record LetSyntax(NameSyntax Name, ExpressionSyntax Value, TextSpan Span) : MapMemberSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Name, Value];
}

/// <summary><c>FIELD = value</c></summary>
public sealed record AssignmentSyntax(NameSyntax Field, ExpressionSyntax Value, TextSpan Span) : MapMemberSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Field, Value];
}

/// <summary><c>require(condition, "message")</c></summary>
public sealed record RequireSyntax(ExpressionSyntax Condition, ExpressionSyntax Message, TextSpan Span) : MapMemberSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Condition, Message];
}
