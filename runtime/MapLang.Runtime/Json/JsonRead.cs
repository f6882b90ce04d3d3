using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MapLang.Runtime.Json;

/// <summary>
/// Reads one JSON value of a source field for generated code, forgiving in the ways real payloads need
/// (numbers sent as text, "1.0000" quantities, integral decimals) and strict otherwise: a value that does not
/// fit raises a <see cref="MappingException"/> naming the field and the value.
/// </summary>
public static class JsonRead
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string? String(ref Utf8JsonReader r, string field) => r.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => r.GetString(),
        JsonTokenType.Number => Raw(ref r),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw Mismatch(ref r, field, "text"),
    };

    public static long? Int64(ref Utf8JsonReader r, string field)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (r.TryGetInt64(out var l)) return l;
                if (r.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue) return (long)d;
                throw Mismatch(ref r, field, "a whole number");
            case JsonTokenType.String:
                var s = r.GetString()!.Trim();
                if (s.Length == 0) return null;
                if (long.TryParse(s, NumberStyles.AllowLeadingSign, Invariant, out l)) return l;
                if (decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Invariant, out d) && d == decimal.Truncate(d)) return (long)d;
                throw Mismatch(ref r, field, "a whole number");
            case JsonTokenType.True:
                return 1;
            case JsonTokenType.False:
                return 0;
            default:
                throw Mismatch(ref r, field, "a whole number");
        }
    }

    public static decimal? Decimal(ref Utf8JsonReader r, string field)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (r.TryGetDecimal(out var d)) return d;
                throw Mismatch(ref r, field, "a decimal number");
            case JsonTokenType.String:
                var s = r.GetString()!.Trim();
                if (s.Length == 0) return null;
                if (decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, Invariant, out d)) return d;
                throw Mismatch(ref r, field, "a decimal number");
            default:
                throw Mismatch(ref r, field, "a decimal number");
        }
    }

    public static bool? Bool(ref Utf8JsonReader r, string field)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Number when r.TryGetInt64(out var n) && n is 0 or 1: return n == 1;
            case JsonTokenType.String:
                switch (r.GetString()!.Trim().ToLowerInvariant())
                {
                    case "": return null;
                    case "true" or "1" or "yes": return true;
                    case "false" or "0" or "no": return false;
                }
                break;
        }
        throw Mismatch(ref r, field, "true or false");
    }

    /// <summary>A date in <paramref name="format"/> (e.g. M3's yyyyMMdd), or ISO 8601; a date-time's date part is accepted too.</summary>
    public static DateOnly? Date(ref Utf8JsonReader r, string? format, string field)
    {
        if (r.TokenType == JsonTokenType.Null) return null;
        if (r.TokenType is not (JsonTokenType.String or JsonTokenType.Number)) throw Mismatch(ref r, field, "a date");
        var s = (r.TokenType == JsonTokenType.String ? r.GetString()! : Raw(ref r)).Trim();
        if (s.Length == 0) return null;
        if (format is not null && DateOnly.TryParseExact(s, format, Invariant, DateTimeStyles.None, out var date)) return date;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out date)) return date;
        if (DateTimeOffset.TryParse(s, Invariant, DateTimeStyles.AssumeUniversal, out var dt)) return DateOnly.FromDateTime(dt.DateTime);
        throw Mismatch(ref r, field, format is null ? "an ISO 8601 date" : $"a date in the format {format}");
    }

    /// <summary>A date-time in <paramref name="format"/> (read as UTC, as Magento writes them), or ISO 8601 (UTC when it has no offset).</summary>
    public static DateTimeOffset? DateTime(ref Utf8JsonReader r, string? format, string field)
    {
        if (r.TokenType == JsonTokenType.Null) return null;
        if (r.TokenType != JsonTokenType.String) throw Mismatch(ref r, field, "a date-time");
        var s = r.GetString()!.Trim();
        if (s.Length == 0) return null;
        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (format is not null && DateTimeOffset.TryParseExact(s, format, Invariant, utc, out var dt)) return dt;
        if (DateTimeOffset.TryParse(s, Invariant, utc, out dt)) return dt;
        throw Mismatch(ref r, field, format is null ? "an ISO 8601 date-time" : $"a date-time in the format {format}");
    }

    /// <summary>Any JSON value as its text: for fields the schema does not describe.</summary>
    public static string? Any(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.Null) return null;
        if (r.TokenType == JsonTokenType.String) return r.GetString();
        using var document = JsonDocument.ParseValue(ref r);
        return document.RootElement.GetRawText();
    }

    public static MappingException NotAnObject(ref Utf8JsonReader r, string entity) =>
        new($"{entity}: expected a JSON object, found {Describe(ref r)}.");

    public static MappingException NotAList(ref Utf8JsonReader r, string field) =>
        new($"{field}: expected a JSON array, found {Describe(ref r)}.");

    public static MappingException Missing(string entity, string field) =>
        new($"{entity}.{field} is required but missing (or null) in the payload.");

    private static MappingException Mismatch(ref Utf8JsonReader r, string field, string expected) =>
        new($"{field}: expected {expected}, found {Describe(ref r)}.");

    private static string Describe(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.String => $"\"{Shorten(r.GetString()!)}\"",
        JsonTokenType.Number => Raw(ref r),
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => r.TokenType.ToString(),
    };

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    private static string Raw(ref Utf8JsonReader r) =>
        r.HasValueSequence ? Encoding.UTF8.GetString(r.ValueSequence.ToArray()) : Encoding.UTF8.GetString(r.ValueSpan);
}
