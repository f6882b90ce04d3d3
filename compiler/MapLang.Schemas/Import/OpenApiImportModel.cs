using MapLang.Schemas.Model;

namespace MapLang.Schemas.Import;

/// <summary>What <see cref="OpenApiImporter.Read"/> found in a spec, before it is written as schema text.</summary>
public sealed record OpenApiImportModel(
    string? Title,
    string? Version,
    IReadOnlyList<EnumSchema> Enums,
    IReadOnlyList<EntitySchema> Entities,
    IReadOnlyList<SchemaProblem> Problems);
