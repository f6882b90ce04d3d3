using System.Runtime.CompilerServices;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Services.Hover;

/// <summary>
/// What M3's cryptic four-letter field names mean (CUNO, ORQT, WHLO), gathered from every M3 transaction of a
/// catalog: the most common description wins. Built once per catalog.
/// </summary>
public static class M3Glossary
{
    private static readonly ConditionalWeakTable<SchemaCatalog, IReadOnlyDictionary<string, string>> Cache = new();

    public static string? Meaning(SchemaCatalog schemas, string fieldName) =>
        Cache.GetValue(schemas, Build).GetValueOrDefault(fieldName);

    public static bool LooksLikeM3Field(string name) =>
        name.Length is >= 4 and <= 6 && name.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9') && char.IsLetter(name[0]);

    private static IReadOnlyDictionary<string, string> Build(SchemaCatalog schemas)
    {
        if (schemas.FindSystem("M3") is not { } m3) return new Dictionary<string, string>();
        return m3.Entities.Values
            .SelectMany(e => e.Fields.Concat(e.Output ?? []))
            .Where(f => !string.IsNullOrWhiteSpace(f.Description))
            .GroupBy(f => f.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(f => f.Description!.Trim(), StringComparer.Ordinal)
                .OrderByDescending(d => d.Count()).ThenBy(d => d.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);
    }
}
