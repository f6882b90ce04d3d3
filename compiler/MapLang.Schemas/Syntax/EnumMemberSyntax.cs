using MapLang.Schemas.Model;

namespace MapLang.Schemas.Syntax;

public sealed record EnumMemberSyntax(string Value, bool IsNumber, string? Label, SourceLocation Location);
