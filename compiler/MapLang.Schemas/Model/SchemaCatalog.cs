namespace MapLang.Schemas.Model;

/// <summary>Every system known to a compilation: the stdlib's, extended or overridden by the project's own schema files.</summary>
public sealed record SchemaCatalog(
    IReadOnlyDictionary<string, SystemSchema> Systems,
    IReadOnlyList<SchemaProblem> Problems)
{
    public static readonly SchemaCatalog Empty = new(new Dictionary<string, SystemSchema>(), []);

    public SystemSchema? FindSystem(string name) => Systems.GetValueOrDefault(name);
}
