namespace MapLang.Schemas.Syntax;

/// <summary>A top-level declaration: entity, enum or misnomer.</summary>
public abstract record DeclarationSyntax(NameSyntax Name);
