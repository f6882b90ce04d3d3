using System.Collections.Frozen;
using MapLang.Runtime;

namespace MapLang.Stdlib.Addresses;

internal static partial class CountryTable
{
    // Alpha-2, alpha-3, numeric, names and aliases share one table: their lengths or forms never collide.
    private static FrozenDictionary<string, Country> ByAnyKey => ByAnyKeyHolder.Value;


    public static Country? TryFind(string text)
    {
        var key = text.Trim();
        return ByAnyKey.TryGetValue(key, out var country) ? country : null;
    }

    public static Country Find(string function, string text) =>
        TryFind(text) ?? throw new MappingException(
            $"{function}: \"{text}\" is not an ISO 3166-1 country (expected an alpha-2 code like \"SE\", alpha-3 like \"SWE\", numeric like \"752\" or an English name).");

    private static FrozenDictionary<string, Country> BuildIndex()
    {
        var index = new Dictionary<string, Country>(StringComparer.OrdinalIgnoreCase);
        var byAlpha2 = new Dictionary<string, Country>(StringComparer.Ordinal);
        foreach (var c in All)
        {
            index.Add(c.Alpha2, c);
            index.Add(c.Alpha3, c);
            index.Add(c.Numeric, c);
            index.TryAdd(c.Name, c);
            byAlpha2.Add(c.Alpha2, c);
        }

        foreach (var (name, alpha2) in Aliases)
        {
            index.TryAdd(name, byAlpha2[alpha2]);
        }

        return index.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    // A nested class so the index is built after the generated table in the other part of this partial class.
    private static class ByAnyKeyHolder
    {
        public static readonly FrozenDictionary<string, Country> Value = BuildIndex();
    }
}
