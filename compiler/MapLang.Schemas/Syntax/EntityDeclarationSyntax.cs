namespace MapLang.Schemas.Syntax;

/// <param name="IsExtension">Declared with <c>extend entity</c>: adds or redefines fields of an entity declared elsewhere.</param>
/// <param name="Output">The <c>output { }</c> block, or null when there is none.</param>
public sealed record EntityDeclarationSyntax(
    NameSyntax Name,
    string? Description,
    bool IsExtension,
    IReadOnlyList<NameSyntax> Writes,
    IReadOnlyList<FieldSyntax> Fields,
    IReadOnlyList<FieldSyntax>? Output) : DeclarationSyntax(Name)
{
    /// <summary>The <c>reads</c> list of a read-only view.</summary>
    public IReadOnlyList<NameSyntax> Reads { get; init; } = [];
}
