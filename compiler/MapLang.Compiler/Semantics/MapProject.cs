using MapLang.Schemas.Loading;

namespace MapLang.Compiler.Semantics;

/// <summary>
/// The .map files and project schema files under a path (a file or a folder), compiled together:
/// what <c>maplang check</c>, <c>build</c> and the language server work on.
/// </summary>
public static class MapProject
{
    public const string MapExtension = ".map";

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "bin", "obj", "node_modules", ".git" };

    public static IReadOnlyList<string> FindMapFiles(string path) =>
        File.Exists(path) ? [Path.GetFullPath(path)] : Find(path, "*" + MapExtension);

    /// <summary>Project schema files: next to a single .map file, or anywhere under a folder.</summary>
    public static IReadOnlyList<string> FindSchemaFiles(string path)
    {
        var root = File.Exists(path) ? Path.GetDirectoryName(Path.GetFullPath(path))! : path;
        return Directory.Exists(root) ? Find(root, "*" + SchemaLoader.FileExtension) : [];
    }

    public static Compilation Compile(string path, Func<string, string?>? readFile = null)
    {
        var schemas = SchemaLoader.Load(FindSchemaFiles(path));
        var options = CompilationOptions.Default with { Schemas = schemas };
        if (readFile is not null) options = options with { ReadFile = readFile };
        return Compilation.FromFiles(FindMapFiles(path), options);
    }

    private static IReadOnlyList<string> Find(string root, string pattern)
    {
        if (!Directory.Exists(root)) return [];
        var result = new List<string>();
        var pending = new Stack<string>([Path.GetFullPath(root)]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            result.AddRange(Directory.EnumerateFiles(dir, pattern));
            foreach (var sub in Directory.EnumerateDirectories(dir))
                if (!SkippedFolders.Contains(Path.GetFileName(sub))) pending.Push(sub);
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
