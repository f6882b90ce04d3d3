using System.Text.Json.Nodes;

namespace MapLang.Cli.Testing;

/// <summary>A field-level difference between the verified and the received record: <c>lines[0].ORQT: 2 → 3</c>.</summary>
public sealed record FieldDifference(string Path, string? Verified, string? Received)
{
    public override string ToString() => (Verified, Received) switch
    {
        (null, _) => $"{Path}: added {Received}",
        (_, null) => $"{Path}: removed (was {Verified})",
        _ => $"{Path}: {Verified} → {Received}",
    };
}

/// <summary>Compares two JSON trees field by field (objects by property name, arrays by position).</summary>
public static class JsonDiff
{
    private const int MaxValueLength = 120;

    public static IReadOnlyList<FieldDifference> Compare(JsonNode? verified, JsonNode? received)
    {
        var differences = new List<FieldDifference>();
        Compare(verified, received, "", differences);
        return differences;
    }

    private static void Compare(JsonNode? verified, JsonNode? received, string path, List<FieldDifference> differences)
    {
        switch (verified, received)
        {
            case (JsonObject v, JsonObject r):
                foreach (var (key, value) in v)
                {
                    var child = Member(path, key);
                    if (r.TryGetPropertyValue(key, out var other)) Compare(value, other, child, differences);
                    else differences.Add(new FieldDifference(child, Show(value), null));
                }
                foreach (var (key, value) in r)
                    if (!v.ContainsKey(key)) differences.Add(new FieldDifference(Member(path, key), null, Show(value)));
                break;
            case (JsonArray v, JsonArray r):
                for (var i = 0; i < Math.Max(v.Count, r.Count); i++)
                {
                    var child = $"{(path.Length == 0 ? "$" : path)}[{i}]";
                    if (i >= r.Count) differences.Add(new FieldDifference(child, Show(v[i]), null));
                    else if (i >= v.Count) differences.Add(new FieldDifference(child, null, Show(r[i])));
                    else Compare(v[i], r[i], child, differences);
                }
                break;
            default:
                var a = Show(verified);
                var b = Show(received);
                if (a != b) differences.Add(new FieldDifference(path.Length == 0 ? "$" : path, a, b));
                break;
        }
    }

    private static string Member(string path, string key)
    {
        var simple = key.Length > 0 && (char.IsLetter(key[0]) || key[0] == '_') && key.All(c => char.IsLetterOrDigit(c) || c == '_');
        var part = simple ? key : $"[\"{key.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]";
        return path.Length == 0 ? (simple ? part : "$" + part) : simple ? $"{path}.{part}" : path + part;
    }

    private static string Show(JsonNode? node)
    {
        var text = node is null ? "null" : node.ToJsonString(VerifiedJson.CompactOptions);
        return text.Length <= MaxValueLength ? text : text[..(MaxValueLength - 1)] + "…";
    }
}
