using MapLang.Schemas.Model;

namespace MapLang.Schemas.Syntax;

/// <summary>A literal argument of a type: a number (<c>10</c>) or a string (<c>"yyyyMMdd"</c>).</summary>
public sealed record TypeArgumentSyntax(string Value, bool IsNumber, SourceLocation Location);
