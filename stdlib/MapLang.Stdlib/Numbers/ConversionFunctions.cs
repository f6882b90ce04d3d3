using System.Globalization;
using MapLang.Runtime;
using MapLang.Runtime.Functions;
using MapLang.Stdlib.Dates;

namespace MapLang.Stdlib.Numbers;

/// <summary>
/// Text ↔ number/boolean conversions, always with the invariant culture: '.' is the decimal point and
/// no thousands separator is accepted (so a European "1,5" fails instead of becoming 15).
/// A null or blank text parses to null; text that is not a number fails with a <see cref="MappingException"/>.
/// </summary>
[MapFunctions("conversion")]
public static class ConversionFunctions
{
    private const NumberStyles DecimalStyle =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign
        | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private const NumberStyles IntegerStyle =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;

    [MapFunction("parseDecimal", "Parses an invariant number (\"1234.50\", \" -3 \", \"1e3\"); null or blank gives null; anything else fails.")]
    public static decimal? ParseDecimal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new MappingException($"parseDecimal: \"{text}\" is not a number (use '.' as the decimal point, no thousands separators).");
    }

    [MapFunction("parseLong", "Parses an invariant whole number (\"42\", \" -7 \"); null or blank gives null; anything else fails.")]
    public static long? ParseLong(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text, IntegerStyle, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new MappingException($"parseLong: \"{text}\" is not a whole number.");
    }

    [MapFunction("parseBool", "Parses true/false, 1/0, yes/no, y/n (any case); null or blank gives null; anything else fails.")]
    public static bool? ParseBool(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.AsSpan().Trim();
        if (t.Equals("true", StringComparison.OrdinalIgnoreCase) || t.Equals("1", StringComparison.Ordinal)
            || t.Equals("yes", StringComparison.OrdinalIgnoreCase) || t.Equals("y", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (t.Equals("false", StringComparison.OrdinalIgnoreCase) || t.Equals("0", StringComparison.Ordinal)
            || t.Equals("no", StringComparison.OrdinalIgnoreCase) || t.Equals("n", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw new MappingException($"parseBool: \"{text}\" is not a boolean (true/false, 1/0, yes/no, y/n).");
    }

    [MapFunction("isNumber", "True when parseDecimal would succeed on a non-blank text.")]
    public static bool IsNumber(string? text) =>
        !string.IsNullOrWhiteSpace(text) && decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out _);

    [MapFunction("formatNumber", "The number with exactly `decimals` places, rounded half away from zero, '.' as the point, no grouping: formatNumber(2.675, 2) = \"2.68\".")]
    public static string? FormatNumber(decimal? value, long decimals)
    {
        if (value is null)
        {
            return null;
        }

        var places = NumberFunctions.CheckDecimals("formatNumber", decimals);
        var rounded = Math.Round(value.GetValueOrDefault(), places, MidpointRounding.AwayFromZero);
        return rounded.ToString(FixedFormats.Get(places), CultureInfo.InvariantCulture);
    }

    [MapFunction("formatNumber", "The number with a .NET custom numeric pattern and the invariant culture, e.g. \"0000\" or \"#,##0.00\".")]
    public static string? FormatNumber(decimal? value, string pattern)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return value.GetValueOrDefault().ToString(pattern, CultureInfo.InvariantCulture);
        }
        catch (FormatException e)
        {
            throw new MappingException($"formatNumber: invalid pattern \"{pattern}\": {e.Message}", e);
        }
    }

    [MapFunction("toString", "The number in invariant form (\"-42\").")]
    public static string? ToString(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    [MapFunction("toString", "The number in invariant form, keeping its scale (\"12.50\"), no exponent, no grouping.")]
    public static string? ToString(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    [MapFunction("toString", "\"true\" or \"false\".")]
    public static string? ToString(bool? value) => value is null ? null : value.GetValueOrDefault() ? "true" : "false";

    [MapFunction("toString", "The date as ISO 8601 yyyy-MM-dd.")]
    public static string? ToString(DateOnly? value) => DateFunctions.ToIsoDate(value);

    [MapFunction("toString", "The instant as ISO 8601 with its offset, e.g. 2024-03-01T10:15:00+01:00 (fractions only when present).")]
    public static string? ToString(DateTimeOffset? value) => DateFunctions.ToIsoDateTime(value);

    private static class FixedFormats
    {
        private static readonly string[] Formats = CreateFormats();

        public static string Get(int places) => Formats[places];

        private static string[] CreateFormats()
        {
            var formats = new string[29];
            for (var i = 0; i < formats.Length; i++)
            {
                formats[i] = "F" + i.ToString(CultureInfo.InvariantCulture);
            }

            return formats;
        }
    }
}
