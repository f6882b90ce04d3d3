namespace MapLang.Sandbox.M3.Metadata;

public sealed record M3TransactionInfo(string Program, string Name, string Description, IReadOnlyList<M3Field> Input, IReadOnlyList<M3Field> Output)
{
    private Dictionary<string, M3Field>? _inputByName;
    private Dictionary<string, M3Field>? _outputByName;

    public M3Field? InputField(string name) =>
        (_inputByName ??= Input.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)).GetValueOrDefault(name);

    public M3Field? OutputField(string name) =>
        (_outputByName ??= Output.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)).GetValueOrDefault(name);

    /// <summary>True for List transactions (several records); M3 names them Lst*/Search*/Select*.</summary>
    public bool IsList => Name.StartsWith("Lst", StringComparison.Ordinal) || Name.StartsWith("Search", StringComparison.Ordinal) || Name.StartsWith("Sel", StringComparison.Ordinal);
}
