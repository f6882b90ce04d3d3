namespace MapLang.Host.Connectors.M3;

/// <summary>Records returned by one MI transaction, values right-trimmed.</summary>
public sealed class M3Records(List<Dictionary<string, string>> rows)
{
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows => rows;
    public int Count => rows.Count;
    public string? First(string field) => rows.Count > 0 && rows[0].TryGetValue(field, out var v) ? v : null;
}
