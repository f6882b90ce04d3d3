using System.Globalization;

namespace MapLang.Runtime.Mapping;

/// <summary>How values appear in interpolated strings: invariant culture, ISO dates, null as nothing.</summary>
public static class Text
{
    public static string Of(string? value) => value ?? "";
    public static string Of(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
    public static string Of(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
    public static string Of(bool? value) => value is null ? "" : value.Value ? "true" : "false";
    public static string Of(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
    public static string Of(DateTimeOffset? value) => value?.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Fails clearly when text does not fit a target field (rather than leaving M3 or the store to reject it).</summary>
    public static string Fit(string value, int maxLength, string field) =>
        value.Length <= maxLength ? value
            : throw new MappingException($"{field} holds at most {maxLength} characters, but the value \"{value}\" has {value.Length}: shorten it in the map (e.g. truncate(..., {maxLength})).");

    public static string? FitOrNull(string? value, int maxLength, string field) => value is null ? null : Fit(value, maxLength, field);
}
