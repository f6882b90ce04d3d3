using MapLang.Schemas.Model;

namespace MapLang.Schemas.Syntax;

/// <summary>A type as written: <c>string(10)</c>, <c>decimal(15,6)</c>, <c>date("yyyyMMdd")</c>, <c>list&lt;OrderItem&gt;</c>, <c>OrderState</c>.</summary>
/// <param name="TypeArguments">The types between angle brackets (<c>list&lt;T&gt;</c>).</param>
/// <param name="Arguments">The literals between parentheses, or null when there are no parentheses.</param>
public sealed record TypeSyntax(
    NameSyntax Name,
    IReadOnlyList<TypeSyntax> TypeArguments,
    IReadOnlyList<TypeArgumentSyntax>? Arguments,
    SourceLocation Location);
