using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Compiler.Diagnostics;

namespace MapLang.Cli.Output;

/// <summary>Prints diagnostics as compiler-style lines, as JSON, or as SARIF 2.1.0 for code scanning in CI.</summary>
public static class DiagnosticWriter
{
    public static void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, DiagnosticFormat format, string baseDirectory)
    {
        switch (format)
        {
            case DiagnosticFormat.Json:
                output.WriteLine(Json(diagnostics, baseDirectory).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                break;
            case DiagnosticFormat.Sarif:
                output.WriteLine(Sarif(diagnostics, baseDirectory).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                break;
            default:
                foreach (var d in diagnostics) output.WriteLine(d with { FilePath = Relative(d.FilePath, baseDirectory) });
                var errors = diagnostics.Count(d => d.IsError);
                var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
                output.WriteLine($"{errors} error(s), {warnings} warning(s)");
                break;
        }
    }

    public static string Relative(string path, string baseDirectory)
    {
        if (path.Length == 0) return path;
        var relative = Path.GetRelativePath(baseDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static JsonNode Json(IReadOnlyList<Diagnostic> diagnostics, string baseDirectory) => new JsonArray(diagnostics.Select(d => (JsonNode)new JsonObject
    {
        ["file"] = Relative(d.FilePath, baseDirectory),
        ["line"] = d.Start.Line + 1,
        ["column"] = d.Start.Character + 1,
        ["endLine"] = d.End.Line + 1,
        ["endColumn"] = d.End.Character + 1,
        ["severity"] = d.Severity.ToString().ToLowerInvariant(),
        ["code"] = d.Code,
        ["message"] = d.Message,
        ["suggestions"] = new JsonArray(d.Suggestions.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
    }).ToArray());

    private static JsonNode Sarif(IReadOnlyList<Diagnostic> diagnostics, string baseDirectory)
    {
        var rules = diagnostics.Select(d => d.Descriptor).DistinctBy(d => d.Code).OrderBy(d => d.Code, StringComparer.Ordinal)
            .Select(d => (JsonNode)new JsonObject
            {
                ["id"] = d.Code,
                ["name"] = d.Title.Replace(" ", "", StringComparison.Ordinal),
                ["shortDescription"] = new JsonObject { ["text"] = d.Title },
                ["helpUri"] = $"https://github.com/maplang/maplang/blob/main/{d.DocsAnchor}",
                ["defaultConfiguration"] = new JsonObject { ["level"] = Level(d.Severity) },
            }).ToArray();
        var results = diagnostics.Select(d => (JsonNode)new JsonObject
        {
            ["ruleId"] = d.Code,
            ["level"] = Level(d.Severity),
            ["message"] = new JsonObject { ["text"] = d.Message },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = Relative(d.FilePath, baseDirectory).Replace('\\', '/') },
                    ["region"] = new JsonObject
                    {
                        ["startLine"] = d.Start.Line + 1,
                        ["startColumn"] = d.Start.Character + 1,
                        ["endLine"] = d.End.Line + 1,
                        ["endColumn"] = d.End.Character + 1,
                    },
                },
            }),
        }).ToArray();
        return new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "maplang",
                        ["version"] = typeof(DiagnosticWriter).Assembly.GetName().Version?.ToString(3),
                        ["informationUri"] = "https://github.com/maplang/maplang",
                        ["rules"] = new JsonArray(rules),
                    },
                },
                ["results"] = new JsonArray(results),
            }),
        };
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
