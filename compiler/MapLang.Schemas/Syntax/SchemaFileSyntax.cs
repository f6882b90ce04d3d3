using MapLang.Schemas.Model;

namespace MapLang.Schemas.Syntax;

/// <summary>A parsed schema file: its system declaration and what it declares, with the problems found while parsing.</summary>
public sealed record SchemaFileSyntax(
    string FilePath,
    SystemDeclarationSyntax? System,
    IReadOnlyList<DeclarationSyntax> Declarations,
    IReadOnlyList<SchemaProblem> Problems);
