namespace MapLang.Runtime.Mapping;

/// <summary>
/// List operations for generated code. A missing list (null) behaves as an empty one. Plain loops, no LINQ:
/// these run per record on the host's hot path.
/// </summary>
public static class Seq
{
    public static List<T> Filter<T>(List<T>? list, Func<T, bool> predicate)
    {
        var result = new List<T>();
        if (list is null) return result;
        foreach (var item in list) if (predicate(item)) result.Add(item);
        return result;
    }

    public static List<TResult> Select<T, TResult>(List<T>? list, Func<T, TResult> selector)
    {
        if (list is null) return [];
        var result = new List<TResult>(list.Count);
        foreach (var item in list) result.Add(selector(item));
        return result;
    }

    public static long Count<T>(List<T>? list) => list?.Count ?? 0;

    public static long Count<T>(List<T>? list, Func<T, bool> predicate)
    {
        long n = 0;
        if (list is null) return 0;
        foreach (var item in list) if (predicate(item)) n++;
        return n;
    }

    public static bool Any<T>(List<T>? list) => list is { Count: > 0 };

    public static bool Any<T>(List<T>? list, Func<T, bool> predicate)
    {
        if (list is null) return false;
        foreach (var item in list) if (predicate(item)) return true;
        return false;
    }

    public static bool All<T>(List<T>? list, Func<T, bool> predicate)
    {
        if (list is null) return true;
        foreach (var item in list) if (!predicate(item)) return false;
        return true;
    }

    public static T? First<T>(List<T>? list) where T : class => list is { Count: > 0 } ? list[0] : null;

    public static T? First<T>(List<T>? list, Func<T, bool> predicate) where T : class
    {
        if (list is null) return null;
        foreach (var item in list) if (predicate(item)) return item;
        return null;
    }

    public static T? FirstValue<T>(List<T>? list) where T : struct => list is { Count: > 0 } ? list[0] : null;

    public static T? FirstValue<T>(List<T>? list, Func<T, bool> predicate) where T : struct
    {
        if (list is null) return null;
        foreach (var item in list) if (predicate(item)) return item;
        return null;
    }

    public static T? At<T>(List<T>? list, long index) where T : class =>
        list is not null && index >= 0 && index < list.Count ? list[(int)index] : null;

    public static T? AtValue<T>(List<T>? list, long index) where T : struct =>
        list is not null && index >= 0 && index < list.Count ? list[(int)index] : null;

    public static decimal Sum<T>(List<T>? list, Func<T, decimal?> selector)
    {
        decimal total = 0;
        if (list is null) return 0;
        foreach (var item in list) total += selector(item) ?? 0;
        return total;
    }

    public static long SumInt<T>(List<T>? list, Func<T, long?> selector)
    {
        long total = 0;
        if (list is null) return 0;
        foreach (var item in list) total = checked(total + (selector(item) ?? 0));
        return total;
    }

    public static TValue? Min<T, TValue>(List<T>? list, Func<T, TValue?> selector) where TValue : struct, IComparable<TValue> =>
        Extreme(list, selector, -1);

    public static TValue? Max<T, TValue>(List<T>? list, Func<T, TValue?> selector) where TValue : struct, IComparable<TValue> =>
        Extreme(list, selector, 1);

    private static TValue? Extreme<T, TValue>(List<T>? list, Func<T, TValue?> selector, int sign) where TValue : struct, IComparable<TValue>
    {
        TValue? best = null;
        if (list is null) return null;
        foreach (var item in list)
        {
            if (selector(item) is not { } value) continue;
            if (best is null || value.CompareTo(best.Value) * sign > 0) best = value;
        }
        return best;
    }

    public static List<Group<TKey, T>> GroupBy<T, TKey>(List<T>? list, Func<T, TKey> key)
    {
        var groups = new List<Group<TKey, T>>();
        if (list is null) return groups;
        var index = new Dictionary<NullableKey<TKey>, Group<TKey, T>>();
        foreach (var item in list)
        {
            var k = key(item);
            if (!index.TryGetValue(new NullableKey<TKey>(k), out var group))
            {
                group = new Group<TKey, T>(k);
                index[new NullableKey<TKey>(k)] = group;
                groups.Add(group);
            }
            group.Items.Add(item);
        }
        return groups;
    }

    /// <summary>Lets null be a group key.</summary>
    private readonly record struct NullableKey<TKey>(TKey Value);
}
