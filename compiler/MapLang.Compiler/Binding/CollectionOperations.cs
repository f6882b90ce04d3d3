namespace MapLang.Compiler.Binding;

/// <summary>The operations lists offer, by the name users write after the dot.</summary>
public static class CollectionOperations
{
    private static readonly Dictionary<string, (CollectionOperation Operation, string Doc)> ByName = new(StringComparer.Ordinal)
    {
        ["filter"] = (CollectionOperation.Filter, "filter(condition): the items for which the condition holds."),
        ["map"] = (CollectionOperation.Select, "map(MapName) applies a map to each item; map(expression) computes a value per item."),
        ["sum"] = (CollectionOperation.Sum, "sum(expression): the total over the items (nulls count as nothing); sum() adds a list of numbers."),
        ["count"] = (CollectionOperation.Count, "count() or count(condition): how many items (for which the condition holds)."),
        ["first"] = (CollectionOperation.First, "first() or first(condition): the first item (for which the condition holds), or null."),
        ["any"] = (CollectionOperation.Any, "any() or any(condition): whether there is an item (for which the condition holds)."),
        ["all"] = (CollectionOperation.All, "all(condition): whether the condition holds for every item (true for none)."),
        ["groupBy"] = (CollectionOperation.GroupBy, "groupBy(key): groups with `key` and `items`, in order of first appearance, to aggregate lines."),
        ["min"] = (CollectionOperation.Min, "min(expression): the smallest value over the items, or null when there are none."),
        ["max"] = (CollectionOperation.Max, "max(expression): the largest value over the items, or null when there are none."),
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryGet(string name, out CollectionOperation operation)
    {
        var found = ByName.TryGetValue(name, out var entry);
        operation = entry.Operation;
        return found;
    }

    public static string Doc(string name) => ByName.TryGetValue(name, out var entry) ? entry.Doc : "";
}
