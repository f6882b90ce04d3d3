using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using MapLang.Runtime.Mapping;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace MapLang.Compiler.Emit;

/// <summary>The C# of a compilation compiled by Roslyn: the assembly bytes, Roslyn's diagnostics, and (once loaded) the mappers.</summary>
public sealed record MapperAssembly(string Hash, byte[] Image, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Diagnostics)
{
    private IReadOnlyList<IMapper>? _mappers;

    public bool Success => Image.Length > 0;

    /// <summary>Loads the assembly into a collectible context (so a host can unload old versions on reload) and creates its mappers.</summary>
    public IReadOnlyList<IMapper> Mappers => _mappers ??= Load();

    public IMapper? FindMapper(string name) => Mappers.FirstOrDefault(m => m.Name == name);

    private IReadOnlyList<IMapper> Load()
    {
        if (!Success) throw new InvalidOperationException("The generated code did not compile.");
        var context = new AssemblyLoadContext($"MapLang.Generated.{Hash[..12]}", isCollectible: true);
        var assembly = context.LoadFromStream(new MemoryStream(Image));
        var module = assembly.GetType($"{CSharpEmitter.Namespace}.MapLangModule", throwOnError: true)!;
        return (IMapper[])module.GetField("Mappers")!.GetValue(null)!;
    }
}

/// <summary>
/// Compiles generated C# with Roslyn, caching by content hash in memory and on disk
/// (<c>$MAPLANG_CACHE</c>, else the user's cache folder), so unchanged maps are not compiled twice.
/// </summary>
public static class MapperAssemblyCompiler
{
    private static readonly ConcurrentDictionary<string, Lazy<MapperAssembly>> Cache = new();
    /// <summary>The framework assemblies generated code can touch. Binding all ~170 of .NET costs Roslyn about half a second per compile.</summary>
    private static readonly HashSet<string> UsedFrameworkAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        "System.Runtime", "System.Collections", "System.Text.Json", "System.Memory", "System.Text.Encodings.Web", "netstandard",
    };

    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences = new(() =>
        [.. Basic.Reference.Assemblies.Net100.References.All.Where(r => UsedFrameworkAssemblies.Contains(Path.GetFileNameWithoutExtension(r.FilePath ?? r.Display ?? "")))]);

    /// <summary>Compiles generated C# held in one file.</summary>
    public static MapperAssembly Compile(string csharp, IEnumerable<Assembly> functionAssemblies) =>
        Compile([new GeneratedFile("MapLang.Generated.g.cs", csharp)], functionAssemblies);

    /// <summary>Compiles the files of generated C# (<see cref="CSharpEmitter.EmitFiles"/>) into one assembly; Roslyn parses and binds them concurrently.</summary>
    public static MapperAssembly Compile(IReadOnlyList<GeneratedFile> files, IEnumerable<Assembly> functionAssemblies)
    {
        var assemblies = functionAssemblies.Append(typeof(IMapper).Assembly).Distinct().OrderBy(a => a.FullName, StringComparer.Ordinal).ToArray();
        var hash = Hash(files, assemblies);
        return Cache.GetOrAdd(hash, h => new Lazy<MapperAssembly>(() => LoadCached(h) ?? Build(h, files, assemblies))).Value;
    }

    private static MapperAssembly Build(string hash, IReadOnlyList<GeneratedFile> files, IReadOnlyList<Assembly> assemblies)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new SyntaxTree[files.Count];
        Parallel.For(0, files.Count, i => trees[i] = CSharpSyntaxTree.ParseText(files[i].Text, parse, path: files[i].Name, encoding: Encoding.UTF8));
        var references = FrameworkReferences.Value.Concat(assemblies.Select(a => MetadataReference.CreateFromFile(a.Location)));
        var compilation = CSharpCompilation.Create(
            $"MapLang.Generated.{hash[..16]}",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                // Release: Debug IL is no faster to produce here and makes the JIT skip optimizations.
                optimizationLevel: OptimizationLevel.Release,
                // The files say #nullable themselves (generated code must); this is for text without a directive.
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true,
                concurrentBuild: true,
                warningLevel: 9999));
        using var image = new MemoryStream();
        // The embedded portable PDB carries the #line mapping, so stack traces through generated code name .map lines; it cost
        // no measurable time (docs/benchmarks.md).
        var result = compilation.Emit(image, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        var diagnostics = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        var assembly = new MapperAssembly(hash, result.Success ? image.ToArray() : [], diagnostics);
        if (result.Success && diagnostics.Length == 0) Store(assembly);
        return assembly;
    }

    private static string? CacheDirectory() => CacheFolder.AssembliesDisabled ? null : Path.Combine(CacheFolder.Root, "assemblies");

    private static MapperAssembly? LoadCached(string hash)
    {
        if (CacheDirectory() is not { } dir) return null;
        var path = Path.Combine(dir, hash + ".dll");
        try
        {
            return File.Exists(path) ? new MapperAssembly(hash, File.ReadAllBytes(path), []) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void Store(MapperAssembly assembly)
    {
        if (CacheDirectory() is not { } dir) return;
        try
        {
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, assembly.Hash + ".dll");
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temporary, assembly.Image);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs a later compile.
        }
    }

    private static string Hash(IReadOnlyList<GeneratedFile> files, IEnumerable<Assembly> assemblies)
    {
        var text = new StringBuilder();
        foreach (var file in files) text.Append(file.Name).Append('\n').Append(file.Text).Append('\0');
        foreach (var a in assemblies) text.Append('\n').Append(a.FullName).Append(' ').Append(a.ManifestModule.ModuleVersionId);
        text.Append('\n').Append(typeof(CSharpCompilation).Assembly.GetName().Version);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
