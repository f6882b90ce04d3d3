using System.Text.Json;
using MapLang.Sandbox.Infrastructure;

namespace MapLang.Sandbox.M3.Metadata;

/// <summary>The MI program metadata embedded from reference/m3/*.json (22 programs).</summary>
public sealed class M3Catalog
{
    private readonly Dictionary<string, M3ProgramInfo> _programs;

    private M3Catalog(Dictionary<string, M3ProgramInfo> programs) => _programs = programs;

    public static M3Catalog Instance { get; } = Load();

    public IEnumerable<M3ProgramInfo> Programs => _programs.Values;

    public M3ProgramInfo? Program(string name) => _programs.GetValueOrDefault(name.ToUpperInvariant());

    public M3TransactionInfo? Transaction(string program, string transaction) =>
        Program(program)?.Transactions.GetValueOrDefault(transaction);

    private static M3Catalog Load()
    {
        var programs = new Dictionary<string, M3ProgramInfo>(StringComparer.Ordinal);
        foreach (var resource in EmbeddedReference.List("reference/m3/"))
        {
            if (resource.Contains("/examples/", StringComparison.Ordinal)) continue;
            using var doc = JsonDocument.Parse(EmbeddedReference.ReadText(resource));
            var root = doc.RootElement;
            var name = root.GetProperty("program").GetString()!;
            var transactions = new Dictionary<string, M3TransactionInfo>(StringComparer.Ordinal);
            foreach (var t in root.GetProperty("transactions").EnumerateArray())
            {
                var tname = t.GetProperty("name").GetString()!;
                transactions[tname] = new M3TransactionInfo(name, tname, t.GetProperty("description").GetString() ?? "",
                    Fields(t.GetProperty("input")), Fields(t.GetProperty("output")));
            }
            programs[name] = new M3ProgramInfo(name, root.GetProperty("description").GetString() ?? "", transactions);
        }
        return new M3Catalog(programs);
    }

    private static List<M3Field> Fields(JsonElement array) => array.EnumerateArray().Select(f => new M3Field(
        f.GetProperty("name").GetString()!,
        f.GetProperty("description").GetString() ?? "",
        (f.GetProperty("type").GetString() ?? "A")[0],
        f.GetProperty("length").ValueKind == JsonValueKind.Number ? f.GetProperty("length").GetInt32() : null,
        f.GetProperty("required").ValueKind == JsonValueKind.True)).ToList();
}
