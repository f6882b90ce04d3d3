using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Cli.Output;
using MapLang.Compiler.Emit;
using MapLang.Compiler.Semantics;

namespace MapLang.Cli.Commands;

/// <summary><c>maplang build &lt;path&gt; -o &lt;dir&gt;</c>: compiles the maps to an assembly and a manifest the host loads.</summary>
internal static class BuildCommand
{
    public const string AssemblyFile = "MapLang.Generated.dll";
    public const string ManifestFile = "maplang.manifest.json";

    public static Command Create()
    {
        var path = CommonOptions.Path("A .map file or a folder of them.");
        var output = new Option<string>("--output", "-o") { Description = "The folder to write the assembly, its manifest and the generated C# to.", Required = true };
        var format = CommonOptions.Format();
        var command = new Command("build", "Compile .map files to a mapper assembly (nothing is written while there are errors).") { path, output, format };
        command.SetAction(result =>
        {
            var target = result.GetValue(path)!;
            if (!CommonOptions.Exists(target)) return Program.UsageError;
            var compilation = MapProject.Compile(target);
            var emitted = MapperBuilder.Build(compilation);
            DiagnosticWriter.Write(Console.Out, emitted.Diagnostics, result.GetValue(format), Directory.GetCurrentDirectory());
            if (!emitted.Success) return Program.ErrorsFound;

            var dir = result.GetValue(output)!;
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, AssemblyFile), emitted.Assembly!.Image);
            File.WriteAllText(Path.Combine(dir, "MapLang.Generated.g.cs"), emitted.CSharp);
            var manifest = new JsonObject
            {
                ["assembly"] = AssemblyFile,
                ["hash"] = emitted.Assembly.Hash,
                ["compiler"] = typeof(MapperBuilder).Assembly.GetName().Version?.ToString(3),
                ["sources"] = new JsonArray(compilation.SyntaxTrees.Select(t => (JsonNode)JsonValue.Create(DiagnosticWriter.Relative(t.Path, Directory.GetCurrentDirectory()))!).ToArray()),
                ["maps"] = new JsonArray(compilation.Maps.Select(m => (JsonNode)new JsonObject
                {
                    ["name"] = m.Symbol.Name,
                    ["source"] = m.Symbol.Source!.QualifiedName,
                    ["target"] = m.Symbol.Target!.QualifiedName,
                    ["class"] = $"{CSharpEmitter.Namespace}.{CSharpNames.MapperClass(m.Symbol.Name)}",
                }).ToArray()),
            };
            File.WriteAllText(Path.Combine(dir, ManifestFile), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"Built {compilation.Maps.Count} map(s) into {Path.Combine(dir, AssemblyFile)}");
            return Program.Clean;
        });
        return command;
    }
}
