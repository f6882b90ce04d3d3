using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapLang.Sandbox.Tests.Support;

/// <summary>
/// Compares the shape of a reply with a reference example: same keys (recursively), same value kinds; null in the example
/// accepts any kind; array elements are compared with the example's element at the same index (or its last one).
/// </summary>
public static class JsonShape
{
    /// <param name="maps">Property names whose elements are records with data-dependent keys (M3 v2 <c>records</c>): only their values' kinds are compared.</param>
    public static void ShouldMatch(JsonNode? actual, JsonNode? example, bool allowExtraKeys = false, params string[] maps)
    {
        var problems = new List<string>();
        Compare(actual, example, "$", allowExtraKeys, problems, maps);
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    private static void Compare(JsonNode? actual, JsonNode? example, string path, bool allowExtra, List<string> problems, string[] maps)
    {
        if (example is null) return;
        if (Kind(actual) != Kind(example))
        {
            problems.Add($"{path}: expected {Kind(example)}, got {Kind(actual)}");
            return;
        }
        switch (example)
        {
            case JsonObject e:
                var a = (JsonObject)actual!;
                foreach (var (key, value) in e)
                    if (!a.ContainsKey(key)) problems.Add($"{path}.{key}: missing");
                    else if (maps.Contains(key) && value is not null) CompareMap(a[key], value, $"{path}.{key}", problems);
                    else Compare(a[key], value, $"{path}.{key}", allowExtra, problems, maps);
                if (!allowExtra)
                    foreach (var (key, _) in a)
                        if (!e.ContainsKey(key)) problems.Add($"{path}.{key}: not in the example");
                break;
            case JsonArray ea when ea.Count > 0:
                var i = 0;
                foreach (var item in (JsonArray)actual!)
                {
                    Compare(item, ea[Math.Min(i, ea.Count - 1)], $"{path}[{i}]", allowExtra, problems, maps);
                    i++;
                }
                break;
        }
    }

    private static void CompareMap(JsonNode? actual, JsonNode example, string path, List<string> problems)
    {
        if (Kind(actual) != Kind(example))
        {
            problems.Add($"{path}: expected {Kind(example)}, got {Kind(actual)}");
            return;
        }
        var valueKinds = example.AsArray().OfType<JsonObject>().SelectMany(o => o.Select(p => Kind(p.Value))).ToHashSet();
        foreach (var record in actual!.AsArray())
            if (record is not JsonObject o) problems.Add($"{path}: record is {Kind(record)}");
            else foreach (var (key, value) in o)
                if (valueKinds.Count > 0 && !valueKinds.Contains(Kind(value))) problems.Add($"{path}.{key}: {Kind(value)} not among {string.Join(",", valueKinds)}");
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
        _ => "?",
    };
}
