using MapLang.Runtime;
using MapLang.Runtime.Functions;
using MapLang.Stdlib.Addresses;

namespace MapLang.Stdlib.Phones;

/// <summary>
/// Phone numbers to E.164 (<c>+46701234567</c>). A number with '+' (or the default country's international
/// prefix: 00, 011 in North America, 0011 in Australia, 010 in Japan, 001 in KR/HK/SG/TH, 810 in RU/KZ) keeps its
/// country code; otherwise it is national: its trunk prefix is removed (0; 1 in North America; 8 in RU/KZ/BY; 06 in HU;
/// none in IT/SM/VA, where the 0 belongs to the number) and the default country's calling code is put in front.
/// Extensions ("x123", "ext. 123") and a "(0)" after the country code are dropped. This is normalisation, not validation of numbering plans.
/// </summary>
[MapFunctions("phones")]
public static class PhoneFunctions
{
    [MapFunction("toE164", "The phone number in E.164 form (\"+15125551111\"); a number without a country code belongs to `defaultCountry` (any ISO 3166 code or name). Blank gives null.")]
    public static string? ToE164(string? phone, string defaultCountry)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var country = CountryTable.Find("toE164", defaultCountry).Alpha2;
        var callingCode = CallingCodes.ByAlpha2[country];
        var (plus, digits) = Clean(phone);
        string e164;
        if (plus)
        {
            e164 = digits;
        }
        else if (TryStripInternationalPrefix(country, digits, out var international))
        {
            e164 = international;
        }
        else
        {
            var national = StripTrunkPrefix(country, digits);
            if (callingCode == "1" && national.Length != 10)
            {
                throw new MappingException($"toE164: \"{phone}\" is not a North American number (10 digits after the optional 1).");
            }

            e164 = callingCode + national;
        }

        if (e164.Length is < 7 or > 15 || e164[0] == '0')
        {
            throw new MappingException($"toE164: \"{phone}\" does not give a valid E.164 number (got +{e164}: 7 to 15 digits, not starting with 0).");
        }

        return "+" + e164;
    }

    [MapFunction("callingCode", "The country calling code without '+' (\"46\" for SE, \"1\" for US and CA) of a country given by any ISO 3166 code or name.")]
    public static string? CallingCode(string? country) =>
        string.IsNullOrWhiteSpace(country) ? null : CallingCodes.ByAlpha2[CountryTable.Find("callingCode", country).Alpha2];

    [MapFunction("isE164", "True when the text is already E.164: '+' and 7 to 15 digits, the first not 0.")]
    public static bool IsE164(string? phone)
    {
        if (phone is null || phone.Length is < 8 or > 16 || phone[0] != '+' || phone[1] == '0')
        {
            return false;
        }

        for (var i = 1; i < phone.Length; i++)
        {
            if (!char.IsAsciiDigit(phone[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static (bool Plus, string Digits) Clean(string phone)
    {
        var text = phone.AsSpan().Trim();
        var cut = IndexOfExtension(text);
        if (cut >= 0)
        {
            text = text[..cut];
        }

        var plus = text.Length > 0 && text[0] == '+';

        // "+44 (0)20 …": the bracketed trunk prefix is dialled only nationally.
        var trunk = text.IndexOf("(0)", StringComparison.Ordinal);
        if (plus && trunk > 0)
        {
            text = string.Concat(text[..trunk], text[(trunk + 3)..]).AsSpan();
        }
        var digits = new System.Text.StringBuilder(text.Length);
        foreach (var c in plus ? text[1..] : text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '/' or '\u00A0'))
            {
                throw new MappingException($"toE164: \"{phone}\" has an unexpected character '{c}'.");
            }
        }

        return (plus, digits.ToString());
    }

    private static int IndexOfExtension(ReadOnlySpan<char> text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c is 'x' or 'X' or '#' or 'e' or 'E' or ',' or ';')
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryStripInternationalPrefix(string country, string digits, out string rest)
    {
        string prefix = country switch
        {
            "US" or "CA" or "AG" or "AI" or "AS" or "BB" or "BM" or "BS" or "DM" or "DO" or "GD" or "GU" or "JM" or "KN" or "KY"
                or "LC" or "MP" or "MS" or "PR" or "SX" or "TC" or "TT" or "UM" or "VC" or "VG" or "VI" => "011",
            "AU" => "0011",
            "JP" => "010",
            "KR" or "HK" or "SG" or "TH" => "001",
            "RU" or "KZ" => "810",
            _ => "00",
        };
        if (digits.StartsWith(prefix, StringComparison.Ordinal))
        {
            rest = digits[prefix.Length..];
            return true;
        }

        // Russia and Kazakhstan also accept 00 since the move to international dialling standards.
        if (country is "RU" or "KZ" && digits.StartsWith("00", StringComparison.Ordinal))
        {
            rest = digits[2..];
            return true;
        }

        rest = "";
        return false;
    }

    private static string StripTrunkPrefix(string country, string digits)
    {
        switch (country)
        {
            case "IT" or "SM" or "VA":
                return digits;
            case "RU" or "KZ" or "BY":
                return digits.StartsWith('8') ? digits[1..] : digits;
            case "HU":
                return digits.StartsWith("06", StringComparison.Ordinal) ? digits[2..] : digits;
        }

        if (CallingCodes.ByAlpha2[country] == "1")
        {
            return digits.Length == 11 && digits[0] == '1' ? digits[1..] : digits;
        }

        return digits.StartsWith('0') ? digits[1..] : digits;
    }
}
