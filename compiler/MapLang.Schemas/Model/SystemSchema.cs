namespace MapLang.Schemas.Model;

/// <summary>A connected system (M3, Magento, BigCommerce, …) with its entities and enums.</summary>
public sealed record SystemSchema(
    string Name,
    string? Description,
    IReadOnlyDictionary<string, EntitySchema> Entities,
    IReadOnlyDictionary<string, EnumSchema> Enums,
    IReadOnlyDictionary<string, Misnomer> Misnomers,
    IReadOnlyList<string> SourceFiles)
{
    public EntitySchema? FindEntity(string name) => Entities.GetValueOrDefault(name);
    public EnumSchema? FindEnum(string name) => Enums.GetValueOrDefault(name);
}
