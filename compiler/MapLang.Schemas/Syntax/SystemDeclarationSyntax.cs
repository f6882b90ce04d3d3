namespace MapLang.Schemas.Syntax;

public sealed record SystemDeclarationSyntax(NameSyntax Name, string? Description);
