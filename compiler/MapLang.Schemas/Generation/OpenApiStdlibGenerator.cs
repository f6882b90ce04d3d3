using MapLang.Schemas.Import;
using MapLang.Schemas.Model;
using MapLang.Schemas.Writing;

namespace MapLang.Schemas.Generation;

/// <summary>One spec of a store to import into a generated stdlib file.</summary>
/// <param name="Spec">Path under reference/ (e.g. <c>bigcommerce/spec/orders.v2.oas2.yml</c>).</param>
/// <param name="Roots">Schema name in the spec → entity name; these and what they reference are imported.</param>
internal sealed record StoreSpec(string Spec, string OutputFile, IReadOnlyList<(string Schema, string Entity)> Roots, string? RootEntityName = null);

/// <summary>Generates a store's stdlib files from its OpenAPI / JSON Schema specs, one file per spec, with names unique across the system.</summary>
internal static class OpenApiStdlibGenerator
{
    public static IEnumerable<GeneratedSchemaFile> Generate(
        string referenceRoot, string system, string description, string provenance, IReadOnlyList<StoreSpec> specs,
        List<SchemaProblem> problems, Func<EntitySchema, EntitySchema>? adjust = null)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in specs) foreach (var (_, entity) in spec.Roots) used.Add(entity);
        if (specs.Any(s => s.RootEntityName is not null)) foreach (var s in specs) if (s.RootEntityName is { } r) used.Add(r);
        foreach (var spec in specs)
        {
            var text = File.ReadAllText(Path.Combine(referenceRoot, spec.Spec));
            var ownNames = spec.Roots.Select(r => r.Entity).Append(spec.RootEntityName).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var options = new OpenApiImportOptions(system, description,
                spec.RootEntityName is null ? spec.Roots.Select(r => r.Schema).ToArray() : null,
                spec.Roots.ToDictionary(r => r.Schema, r => r.Entity, StringComparer.Ordinal))
            {
                ReservedNames = used.Except(ownNames).ToHashSet(StringComparer.Ordinal),
                RootEntityName = spec.RootEntityName,
            };
            var model = OpenApiImporter.Read(text, $"reference/{spec.Spec}", options);
            problems.AddRange(model.Problems);
            foreach (var e in model.Entities) used.Add(e.Name);
            foreach (var e in model.Enums) used.Add(e.Name);
            var header = new[]
            {
                StdlibGenerator.Header($"reference/{spec.Spec}", provenance),
                $"{model.Title}{(string.IsNullOrEmpty(model.Version) ? "" : " " + model.Version)}: " +
                string.Join(", ", spec.Roots.Select(r => r.Entity).Append(spec.RootEntityName).OfType<string>()) + " and what they reference.",
            };
            yield return new GeneratedSchemaFile(spec.OutputFile,
                SchemaWriter.Write(header, system, description, model.Enums, adjust is null ? model.Entities : model.Entities.Select(adjust)));
        }
    }
}
