using System.Text.Json;
using MapLang.Schemas.Import;
using MapLang.Schemas.Model;
using MapLang.Schemas.Writing;

namespace MapLang.Schemas.Generation;

/// <summary>
/// Magento's entities from the Admin REST schema (reference/magento/spec), named as in reference/magento/fields: the definitions
/// listed there and everything they reference. Timestamps (<c>*_at</c>) are typed datetime("yyyy-MM-dd HH:mm:ss"): the schema says
/// only "string", Magento writes them so (UTC, no zone designator; reference/magento/README.md).
/// </summary>
internal static class MagentoStdlibGenerator
{
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss";

    public static IEnumerable<GeneratedSchemaFile> Generate(string magentoFolder, List<SchemaProblem> problems)
    {
        const string specPath = "spec/admin-schema-2.4.9.entities.json";
        const string fieldsPath = "fields/magento.fields.json";
        using var fields = JsonDocument.Parse(File.ReadAllText(Path.Combine(magentoFolder, fieldsPath)));
        var roots = new List<string>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entity in fields.RootElement.EnumerateObject())
        {
            if (entity.Value.ValueKind != JsonValueKind.Object || !entity.Value.TryGetProperty("definition", out var def)) continue;
            roots.Add(def.GetString()!);
            names[def.GetString()!] = entity.Name;
        }
        var specText = File.ReadAllText(Path.Combine(magentoFolder, specPath));
        using (var spec = JsonDocument.Parse(specText))
        {
            foreach (var def in spec.RootElement.GetProperty("definitions").EnumerateObject())
            {
                if (!names.ContainsKey(def.Name))
                    names[def.Name] = OpenApiImporter.PascalCase(def.Name.EndsWith("-interface", StringComparison.Ordinal) ? def.Name[..^"-interface".Length] : def.Name);
            }
        }
        var model = OpenApiImporter.Read(specText, $"reference/magento/{specPath}",
            new OpenApiImportOptions("Magento", "Magento Open Source / Adobe Commerce REST API 2.4.9", roots, names));
        problems.AddRange(model.Problems);
        var entities = model.Entities.Select(e => e with
        {
            Fields = e.Fields.Select(f => f.Type is StringType && f.Name.EndsWith("_at", StringComparison.Ordinal)
                ? f with { Type = new DateTimeType(TimestampFormat) }
                : f).ToArray(),
        });
        var header = new[]
        {
            StdlibGenerator.Header($"reference/magento/{specPath}", "AdobeDocs/commerce-webapi src/openapi/admin-schema-2.4.9.yaml @ e2275b5623d47d248df025a9e2a276162e551699"),
            $"Entity names from reference/magento/{fieldsPath}; timestamps (*_at) typed datetime(\"{TimestampFormat}\"). Enums and overrides: magento.mlschema.",
        };
        yield return new GeneratedSchemaFile("magento/magento.generated.mlschema",
            SchemaWriter.Write(header, "Magento", "Magento Open Source / Adobe Commerce (REST API 2.4.9)", model.Enums, entities));
    }
}
