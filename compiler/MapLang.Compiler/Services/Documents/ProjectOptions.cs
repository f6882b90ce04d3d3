using System.Collections.Concurrent;
using MapLang.Compiler.Semantics;
using MapLang.Schemas.Loading;

namespace MapLang.Compiler.Services.Documents;

/// <summary>
/// Compilation options per folder: the stdlib plus the folder's own schema files, loaded once and kept until
/// a schema file changes, so that an edit only parses and binds the edited document.
/// </summary>
public sealed class ProjectOptions
{
    private readonly ConcurrentDictionary<string, Lazy<CompilationOptions>> _byFolder = new(StringComparer.Ordinal);
    private static readonly Lazy<CompilationOptions> s_default = new(() => CompilationOptions.Default);

    public CompilationOptions For(string documentPath, Func<string, string?> readFile)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(documentPath)) ?? "/";
        var options = _byFolder.GetOrAdd(folder, f => new Lazy<CompilationOptions>(() => Load(f))).Value;
        return options with { ReadFile = readFile };
    }

    /// <summary>Forget the loaded schemas (a .mlschema file was created, changed or deleted).</summary>
    public void Invalidate() => _byFolder.Clear();

    private static CompilationOptions Load(string folder)
    {
        // Only the folder itself: a document in a home folder must not make the server walk the whole disk.
        var schemaFiles = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + SchemaLoader.FileExtension).Order(StringComparer.Ordinal).ToArray()
            : [];
        return schemaFiles.Length == 0 ? s_default.Value : s_default.Value with { Schemas = SchemaLoader.Load(schemaFiles) };
    }
}
