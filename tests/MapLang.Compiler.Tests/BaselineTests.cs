using System.Text;
using System.Text.Json;
using MapLang.Compiler.Emit;
using MapLang.Compiler.Semantics;
using MapLang.Compiler.Tests.Infrastructure;
using MapLang.Runtime;
using MapLang.Runtime.Mapping;

namespace MapLang.Compiler.Tests;

/// <summary>
/// One folder per sample under Baselines/: main.map (and the files it imports or reads), with its syntax tree,
/// diagnostics, generated C#, flows JSON (when it has flows) and, given input.json, the mapped output. Invalid* samples must have an error.
/// </summary>
public sealed class BaselineTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(RepositoryRoot.Combine("tests", "MapLang.Compiler.Tests", "Baselines")).Order(StringComparer.Ordinal))
            data.Add(System.IO.Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_matches_its_baselines(string sample)
    {
        var dir = RepositoryRoot.Combine("tests", "MapLang.Compiler.Tests", "Baselines", sample);
        var main = System.IO.Path.Combine(dir, "main.map");
        var compilation = MapProject.Compile(main);
        var tree = compilation.SyntaxTrees.Single(t => t.Path == main);

        Baseline.Match(System.IO.Path.Combine(dir, "main.syntax"), SyntaxDump.Of(tree.Root));
        SyntaxInvariants.SpansNest(tree.Root);
        if (tree.Diagnostics.Count == 0) SyntaxInvariants.RoundTrips(tree);

        var diagnostics = new StringBuilder();
        foreach (var d in compilation.Diagnostics) diagnostics.AppendLine((d with { FilePath = System.IO.Path.GetRelativePath(dir, d.FilePath) }).ToString());
        Baseline.Match(System.IO.Path.Combine(dir, "main.diagnostics"), diagnostics.ToString());
        Assert.Empty(compilation.InternalErrors);

        if (sample.StartsWith("Invalid", StringComparison.Ordinal))
        {
            Assert.True(compilation.HasErrors, $"{sample} is an Invalid sample but has no error.");
            return;
        }
        Assert.False(compilation.HasErrors, $"{sample} has errors:\n{diagnostics}");

        var emitted = MapperBuilder.Build(compilation);
        Baseline.Match(System.IO.Path.Combine(dir, "main.g.cs"), Scrub(emitted.CSharp!, dir));
        Assert.Empty(emitted.Assembly!.Diagnostics);
        Assert.True(emitted.Success);
        // The compiled files skip nullable flow analysis (#nullable enable annotations, for speed); the one-file text has
        // nullable warnings on, so compiling it checks that the generated code is null-safe as well.
        Assert.Contains("#nullable enable\n", emitted.CSharp!.ReplaceLineEndings("\n"));
        Assert.Empty(MapperAssemblyCompiler.Compile(emitted.CSharp!, compilation.Options.Functions.Assemblies).Diagnostics);
        // Flows, as the host's flow JSON (samples with flows only).
        if (compilation.Flows.Count > 0 || File.Exists(System.IO.Path.Combine(dir, "main.flows.json")))
            Baseline.Match(System.IO.Path.Combine(dir, "main.flows.json"), emitted.FlowsJson);

        foreach (var input in Directory.GetFiles(dir, "*.input.json").Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(input)[..^".input.json".Length];
            var mapName = File.Exists(System.IO.Path.Combine(dir, name + ".map.txt")) ? File.ReadAllText(System.IO.Path.Combine(dir, name + ".map.txt")).Trim() : null;
            var mapper = mapName is null ? emitted.Assembly.Mappers[0] : emitted.Assembly.FindMapper(mapName)!;
            Baseline.Match(System.IO.Path.Combine(dir, name + ".output.json"), Run(mapper, File.ReadAllBytes(input), Lookups(dir)));
        }
    }

    private static string Run(IMapper mapper, byte[] input, MapContext context)
    {
        var buffer = new MemoryStream();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
                mapper.Map(input, writer, context);
            return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        }
        catch (MappingException e)
        {
            return $"MappingException: {e.Message}\n";
        }
    }

    private static MapContext Lookups(string dir)
    {
        var path = System.IO.Path.Combine(dir, "lookups.json");
        if (!File.Exists(path)) return MapContext.Empty;
        var values = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(path))!;
        return new MapContext(new DictionaryLookupResolver(values.ToDictionary(v => v.Key, v => (IReadOnlyDictionary<string, string>)v.Value)));
    }

    /// <summary>The #line paths are absolute; baselines hold them relative to the sample.</summary>
    private static string Scrub(string csharp, string dir) => csharp.Replace(dir + System.IO.Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
}
