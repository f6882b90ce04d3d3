using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapLang.Host.Flows;

/// <summary>Dotted paths (<c>data.id</c>, <c>items.0.sku</c>) into JSON; a number segment indexes a list.</summary>
public static class JsonPath
{
    public static JsonNode? Select(JsonNode? node, string path)
    {
        if (path.Length == 0) return node;
        foreach (var segment in path.Split('.'))
        {
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>The value at a path of a raw payload, as text (for idempotency keys): strings as they are, numbers as written.</summary>
    public static string? Text(JsonElement root, string path)
    {
        var e = root;
        foreach (var segment in path.Split('.'))
        {
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(segment, out var child)) e = child;
            else if (e.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < e.GetArrayLength()) e = e[i];
            else return null;
        }
        return e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
            _ => null,
        };
    }

    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };
}
