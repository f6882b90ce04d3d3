using System.Text.Json.Nodes;

namespace MapLang.Sandbox.Tests.Support;

/// <summary>
/// An example value built from an OpenAPI 3 schema (components/schemas) for <see cref="JsonShape"/>: every property with a value of its
/// declared kind; nullable properties get null (any kind accepted). Used where the reference has a spec but no example payloads.
/// </summary>
public static class OpenApiExample
{
    public static JsonNode Of(JsonNode spec, string schema)
    {
        var schemas = spec["components"]!["schemas"]!;
        return Build(schemas[schema]!, schemas)!;
    }

    private static JsonNode? Build(JsonNode definition, JsonNode schemas)
    {
        if (definition["$ref"]?.GetValue<string>() is { } reference) return Build(schemas[reference.Split('/')[^1]]!, schemas);
        if (definition["nullable"]?.GetValue<bool>() == true && definition["type"]?.GetValue<string>() != "array") return null;
        return definition["type"]?.GetValue<string>() switch
        {
            "integer" or "number" => 0,
            "boolean" => false,
            "string" => "",
            "array" => new JsonArray(Build(definition["items"]!, schemas)),
            _ => new JsonObject(((JsonObject?)definition["properties"] ?? []).Select(p => KeyValuePair.Create(p.Key, Build(p.Value!, schemas)))),
        };
    }
}
