namespace MapLang.Runtime.Mapping;

/// <summary>One group made by <c>groupBy</c>: its key and its items in their original order.</summary>
public sealed class Group<TKey, TItem>(TKey key)
{
    public TKey Key { get; } = key;
    public List<TItem> Items { get; } = [];
}
