namespace MapLang.LanguageServer.Server;

/// <summary>The server's capabilities, assembled from what each handler declares (dotted paths into nested objects).</summary>
public sealed class Capabilities
{
    public Dictionary<string, object> Root { get; } = new(StringComparer.Ordinal);

    /// <summary>Sets e.g. <c>textDocumentSync.change</c> to 2.</summary>
    public void Set(string path, object value)
    {
        var parts = path.Split('.');
        var node = Root;
        foreach (var part in parts[..^1])
        {
            if (!node.TryGetValue(part, out var child) || child is not Dictionary<string, object> dictionary)
                node[part] = dictionary = new Dictionary<string, object>(StringComparer.Ordinal);
            node = dictionary;
        }
        node[parts[^1]] = value;
    }
}
