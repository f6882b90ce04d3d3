using MapLang.Schemas.Model;

namespace MapLang.Schemas.Import;

/// <summary>
/// How M3 field metadata becomes schema types. A → string(length); D → date("yyyyMMdd"); N → decimal when the metadata says
/// it has decimals, otherwise int(length). Where the metadata does not say (output fields of M3H5, the metadata XML),
/// a number is decimal when the same field name is a decimal elsewhere or its description names an amount, quantity, price,
/// rate, percentage, sum, weight, volume or cost (an inference: a decimal reads an int without loss, the reverse loses cents).
/// </summary>
public sealed class M3TypeRules(IReadOnlySet<string>? knownDecimalNames = null)
{
    public const string DateFormat = "yyyyMMdd";

    private static readonly string[] DecimalWords =
        ["amount", "quantity", "qty", "price", "rate", "percent", "sum", "weight", "volume", "cost"];

    public SchemaType TypeOf(M3FieldMetadata field) => field.Type switch
    {
        "A" => new StringType(Positive(field.Length)),
        "D" => new DateType(DateFormat),
        "N" when IsDecimal(field) => new DecimalType(Positive(field.Length) is { } p && p <= 38 ? p : null),
        "N" => Positive(field.Length) is { } d && d <= 19 ? new IntType(d) : new IntType(),
        _ => new StringType(Positive(field.Length)),
    };

    private bool IsDecimal(M3FieldMetadata field)
    {
        if (field.IsDecimal is { } known) return known;
        if (knownDecimalNames?.Contains(field.Name) == true) return true;
        var d = field.Description ?? "";
        return DecimalWords.Any(w => d.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    private static int? Positive(int? n) => n is > 0 ? n : null;
}
