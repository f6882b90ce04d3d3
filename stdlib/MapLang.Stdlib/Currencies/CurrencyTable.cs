using System.Collections.Frozen;
using MapLang.Runtime;

namespace MapLang.Stdlib.Currencies;

internal static partial class CurrencyTable
{
    private static FrozenDictionary<string, Currency> ByCode => ByCodeHolder.Value;


    public static Currency? TryFind(string code) => ByCode.TryGetValue(code.Trim(), out var c) ? c : null;

    public static Currency Find(string function, string code) =>
        TryFind(code) ?? throw new MappingException($"{function}: \"{code}\" is not an ISO 4217 currency code (e.g. \"USD\", \"EUR\", \"978\").");

    /// <summary>The currency's minor units, failing for currencies without one (precious metals, test codes).</summary>
    public static int MinorUnits(string function, string code)
    {
        var c = Find(function, code);
        if (c.MinorUnits < 0)
        {
            throw new MappingException($"{function}: {c.Code} ({c.Name}) has no minor unit in ISO 4217.");
        }

        return c.MinorUnits;
    }

    private static FrozenDictionary<string, Currency> BuildIndex()
    {
        var index = new Dictionary<string, Currency>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in All)
        {
            index.Add(c.Code, c);
            // A withdrawn currency and its successor can share a numeric code (ANG and XCG: 532): the first listed wins.
            index.TryAdd(c.Numeric, c);
        }

        return index.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    // A nested class so the index is built after the generated table in the other part of this partial class.
    private static class ByCodeHolder
    {
        public static readonly FrozenDictionary<string, Currency> Value = BuildIndex();
    }
}
