using System.CommandLine;
using System.Text.Json;
using MapLang.Cli.Output;
using MapLang.Compiler.Emit;
using MapLang.Compiler.Semantics;
using MapLang.Runtime;
using MapLang.Runtime.Mapping;

namespace MapLang.Cli.Commands;

/// <summary><c>maplang run &lt;file.map&gt; --map &lt;Name&gt; --input &lt;payload.json&gt;</c>: prints what a map makes of a real payload.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var path = CommonOptions.Path("The .map file (or folder) holding the map.");
        var map = new Option<string?>("--map", "-m") { Description = "The map to run; may be left out when there is only one." };
        var input = new Option<string>("--input", "-i") { Description = "The source payload, a JSON file.", Required = true };
        var lookups = new Option<string?>("--lookups") { Description = "A JSON file of values for lookup(key): {\"CUNO\": {\"jdoe@example.com\": \"C000001\"}}." };
        var command = new Command("run", "Run one map on a JSON payload and print the target record.") { path, map, input, lookups };
        command.SetAction(result =>
        {
            var target = result.GetValue(path)!;
            var inputPath = result.GetValue(input)!;
            if (!CommonOptions.Exists(target) || !CommonOptions.Exists(inputPath)) return Program.UsageError;
            var compilation = MapProject.Compile(target);
            var emitted = MapperBuilder.Build(compilation);
            if (!emitted.Success)
            {
                DiagnosticWriter.Write(Console.Error, emitted.Diagnostics, DiagnosticFormat.Text, Directory.GetCurrentDirectory());
                return Program.ErrorsFound;
            }
            var mappers = emitted.Assembly!.Mappers;
            var name = result.GetValue(map);
            var mapper = name is null ? (mappers.Count == 1 ? mappers[0] : null) : mappers.FirstOrDefault(m => m.Name == name);
            if (mapper is null)
            {
                Console.Error.WriteLine(name is null
                    ? $"maplang: there are {mappers.Count} maps; choose one with --map: {string.Join(", ", mappers.Select(m => m.Name))}."
                    : $"maplang: there is no map '{name}'; the maps are {string.Join(", ", mappers.Select(m => m.Name))}.");
                return Program.UsageError;
            }

            var context = new MapContext(ReadLookups(result.GetValue(lookups)));
            using var stdout = Console.OpenStandardOutput();
            using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
            try
            {
                mapper.Map(File.ReadAllBytes(inputPath), writer, context);
                writer.Flush();
                stdout.WriteByte((byte)'\n');
                return Program.Clean;
            }
            catch (MappingException e)
            {
                writer.Flush();
                Console.Error.WriteLine($"{Environment.NewLine}maplang: mapping failed: {e.Message}");
                return Program.ErrorsFound;
            }
        });
        return command;
    }

    private static DictionaryLookupResolver? ReadLookups(string? path)
    {
        if (path is null) return null;
        var values = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(path)) ?? [];
        return new DictionaryLookupResolver(values.ToDictionary(v => v.Key, v => (IReadOnlyDictionary<string, string>)v.Value));
    }
}
