namespace MapLang.Schemas.Syntax;

/// <param name="IsExtension">Declared with <c>extend enum</c>: adds values to an enum declared elsewhere.</param>
public sealed record EnumDeclarationSyntax(
    NameSyntax Name,
    string? Description,
    bool IsExtension,
    IReadOnlyList<EnumMemberSyntax> Members) : DeclarationSyntax(Name);
