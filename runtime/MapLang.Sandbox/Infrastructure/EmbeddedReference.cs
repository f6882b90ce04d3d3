using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace MapLang.Sandbox.Infrastructure;

/// <summary>Reads the reference files embedded in this assembly (logical name = path under <c>reference/</c>).</summary>
public static class EmbeddedReference
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string ReadText(string path) => Cache.GetOrAdd(path, static p =>
    {
        using var stream = typeof(EmbeddedReference).Assembly.GetManifestResourceStream(p)
            ?? throw new InvalidOperationException($"Embedded reference file '{p}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>A fresh, mutable copy of an embedded JSON file.</summary>
    public static JsonNode ReadJson(string path) => JsonNode.Parse(ReadText(path))!;

    public static IEnumerable<string> List(string prefix) =>
        typeof(EmbeddedReference).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);
}
