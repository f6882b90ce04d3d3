namespace MapLang.Host.Connectors.Amazon;

/// <summary>The last <c>capacity</c> ids seen (a set with first-in-first-out eviction): a cheap first filter before the store's own deduplication.</summary>
internal sealed class RecentIds(int capacity)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool Contains(string id)
    {
        lock (_gate) return _set.Contains(id);
    }

    public void Add(string id)
    {
        lock (_gate)
        {
            if (!_set.Add(id)) return;
            _order.Enqueue(id);
            if (_order.Count > capacity) _set.Remove(_order.Dequeue());
        }
    }
}
