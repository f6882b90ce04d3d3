using MapLang.Schemas.Model;

namespace MapLang.Schemas.Import;

/// <summary>What an importer produced: the text of a schema file (empty when nothing could be read) and what went wrong.</summary>
/// <param name="EntityCount">How many entities the text declares.</param>
public sealed record SchemaImportResult(string SchemaText, IReadOnlyList<SchemaProblem> Problems, int EntityCount)
{
    public bool HasErrors => Problems.Any(p => p.Severity == SchemaProblemSeverity.Error);
}
