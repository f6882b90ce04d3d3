namespace MapLang.Schemas.Model;

/// <summary>
/// A record type of a system: a store entity (<c>Magento.Order</c>), an M3 transaction
/// (<c>M3.OIS100MI.AddBatchHead</c>) or an M3 entity view (<c>M3.OIS100</c>).
/// </summary>
/// <param name="System">The owning system's name.</param>
/// <param name="Name">The name after the system, possibly dotted (<c>OIS100MI.AddBatchHead</c>).</param>
/// <param name="Fields">What a map writes when the entity is its target, and reads when it is its source and <paramref name="Output"/> is null.</param>
/// <param name="Output">For an M3 transaction: the fields of its reply, read when the transaction is a map's source.</param>
/// <param name="WritesThrough">For an entity view: the transactions that write it, in order (e.g. AddBatchHead, AddBatchLine, Confirm).</param>
public sealed record EntitySchema(
    string System,
    string Name,
    string? Description,
    IReadOnlyList<FieldSchema> Fields,
    IReadOnlyList<FieldSchema>? Output,
    IReadOnlyList<string> WritesThrough,
    SourceLocation? Location)
{
    private Dictionary<string, FieldSchema>? _byName;
    private Dictionary<string, FieldSchema>? _outputByName;

    public string QualifiedName => $"{System}.{Name}";

    /// <summary>For a read-only entity view: the transactions that fill it, in order (e.g. MMS200MI.GetItmBasic, MMS200MI.GetItmWhsBal).</summary>
    public IReadOnlyList<string> ReadsThrough { get; init; } = [];

    /// <summary>The fields a map reads when this entity is its source.</summary>
    public IReadOnlyList<FieldSchema> SourceFields => Output ?? Fields;

    public FieldSchema? FindField(string name) =>
        (_byName ??= Fields.ToDictionary(f => f.Name, StringComparer.Ordinal)).GetValueOrDefault(name);

    public FieldSchema? FindSourceField(string name) =>
        Output is null ? FindField(name)
        : (_outputByName ??= Output.ToDictionary(f => f.Name, StringComparer.Ordinal)).GetValueOrDefault(name);
}
