using MapLang.Runtime;
using MapLang.Runtime.Functions;

namespace MapLang.Stdlib.Addresses;

/// <summary>
/// ISO 3166-1 countries (all 249) and ISO 3166-2 regions of the US (with USPS military codes), Canada and Australia.
/// Every function accepts a country as alpha-2, alpha-3, numeric or English name, case-insensitive;
/// null or blank gives null, an unknown country fails with a <see cref="MappingException"/>.
/// </summary>
[MapFunctions("countries")]
public static class CountryFunctions
{
    [MapFunction("countryAlpha2", "The ISO 3166-1 alpha-2 code (\"SE\") of a country given by any code or English name.")]
    public static string? CountryAlpha2(string? country) =>
        string.IsNullOrWhiteSpace(country) ? null : CountryTable.Find("countryAlpha2", country).Alpha2;

    [MapFunction("countryAlpha3", "The ISO 3166-1 alpha-3 code (\"SWE\") of a country given by any code or English name.")]
    public static string? CountryAlpha3(string? country) =>
        string.IsNullOrWhiteSpace(country) ? null : CountryTable.Find("countryAlpha3", country).Alpha3;

    [MapFunction("countryNumeric", "The ISO 3166-1 numeric code (\"752\", three digits) of a country given by any code or English name.")]
    public static string? CountryNumeric(string? country) =>
        string.IsNullOrWhiteSpace(country) ? null : CountryTable.Find("countryNumeric", country).Numeric;

    [MapFunction("countryName", "The ISO 3166-1 English short name (\"Sweden\") of a country given by any code or name.")]
    public static string? CountryName(string? country) =>
        string.IsNullOrWhiteSpace(country) ? null : CountryTable.Find("countryName", country).Name;

    [MapFunction("isCountry", "True when the text is an ISO 3166-1 alpha-2, alpha-3 or numeric code or a known English name.")]
    public static bool IsCountry(string? country) =>
        !string.IsNullOrWhiteSpace(country) && CountryTable.TryFind(country) is not null;

    [MapFunction("regionCode", "The region code (\"NY\", \"QC\", \"NSW\") of a US, Canadian or Australian region given by code or name; for other countries the trimmed region unchanged.")]
    public static string? RegionCode(string? country, string? region)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            return null;
        }

        var alpha2 = CountryAlpha2(country);
        if (alpha2 is null || !RegionTable.HasCountry(alpha2))
        {
            return region.Trim();
        }

        return (RegionTable.TryFind(alpha2, region) ?? throw Unknown("regionCode", alpha2, region)).Code;
    }

    [MapFunction("regionName", "The English name (\"New York\") of a US, Canadian or Australian region given by code or name; for other countries the trimmed region unchanged.")]
    public static string? RegionName(string? country, string? region)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            return null;
        }

        var alpha2 = CountryAlpha2(country);
        if (alpha2 is null || !RegionTable.HasCountry(alpha2))
        {
            return region.Trim();
        }

        return (RegionTable.TryFind(alpha2, region) ?? throw Unknown("regionName", alpha2, region)).Name;
    }

    private static MappingException Unknown(string function, string alpha2, string region) =>
        new($"{function}: \"{region}\" is not a region of {alpha2} (expected an ISO 3166-2 code such as \"{RegionTable.All.First(r => r.Country == alpha2).Code}\" or its name).");
}
