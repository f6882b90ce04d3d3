using System.Globalization;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;

namespace MapLang.Sandbox.Stores.NopCommerce;

/// <summary>
/// The DTO schemas of the official Web API plugin (backend v1.06, embedded from reference/nopcommerce/spec). Every reply is built
/// through <see cref="Shape"/>, so it carries exactly the spec's snake_case properties with the spec's value kinds, whatever the source
/// (the older SevenSpikes examples the store is seeded from use ids as strings, status names, nested objects).
/// </summary>
internal static class NopSpec
{
    private const string Path = "reference/nopcommerce/spec/nopcommerce-webapi-backend-v1.06.entities.json";
    private static readonly Lazy<JsonObject> Schemas = new(() => (JsonObject)EmbeddedReference.ReadJson(Path)["components"]!["schemas"]!);

    public static IEnumerable<string> Properties(string schema) => ((JsonObject)Schemas.Value[schema]!["properties"]!).Select(p => p.Key);

    /// <summary>A new object with the schema's properties: values taken from <paramref name="source"/> (converted), defaults otherwise.</summary>
    public static JsonObject Shape(string schema, JsonObject source, DateTimeOffset now)
    {
        var result = new JsonObject();
        foreach (var (name, definition) in (JsonObject)Schemas.Value[schema]!["properties"]!)
        {
            var type = definition!["type"]?.GetValue<string>();
            var format = definition["format"]?.GetValue<string>();
            var nullable = definition["nullable"]?.GetValue<bool>() == true;
            result[name] = Convert(source[name], type, format, nullable, now);
        }
        return result;
    }

    private static JsonNode? Convert(JsonNode? value, string? type, string? format, bool nullable, DateTimeOffset now)
    {
        var text = value is JsonValue v ? v.ToString() : null;
        switch (type)
        {
            case "integer":
                if (text is not null && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) return i;
                return nullable ? null : 0;
            case "number":
                if (text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
                return nullable ? null : 0m;
            case "boolean":
                if (text is not null && bool.TryParse(text, out var b)) return b;
                return false;
            case "string":
                if (text is not null) return text;
                if (nullable) return null;
                return format switch
                {
                    "uuid" => Guid.NewGuid().ToString(),
                    "date-time" => Date(now),
                    _ => "",
                };
            default:
                return value?.DeepClone();
        }
    }

    public static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
