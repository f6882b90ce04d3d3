using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapLang.Host.Connectors.M3;

/// <summary>A mapped record (JSON) as MI input fields: strings as they are, numbers in their JSON (invariant) form, lists left out.</summary>
internal static class M3Fields
{
    /// <summary>A field of a record as text, null when absent, not a value or empty.</summary>
    public static string? Text(JsonObject record, string name) =>
        record[name] is JsonValue v ? (v.ToString() is { Length: > 0 } s ? s : null) : null;

    public static Dictionary<string, string> From(JsonObject record, params string[] skip)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in record)
        {
            if (value is null || skip.Contains(name) || value is JsonArray or JsonObject) continue;
            var text = value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.True => "1",
                JsonValueKind.False => "0",
                _ => value.ToJsonString(),
            };
            fields[name] = text;
        }
        return fields;
    }
}
