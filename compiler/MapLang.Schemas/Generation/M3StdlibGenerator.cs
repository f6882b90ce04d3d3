using System.Text.Json;
using MapLang.Schemas.Import;
using MapLang.Schemas.Model;
using MapLang.Schemas.Writing;

namespace MapLang.Schemas.Generation;

/// <summary>One schema file per M3 program of <c>reference/m3/*.json</c>.</summary>
internal static class M3StdlibGenerator
{
    public static IEnumerable<GeneratedSchemaFile> Generate(string m3Folder, List<SchemaProblem> problems)
    {
        var paths = Directory.EnumerateFiles(m3Folder, "*.json").Order(StringComparer.Ordinal).ToArray();
        var programs = new List<(string File, M3ProgramMetadata Program)>();
        foreach (var path in paths)
        {
            foreach (var p in M3MetadataReader.Read(File.ReadAllText(path), $"reference/m3/{Path.GetFileName(path)}", problems))
                programs.Add((Path.GetFileName(path), p));
        }
        var rules = new M3TypeRules(KnownDecimalNames(paths));
        foreach (var (file, program) in programs)
        {
            var header = new[]
            {
                StdlibGenerator.Header($"reference/m3/{file}", program.Provenance ?? "unknown source"),
                $"{program.Program}: {program.Description}. {program.Transactions.Count} transactions; an entity per transaction: its input fields, its reply in output {{ }}.",
            };
            var text = SchemaWriter.Write(header, M3SchemaImporter.SystemName, M3SchemaImporter.SystemDescription, [],
                M3SchemaImporter.ToEntities(program, rules));
            yield return new GeneratedSchemaFile($"m3/{program.Program}.mlschema", text);
        }
    }

    /// <summary>Field names that some input of the reference types as decimal (the evidence for typing reply fields).</summary>
    private static HashSet<string> KnownDecimalNames(IEnumerable<string> paths)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var t in doc.RootElement.GetProperty("transactions").EnumerateArray())
            foreach (var f in t.GetProperty("input").EnumerateArray())
            {
                if (f.TryGetProperty("csharpType", out var cs) && cs.GetString()?.StartsWith("decimal", StringComparison.Ordinal) == true)
                    names.Add(f.GetProperty("name").GetString()!);
            }
        }
        return names;
    }
}
