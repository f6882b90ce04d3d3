using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.Amazon.Orders;

/// <summary>Reads the date and list parameters of getOrders/searchOrders (ISO 8601; lists comma-separated or repeated).</summary>
internal static class OrderFilter
{
    public static DateTimeOffset? Date(IQueryCollection q, string key) =>
        q[key].ToString() is { Length: > 0 } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    public static bool BadDate(IQueryCollection q, string key) => q[key].ToString().Length > 0 && Date(q, key) is null;

    public static DateTimeOffset Date(string? s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : DateTimeOffset.MinValue;

    public static HashSet<string> List(IQueryCollection q, string key) =>
        q[key].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);

    public static int PageSize(IQueryCollection q, string key) =>
        int.TryParse(q[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 100;
}
