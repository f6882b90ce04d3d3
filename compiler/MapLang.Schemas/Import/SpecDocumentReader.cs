using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MapLang.Schemas.Import;

/// <summary>Reads a JSON or YAML document into a <see cref="JsonNode"/> tree (YAML scalars keep their JSON meaning: plain numbers and booleans are not strings).</summary>
internal static class SpecDocumentReader
{
    public static JsonNode? Read(string text, out string? error)
    {
        error = null;
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException e)
            {
                error = $"invalid JSON: {e.Message}";
                return null;
            }
        }
        try
        {
            // YamlDotNet rejects a block scalar whose leading blank line holds spaces (real specs have them, e.g. BigCommerce
            // inventory.v3.yml); blank lines carry no content, so they are emptied first.
            var cleaned = System.Text.RegularExpressions.Regex.Replace(text, "(?m)^[ \t]+(?=\r?$)", "");
            var stream = new YamlStream();
            stream.Load(new StringReader(cleaned));
            if (stream.Documents.Count == 0)
            {
                error = "the document is empty";
                return null;
            }
            return Convert(stream.Documents[0].RootNode, 0);
        }
        catch (YamlException e)
        {
            error = $"invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}";
            return null;
        }
    }

    private static JsonNode? Convert(YamlNode node, int depth)
    {
        if (depth > 256) throw new YamlException("the document nests too deeply");
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = key is YamlScalarNode s ? s.Value ?? "" : key.ToString();
                    obj[name] = Convert(value, depth + 1);
                }
                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                foreach (var item in seq.Children) array.Add(Convert(item, depth + 1));
                return array;
            case YamlScalarNode scalar:
                var v = scalar.Value ?? "";
                if (scalar.Style is ScalarStyle.Plain)
                {
                    if (v is "null" or "~" or "") return null;
                    if (v is "true" or "True") return JsonValue.Create(true);
                    if (v is "false" or "False") return JsonValue.Create(false);
                    if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
                    if (decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return JsonValue.Create(d);
                }
                return JsonValue.Create(v);
            default:
                return null;
        }
    }
}
