namespace MapLang.Schemas.Import;

/// <summary>One field of an M3 transaction as metadata describes it.</summary>
/// <param name="Type">The M3 type: A (alphanumeric), N (numeric) or D (date, yyyyMMdd).</param>
/// <param name="IsDecimal">The metadata says the number has decimals (a decimal C# type or decimal places), null when it does not say.</param>
public sealed record M3FieldMetadata(string Name, string? Description, string Type, int? Length, bool Required, bool? IsDecimal);
