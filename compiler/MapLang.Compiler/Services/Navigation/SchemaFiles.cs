using System.Security.Cryptography;
using System.Text;
using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Text;
using MapLang.Schemas.Loading;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Services.Navigation;

/// <summary>
/// Turns schema locations into editor locations. The stdlib's schema files are embedded in the compiler, so they
/// are written once into a cache folder (named by a hash of their content) and editors open them from there.
/// </summary>
public static class SchemaFiles
{
    private static readonly Lazy<string> s_root = new(Materialize);

    /// <summary>Where stdlib schemas are written: under <see cref="Emit.CacheFolder.Root"/>.</summary>
    public static string CacheRoot => s_root.Value;

    public static EditorLocation? Locate(SourceLocation? location)
    {
        if (location is null) return null;
        var path = location.FilePath;
        if (path.StartsWith(SchemaLoader.StdlibPathPrefix, StringComparison.Ordinal))
            path = Path.Combine(CacheRoot, path[SchemaLoader.StdlibPathPrefix.Length..]);
        var start = new LinePosition(location.Line - 1, location.Column - 1);
        string? text = null;
        try { text = File.Exists(path) ? File.ReadAllText(path) : null; }
        catch (IOException) { }
        if (text is null) return new EditorLocation(path, new TextSpan(location.Start, location.Length), start, start with { Character = start.Character + location.Length });
        var source = new SourceText(path, text);
        var span = new TextSpan(location.Start, location.Length);
        return EditorLocation.In(source, span);
    }

    private static string Materialize()
    {
        var sources = SchemaLoader.StdlibSources;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in sources)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(source.Path));
            hash.AppendData(Encoding.UTF8.GetBytes(source.Text));
        }
        var id = Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
        var root = Path.Combine(Emit.CacheFolder.Root, "stdlib-schemas-" + id);
        if (Directory.Exists(root)) return root;
        // Written to a sibling folder first and moved, so that a concurrent reader never sees half the files.
        var staging = root + ".tmp-" + Environment.ProcessId;
        foreach (var source in sources)
        {
            var relative = source.Path.StartsWith(SchemaLoader.StdlibPathPrefix, StringComparison.Ordinal) ? source.Path[SchemaLoader.StdlibPathPrefix.Length..] : source.Path;
            var file = Path.Combine(staging, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, source.Text);
        }
        try { Directory.Move(staging, root); }
        catch (IOException) when (Directory.Exists(root)) { Directory.Delete(staging, recursive: true); }
        return root;
    }
}
