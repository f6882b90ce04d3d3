using System.Collections.Frozen;

namespace MapLang.Stdlib.Addresses;

internal static partial class RegionTable
{
    private static FrozenDictionary<string, (string Code, string Name)> ByCountryAndKey => ByCountryAndKeyHolder.Value;

    private static FrozenSet<string> Countries => CountriesHolder.Value;


    public static bool HasCountry(string alpha2) => Countries.Contains(alpha2);

    /// <summary>The region of a country by code or name (case-insensitive), or null.</summary>
    public static (string Code, string Name)? TryFind(string alpha2, string region) =>
        ByCountryAndKey.TryGetValue(alpha2 + "|" + region.Trim(), out var found) ? found : null;

    private static FrozenDictionary<string, (string, string)> BuildIndex()
    {
        var index = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (country, code, name) in All)
        {
            index.Add(country + "|" + code, (code, name));
            index.TryAdd(country + "|" + name, (code, name));
        }

        return index.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static FrozenSet<string> BuildCountries()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (country, _, _) in All)
        {
            set.Add(country);
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }

    // A nested class so the index is built after the generated table in the other part of this partial class.
    private static class ByCountryAndKeyHolder
    {
        public static readonly FrozenDictionary<string, (string Code, string Name)> Value = BuildIndex();
    }

    // A nested class so the index is built after the generated table in the other part of this partial class.
    private static class CountriesHolder
    {
        public static readonly FrozenSet<string> Value = BuildCountries();
    }
}
