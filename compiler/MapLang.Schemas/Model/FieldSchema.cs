namespace MapLang.Schemas.Model;

/// <summary>One field of an entity.</summary>
/// <param name="Name">The name integrators write (e.g. <c>customer_email</c>, <c>CUNO</c>).</param>
/// <param name="Type">The field's type.</param>
/// <param name="Required">The target system rejects a record without it.</param>
/// <param name="Nullable">The source system may send null or leave it out.</param>
/// <param name="Description">Shown on hover and in completion.</param>
/// <param name="JsonName">The property name on the wire when it differs from <paramref name="Name"/>.</param>
public sealed record FieldSchema(
    string Name,
    SchemaType Type,
    bool Required,
    bool Nullable,
    string? Description,
    SourceLocation? Location,
    string? JsonName = null)
{
    public string WireName => JsonName ?? Name;
}
