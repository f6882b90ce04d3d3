using MapLang.Schemas.Diagnostics;
using MapLang.Schemas.Model;
using MapLang.Schemas.Parsing;
using MapLang.Schemas.Syntax;

namespace MapLang.Schemas.Loading;

/// <summary>
/// Builds <see cref="SchemaCatalog"/>s: the stdlib schemas embedded in this assembly, extended or overridden by a project's own
/// <c>.mlschema</c> files. The stdlib is parsed once per process; systems a project does not touch are shared between catalogs.
/// </summary>
public static class SchemaLoader
{
    public const string FileExtension = ".mlschema";

    /// <summary>The path stdlib files are reported under (their place in the repository).</summary>
    public const string StdlibPathPrefix = "stdlib/schemas/";

    private const string ResourcePrefix = "MapLang.Schemas.Stdlib/";

    private static readonly Lazy<IReadOnlyList<SchemaSource>> s_stdlibSources = new(ReadStdlibSources);
    private static readonly Lazy<IReadOnlyList<SchemaFileSyntax>> s_stdlibSyntax = new(() => ParseAll(s_stdlibSources.Value));
    private static readonly Lazy<SchemaCatalog> s_stdlib = new(() => Build([s_stdlibSyntax.Value]));

    /// <summary>The embedded stdlib schema files (path under <see cref="StdlibPathPrefix"/>, text), in a stable order.</summary>
    public static IReadOnlyList<SchemaSource> StdlibSources => s_stdlibSources.Value;

    /// <summary>The stdlib catalog alone. Built once per process.</summary>
    public static SchemaCatalog LoadStdlib() => s_stdlib.Value;

    /// <summary>
    /// The stdlib extended or overridden by the project's schema files. <paramref name="projectPaths"/> are files or folders
    /// (searched recursively for <c>*.mlschema</c>).
    /// </summary>
    public static SchemaCatalog Load(IEnumerable<string> projectPaths)
    {
        var problems = new List<SchemaProblem>();
        var sources = new List<SchemaSource>();
        foreach (var path in ExpandPaths(projectPaths))
        {
            try
            {
                sources.Add(new SchemaSource(path, File.ReadAllText(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(SchemaProblemCodes.FileUnreadable.Create(new SourceLocation(path, 0, 0, 1, 1), e.Message));
            }
        }
        var catalog = Load(sources);
        return problems.Count == 0 ? catalog : catalog with { Problems = [.. problems, .. catalog.Problems] };
    }

    /// <summary>The stdlib extended or overridden by project schema texts (e.g. unsaved editor buffers).</summary>
    public static SchemaCatalog Load(IReadOnlyList<SchemaSource> projectSources)
    {
        if (projectSources.Count == 0) return LoadStdlib();
        var project = ParseAll(projectSources);
        var stdlib = LoadStdlib();
        var touched = project.Where(f => f.System is not null).Select(f => f.System!.Name.Text).ToHashSet(StringComparer.Ordinal);
        var problems = new List<SchemaProblem>(stdlib.Problems);
        problems.AddRange(project.SelectMany(f => f.Problems));
        var systems = new Dictionary<string, SystemSchema>(StringComparer.Ordinal);
        foreach (var (name, system) in stdlib.Systems)
        {
            if (!touched.Contains(name)) systems[name] = system;
        }
        foreach (var name in touched.Order(StringComparer.Ordinal))
        {
            var layers = new List<IReadOnlyList<SchemaFileSyntax>>
            {
                s_stdlibSyntax.Value.Where(f => f.System?.Name.Text == name).ToArray(),
                project.Where(f => f.System?.Name.Text == name).ToArray(),
            };
            systems[name] = SchemaCatalogBuilder.BuildSystem(name, layers, problems);
        }
        return new SchemaCatalog(Order(systems), problems);
    }

    /// <summary>Parses one schema text (for editors and tests); the syntax carries its own problems.</summary>
    public static SchemaFileSyntax Parse(string text, string path) => SchemaParser.Parse(text, path);

    /// <summary>Builds a catalog from files alone, without the stdlib (one layer per list, later layers override earlier ones).</summary>
    public static SchemaCatalog Build(IReadOnlyList<IReadOnlyList<SchemaFileSyntax>> layers)
    {
        var problems = new List<SchemaProblem>();
        foreach (var layer in layers) problems.AddRange(layer.SelectMany(f => f.Problems));
        var names = layers.SelectMany(l => l).Where(f => f.System is not null && !f.System.Name.IsMissing)
            .Select(f => f.System!.Name.Text).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var systems = new Dictionary<string, SystemSchema>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var perLayer = layers.Select(l => (IReadOnlyList<SchemaFileSyntax>)l.Where(f => f.System?.Name.Text == name).ToArray()).ToArray();
            systems[name] = SchemaCatalogBuilder.BuildSystem(name, perLayer, problems);
        }
        return new SchemaCatalog(systems, problems);
    }

    private static Dictionary<string, SystemSchema> Order(Dictionary<string, SystemSchema> systems) =>
        systems.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static IReadOnlyList<SchemaFileSyntax> ParseAll(IReadOnlyList<SchemaSource> sources)
    {
        var result = new SchemaFileSyntax[sources.Count];
        Parallel.For(0, sources.Count, i => result[i] = SchemaParser.Parse(sources[i].Text, sources[i].Path));
        return result;
    }

    private static IEnumerable<string> ExpandPaths(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*" + FileExtension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    yield return file;
            }
            else
            {
                yield return path;
            }
        }
    }

    private static IReadOnlyList<SchemaSource> ReadStdlibSources()
    {
        var assembly = typeof(SchemaLoader).Assembly;
        var sources = new List<SchemaSource>();
        foreach (var resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            var normalized = resource.Replace('\\', '/');
            if (!normalized.StartsWith(ResourcePrefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            sources.Add(new SchemaSource(StdlibPathPrefix + normalized[ResourcePrefix.Length..], reader.ReadToEnd()));
        }
        return sources;
    }
}
