using MapLang.Host.Connectors;
using MapLang.Host.Store;

namespace MapLang.Host.Runner;

/// <summary>The checkpoints of one run: read once when the attempt starts, each change committed before it is visible.</summary>
public sealed class RunCheckpoints(IFlowStore store, long runId, IReadOnlyDictionary<string, string> loaded) : ICheckpoints
{
    private readonly Dictionary<string, string> _values = new(loaded, StringComparer.Ordinal);

    public string? Get(string key) => _values.GetValueOrDefault(key);

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        if (_values.TryGetValue(key, out var current) && current == value) return;
        await store.SaveCheckpointAsync(runId, key, value, cancellationToken).ConfigureAwait(false);
        _values[key] = value;
    }
}
