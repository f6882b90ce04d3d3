namespace MapLang.Schemas.Import;

/// <param name="Output">The reply's fields; null when the metadata does not describe the reply.</param>
public sealed record M3TransactionMetadata(
    string Program,
    string Name,
    string? Description,
    IReadOnlyList<M3FieldMetadata> Input,
    IReadOnlyList<M3FieldMetadata>? Output);
