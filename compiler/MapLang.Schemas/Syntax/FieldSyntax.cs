namespace MapLang.Schemas.Syntax;

/// <param name="JsonName">The wire name written before <c>as</c>, when it differs from the field name.</param>
public sealed record FieldSyntax(
    NameSyntax Name,
    string? JsonName,
    TypeSyntax Type,
    bool Nullable,
    bool Required,
    string? Description);
