using System.Collections.Concurrent;

namespace MapLang.LanguageServer.Server;

/// <summary>Document URIs to file paths and back. Unsaved (untitled:) documents get a stable made-up path.</summary>
public sealed class DocumentUris
{
    private readonly ConcurrentDictionary<string, string> _uriByPath = new(StringComparer.Ordinal);

    public string ToPath(string uri)
    {
        string path;
        if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile) path = Path.GetFullPath(parsed.LocalPath);
        else path = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "maplang-unsaved", string.Concat(uri.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'))));
        _uriByPath[path] = uri;
        return path;
    }

    public string ToUri(string path) => _uriByPath.TryGetValue(path, out var uri) ? uri : new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
