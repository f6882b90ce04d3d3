namespace MapLang.Sandbox.M3.Engine;

/// <summary>Which transactions the sandbox simulates; the rest of the catalogue answers "not simulated".</summary>
public sealed class M3TransactionRegistry
{
    private readonly Dictionary<string, M3Handler> _handlers = new(StringComparer.Ordinal);

    public void Add(string program, string transaction, M3Handler handler) => _handlers[program + "/" + transaction] = handler;

    public M3Handler? Find(string program, string transaction) => _handlers.GetValueOrDefault(program + "/" + transaction);

    public IEnumerable<string> Simulated => _handlers.Keys.Order(StringComparer.Ordinal);
}
