using MapLang.Runtime;
using MapLang.Runtime.Functions;

namespace MapLang.Stdlib.Currencies;

/// <summary>
/// ISO 4217 currencies and minor units (JPY 0, USD 2, KWD 3). Money is decimal. A currency is given by its
/// alphabetic or numeric code, case-insensitive; an unknown code fails with a <see cref="MappingException"/>.
/// </summary>
[MapFunctions("currencies")]
public static class CurrencyFunctions
{
    private static readonly decimal[] Powers = [1m, 10m, 100m, 1000m, 10000m];

    [MapFunction("isCurrency", "True when the text is an ISO 4217 alphabetic or numeric currency code.")]
    public static bool IsCurrency(string? code) => !string.IsNullOrWhiteSpace(code) && CurrencyTable.TryFind(code) is not null;

    [MapFunction("currencyCode", "The ISO 4217 alphabetic code (\"EUR\") of a currency given by alphabetic or numeric code (\"978\").")]
    public static string? CurrencyCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : CurrencyTable.Find("currencyCode", code).Code;

    [MapFunction("currencyName", "The ISO 4217 English name of a currency (\"Kuwaiti Dinar\").")]
    public static string? CurrencyName(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : CurrencyTable.Find("currencyName", code).Name;

    [MapFunction("minorUnits", "The number of decimal places of the currency's minor unit: JPY 0, USD 2, KWD 3.")]
    public static long MinorUnits(string currency) => CurrencyTable.MinorUnits("minorUnits", currency);

    [MapFunction("toMinorUnits", "The amount in minor units (cents): toMinorUnits(12.34, \"USD\") = 1234, JPY 500 = 500, KWD 1.234 = 1234; finer amounts are rounded half away from zero.")]
    public static long? ToMinorUnits(decimal? amount, string currency)
    {
        var places = CurrencyTable.MinorUnits("toMinorUnits", currency);
        if (amount is null)
        {
            return null;
        }

        var scaled = Math.Round(amount.GetValueOrDefault() * Powers[places], 0, MidpointRounding.AwayFromZero);
        if (scaled is < long.MinValue or > long.MaxValue)
        {
            throw new MappingException($"toMinorUnits: {amount} {currency} does not fit a long in minor units.");
        }

        return (long)scaled;
    }

    [MapFunction("fromMinorUnits", "The amount of minor units (cents) in the currency, with the currency's scale: fromMinorUnits(1234, \"USD\") = 12.34.")]
    public static decimal? FromMinorUnits(long? minorUnits, string currency)
    {
        var places = CurrencyTable.MinorUnits("fromMinorUnits", currency);
        if (minorUnits is null)
        {
            return null;
        }

        // Built from the integer and the scale so the result keeps the currency's places (12.30, not 12.3).
        var m = minorUnits.GetValueOrDefault();
        var magnitude = m < 0 ? (ulong)(-(m + 1)) + 1 : (ulong)m;
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, m < 0, (byte)places);
    }

    [MapFunction("roundMoney", "Rounds the amount to the currency's minor unit, half away from zero: roundMoney(2.675, \"USD\") = 2.68, roundMoney(99.5, \"JPY\") = 100.")]
    public static decimal? RoundMoney(decimal? amount, string currency)
    {
        var places = CurrencyTable.MinorUnits("roundMoney", currency);
        return amount is null ? null : Math.Round(amount.GetValueOrDefault(), places, MidpointRounding.AwayFromZero);
    }
}
