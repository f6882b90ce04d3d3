using MapLang.Schemas.Model;
using MapLang.Schemas.Writing;

namespace MapLang.Schemas.Import;

/// <summary>
/// <c>maplang schema import m3 &lt;metadata&gt;</c>: turns M3 metadata (see <see cref="M3MetadataReader"/>) into a schema file of
/// system <c>M3</c> with one entity per transaction, named <c>PROGRAM.Transaction</c>: its input fields, and its reply in <c>output { }</c>.
/// </summary>
public static class M3SchemaImporter
{
    public const string SystemName = "M3";
    public const string SystemDescription = "Infor M3 Business Engine";

    public static SchemaImportResult Import(string metadataText, string sourcePath, M3TypeRules? rules = null)
    {
        var problems = new List<SchemaProblem>();
        var programs = M3MetadataReader.Read(metadataText, sourcePath, problems);
        if (programs.Count == 0) return new SchemaImportResult("", problems, 0);
        var entities = programs.SelectMany(p => ToEntities(p, rules ?? new M3TypeRules())).ToArray();
        var header = new List<string> { $"Imported by 'maplang schema import m3' from {Path.GetFileName(sourcePath)}." };
        return new SchemaImportResult(SchemaWriter.Write(header, SystemName, SystemDescription, [], entities), problems, entities.Length);
    }

    /// <summary>One entity per transaction, in the metadata's order.</summary>
    public static IEnumerable<EntitySchema> ToEntities(M3ProgramMetadata program, M3TypeRules rules)
    {
        foreach (var t in program.Transactions)
        {
            yield return new EntitySchema(SystemName, $"{t.Program}.{t.Name}", t.Description,
                Fields(t.Input, rules, inputs: true), t.Output is null ? null : Fields(t.Output, rules, inputs: false), [], null);
        }
    }

    private static FieldSchema[] Fields(IReadOnlyList<M3FieldMetadata> fields, M3TypeRules rules, bool inputs)
    {
        // Metadata occasionally repeats a field; the first occurrence wins.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return fields.Where(f => seen.Add(f.Name))
            .Select(f => new FieldSchema(SchemaWriter.ToIdentifier(f.Name), rules.TypeOf(f), inputs && f.Required, false, f.Description, null,
                SchemaWriter.ToIdentifier(f.Name) == f.Name ? null : f.Name))
            .ToArray();
    }
}
