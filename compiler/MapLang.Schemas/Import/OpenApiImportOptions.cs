namespace MapLang.Schemas.Import;

/// <summary>How <see cref="OpenApiImporter"/> turns a spec into a system.</summary>
/// <param name="SystemName">The system the schema file declares (e.g. <c>Clarity</c>).</param>
/// <param name="Entities">The schemas to import by their name in the spec (<c>definitions</c> or <c>components/schemas</c>), with what
/// they reference; null imports every schema.</param>
/// <param name="EntityNames">Entity names to use instead of the spec's schema names (spec name → entity name).</param>
public sealed record OpenApiImportOptions(
    string SystemName,
    string? SystemDescription = null,
    IReadOnlyList<string>? Entities = null,
    IReadOnlyDictionary<string, string>? EntityNames = null)
{
    /// <summary>Names already taken (e.g. by other files of the same system); generated names avoid them.</summary>
    public IReadOnlySet<string>? ReservedNames { get; init; }

    /// <summary>For a plain JSON Schema document (no swagger/openapi member): the entity name of the root schema (default: its title).</summary>
    public string? RootEntityName { get; init; }
}
