using System.Collections.Concurrent;

namespace MapLang.Sandbox.Infrastructure;

/// <summary>Requests received per system and operation, for the inspection endpoint.</summary>
public sealed class RequestCounters
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, long>> _counts = new(StringComparer.OrdinalIgnoreCase);

    public void Count(string system, string operation) =>
        _counts.GetOrAdd(system, _ => new(StringComparer.OrdinalIgnoreCase)).AddOrUpdate(operation, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Snapshot() =>
        _counts.OrderBy(k => k.Key, StringComparer.Ordinal).ToDictionary(k => k.Key,
            k => (IReadOnlyDictionary<string, long>)k.Value.OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary(o => o.Key, o => o.Value));

    public void Reset() => _counts.Clear();
}
