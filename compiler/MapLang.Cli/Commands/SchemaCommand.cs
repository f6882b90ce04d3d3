using System.CommandLine;
using MapLang.Schemas.Import;
using MapLang.Schemas.Model;

namespace MapLang.Cli.Commands;

/// <summary>
/// <c>maplang schema import openapi &lt;spec&gt; --system &lt;Name&gt; [--entities A,B]</c> and <c>maplang schema import m3 &lt;metadata&gt;</c>:
/// write a connector schema file from a store's OpenAPI/Swagger document or from M3 metadata.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var import = new Command("import", "Create a .mlschema file from an OpenAPI/Swagger document or from M3 metadata.");
        import.Subcommands.Add(OpenApi());
        import.Subcommands.Add(M3());
        var schema = new Command("schema", "Connector schemas.");
        schema.Subcommands.Add(import);
        return schema;
    }

    private static Command OpenApi()
    {
        var spec = new Argument<string>("spec") { Description = "A Swagger 2.0 or OpenAPI 3.x document (.json, .yaml or .yml)." };
        var system = new Option<string>("--system") { Description = "The system the schema declares, e.g. Clarity.", Required = true };
        var entities = new Option<string[]>("--entities") { Description = "Only these schemas (and what they reference), by their names in the spec.", AllowMultipleArgumentsPerToken = true };
        var output = Output();
        var command = new Command("openapi", "Import entities from an OpenAPI/Swagger document.") { spec, system, entities, output };
        command.SetAction(result =>
        {
            var path = result.GetValue(spec)!;
            if (!CommonOptions.Exists(path)) return Program.UsageError;
            var selected = result.GetValue(entities) is { Length: > 0 } e ? e.SelectMany(x => x.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray() : null;
            var imported = OpenApiImporter.Import(File.ReadAllText(path), path, new OpenApiImportOptions(result.GetValue(system)!, Entities: selected));
            return Finish(imported, result.GetValue(output));
        });
        return command;
    }

    private static Command M3()
    {
        var metadata = new Argument<string>("metadata") { Description = "M3 metadata: MapLang's reference JSON, an MRS001MI.LstFields reply, or /m3api-rest/metadata/{PROGRAM} XML." };
        var output = Output();
        var command = new Command("m3", "Import M3 programs and transactions from metadata.") { metadata, output };
        command.SetAction(result =>
        {
            var path = result.GetValue(metadata)!;
            if (!CommonOptions.Exists(path)) return Program.UsageError;
            return Finish(M3SchemaImporter.Import(File.ReadAllText(path), path), result.GetValue(output));
        });
        return command;
    }

    private static Option<string?> Output() => new("--output", "-o") { Description = "The .mlschema file to write (default: print it)." };

    private static int Finish(SchemaImportResult imported, string? output)
    {
        foreach (var problem in imported.Problems)
        {
            var where = problem.Location is { } l ? $"{l.FilePath}({l.Line},{l.Column}): " : "";
            Console.Error.WriteLine($"{where}{problem.Severity.ToString().ToLowerInvariant()} {problem.Code}: {problem.Message}");
        }
        if (imported.HasErrors) return Program.ErrorsFound;
        if (output is null) Console.Out.Write(imported.SchemaText);
        else
        {
            File.WriteAllText(output, imported.SchemaText);
            Console.Error.WriteLine($"Wrote {imported.EntityCount} entities to {output}");
        }
        return Program.Clean;
    }
}
