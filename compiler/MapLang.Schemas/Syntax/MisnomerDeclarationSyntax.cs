namespace MapLang.Schemas.Syntax;

public sealed record MisnomerDeclarationSyntax(NameSyntax Name, NameSyntax Instead, string Explanation) : DeclarationSyntax(Name);
