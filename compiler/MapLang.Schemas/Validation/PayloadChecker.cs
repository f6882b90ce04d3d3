using System.Globalization;
using System.Text.Json;
using MapLang.Schemas.Model;

namespace MapLang.Schemas.Validation;

/// <summary>
/// Checks that a JSON payload reads into an entity schema: every property is a known field (by wire name), every value has
/// a compatible type (strings within their length, dates in their format, enum values declared, whole numbers for ints),
/// null only where a field is nullable, and (when asked) every required field present. Used on sample payloads and in tests.
/// </summary>
public static class PayloadChecker
{
    public static IReadOnlyList<PayloadMismatch> Check(JsonElement payload, EntitySchema entity, SystemSchema system, bool checkRequired = true)
    {
        var result = new List<PayloadMismatch>();
        CheckObject(payload, entity, system, "$", checkRequired, result, 0);
        return result;
    }

    private static void CheckObject(JsonElement value, EntitySchema entity, SystemSchema system, string path, bool checkRequired, List<PayloadMismatch> result, int depth)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            result.Add(new PayloadMismatch(path, $"expected an object ({entity.Name}), found {Kind(value)}"));
            return;
        }
        var fields = entity.SourceFields;
        var byWire = new Dictionary<string, FieldSchema>(StringComparer.Ordinal);
        foreach (var f in fields) byWire.TryAdd(f.WireName, f);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var propertyPath = $"{path}.{property.Name}";
            present.Add(property.Name);
            if (!byWire.TryGetValue(property.Name, out var field))
            {
                result.Add(new PayloadMismatch(propertyPath, $"not a field of {entity.Name}"));
                continue;
            }
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                if (!field.Nullable) result.Add(new PayloadMismatch(propertyPath, $"null, but {entity.Name}.{field.Name} is not nullable"));
                continue;
            }
            CheckValue(property.Value, field.Type, system, propertyPath, checkRequired, result, depth);
        }
        if (!checkRequired) return;
        foreach (var f in fields.Where(f => f.Required && !present.Contains(f.WireName)))
            result.Add(new PayloadMismatch(path, $"required field {f.WireName} of {entity.Name} is missing"));
    }

    private static void CheckValue(JsonElement value, SchemaType type, SystemSchema system, string path, bool checkRequired, List<PayloadMismatch> result, int depth)
    {
        if (depth > 64) return;
        switch (type)
        {
            case AnyType:
                return;
            case StringType s:
                if (value.ValueKind != JsonValueKind.String) Mismatch(value, type, path, result);
                else if (s.MaxLength is { } max && value.GetString()!.Length > max)
                    result.Add(new PayloadMismatch(path, $"{value.GetString()!.Length} characters, longer than {type.Display}"));
                return;
            case IntType:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _)) Mismatch(value, type, path, result);
                return;
            case DecimalType:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out _)) Mismatch(value, type, path, result);
                return;
            case BoolType:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) Mismatch(value, type, path, result);
                return;
            case DateType d:
                CheckDate(value, d.Format, type, path, result);
                return;
            case DateTimeType dt:
                CheckDate(value, dt.Format, type, path, result);
                return;
            case EnumRefType e:
                var enumSchema = system.FindEnum(e.EnumName);
                if (enumSchema is null) return;
                var text = value.ValueKind switch
                {
                    JsonValueKind.String => enumSchema.IsNumeric ? null : value.GetString(),
                    JsonValueKind.Number => enumSchema.IsNumeric ? value.GetRawText() : null,
                    _ => null,
                };
                if (text is null) Mismatch(value, type, path, result);
                else if (!enumSchema.Members.Any(m => m.Value == text))
                    result.Add(new PayloadMismatch(path, $"{value.GetRawText()} is not a value of enum {enumSchema.Name}"));
                return;
            case RecordRefType r:
                if (system.FindEntity(r.EntityName) is { } nested) CheckObject(value, nested, system, path, checkRequired, result, depth + 1);
                return;
            case ListType l:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    Mismatch(value, type, path, result);
                    return;
                }
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var itemPath = $"{path}[{i++}]";
                    if (item.ValueKind == JsonValueKind.Null) result.Add(new PayloadMismatch(itemPath, "null inside a list"));
                    else CheckValue(item, l.Element, system, itemPath, checkRequired, result, depth + 1);
                }
                return;
        }
    }

    private static void CheckDate(JsonElement value, string? format, SchemaType type, string path, List<PayloadMismatch> result)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Mismatch(value, type, path, result);
            return;
        }
        var s = value.GetString()!;
        var ok = format is null
            ? DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _)
            : DateTime.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        if (!ok) result.Add(new PayloadMismatch(path, $"\"{s}\" is not a {type.Display}"));
    }

    private static void Mismatch(JsonElement value, SchemaType type, string path, List<PayloadMismatch> result) =>
        result.Add(new PayloadMismatch(path, value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? $"expected {type.Display}, found {Kind(value)}"
            : $"expected {type.Display}, found {Kind(value)} {Shorten(value.GetRawText())}"));

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Shorten(string s) => s.Length > 40 ? s[..37] + "..." : s;
}
