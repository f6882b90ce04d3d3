namespace MapLang.Host.Connectors;

/// <summary>The configured connectors by name (<c>m3</c>, <c>magento</c>, <c>bigcommerce</c>…).</summary>
public sealed class ConnectorRegistry(IEnumerable<IConnector> connectors)
{
    private readonly Dictionary<string, IConnector> _byName = connectors.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    public IConnector Get(string name) =>
        _byName.TryGetValue(name, out var c) ? c : throw new PermanentCallException($"No connection named '{name}' is configured.");

    public bool TryGet(string name, out IConnector connector) => _byName.TryGetValue(name, out connector!);

    public IReadOnlyCollection<string> Names => _byName.Keys;
}
