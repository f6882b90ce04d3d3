using System.Globalization;
using MapLang.Runtime;
using MapLang.Runtime.Functions;

namespace MapLang.Stdlib.Dates;

/// <summary>
/// Dates and instants. Pure functions: there is no today/now here — the current time belongs to the flow
/// (the trigger's timestamp), so a mapping gives the same output for the same input on every run.
/// A null input gives a null result; unparsable text fails with a <see cref="MappingException"/>.
/// </summary>
[MapFunctions("dates")]
public static class DateFunctions
{
    private static readonly string[] IsoDateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss'Z'", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mmzzz", "yyyy-MM-dd HH:mm'Z'", "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd",
    ];

    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowLeadingWhite | DateTimeStyles.AllowTrailingWhite;

    [MapFunction("parseDate", "Parses an ISO 8601 date yyyy-MM-dd; null or blank gives null.")]
    public static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.AsSpan().Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new MappingException($"parseDate: \"{text}\" is not an ISO 8601 date (yyyy-MM-dd).");
    }

    [MapFunction("parseDate", "Parses a date with a .NET custom pattern (e.g. \"dd.MM.yyyy\"), invariant culture; null or blank gives null.")]
    public static DateOnly? ParseDate(string? text, string pattern)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.AsSpan().Trim(), pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new MappingException($"parseDate: \"{text}\" does not match the pattern \"{pattern}\".");
    }

    [MapFunction("parseDateTime", "Parses ISO 8601 (2024-03-01T10:15:00+01:00, …Z, or with a space instead of T); without an offset the time is UTC.")]
    public static DateTimeOffset? ParseDateTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text, IsoDateTimeFormats, CultureInfo.InvariantCulture, Utc, out var value))
        {
            return value;
        }

        throw new MappingException($"parseDateTime: \"{text}\" is not an ISO 8601 date and time (e.g. 2024-03-01T10:15:00Z).");
    }

    [MapFunction("parseDateTime", "Parses a local date and time with a .NET custom pattern, read as the clock in the IANA `timeZone` (e.g. \"Europe/Stockholm\").")]
    public static DateTimeOffset? ParseDateTime(string? text, string pattern, string timeZone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var zone = TimeZones.Find(timeZone);
        if (DateTime.TryParseExact(text.Trim(), pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return TimeZones.AtLocal(local, zone);
        }

        throw new MappingException($"parseDateTime: \"{text}\" does not match the pattern \"{pattern}\".");
    }

    [MapFunction("parseMagentoDateTime", "Parses Magento's \"yyyy-MM-dd HH:mm:ss\" (created_at, updated_at), which is UTC.")]
    public static DateTimeOffset? ParseMagentoDateTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTime.TryParseExact(text.AsSpan().Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var utc))
        {
            return new DateTimeOffset(utc, TimeSpan.Zero);
        }

        throw new MappingException($"parseMagentoDateTime: \"{text}\" is not a Magento date and time (yyyy-MM-dd HH:mm:ss).");
    }

    [MapFunction("toMagentoDateTime", "Formats as Magento's \"yyyy-MM-dd HH:mm:ss\" in UTC.")]
    public static string? ToMagentoDateTime(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [MapFunction("toIsoDate", "Formats as ISO 8601 yyyy-MM-dd.")]
    public static string? ToIsoDate(DateOnly? value) =>
        value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [MapFunction("toIsoDateTime", "Formats as ISO 8601 with the value's offset (\"Z\" for UTC), fractions of a second only when present.")]
    public static string? ToIsoDateTime(DateTimeOffset? value)
    {
        if (value is null)
        {
            return null;
        }

        var v = value.GetValueOrDefault();
        return v.Offset == TimeSpan.Zero
            ? v.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : v.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
    }

    [MapFunction("toM3Date", "Formats as M3's yyyyMMdd.")]
    public static string? ToM3Date(DateOnly? value) =>
        value?.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    [MapFunction("toM3Date", "The date of the instant on the clock of the IANA `timeZone` (e.g. the warehouse's), as M3's yyyyMMdd.")]
    public static string? ToM3Date(DateTimeOffset? value, string timeZone) =>
        value is null ? null : ToM3Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(value.GetValueOrDefault(), TimeZones.Find(timeZone)).DateTime));

    [MapFunction("toM3Time", "The time of the instant on the clock of the IANA `timeZone`, as M3's HHmmss.")]
    public static string? ToM3Time(DateTimeOffset? value, string timeZone) =>
        value is null ? null : TimeZoneInfo.ConvertTime(value.GetValueOrDefault(), TimeZones.Find(timeZone)).ToString("HHmmss", CultureInfo.InvariantCulture);

    [MapFunction("fromM3Date", "Parses M3's yyyyMMdd; blank, \"0\" and \"00000000\" (M3's 'no date') give null.")]
    public static DateOnly? FromM3Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.AsSpan().Trim();
        if (t is "0" or "00000000")
        {
            return null;
        }

        if (DateOnly.TryParseExact(t, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new MappingException($"fromM3Date: \"{text}\" is not an M3 date (yyyyMMdd).");
    }

    [MapFunction("fromM3DateTime", "Combines M3's yyyyMMdd date and HHmmss (or HHmm) time, read as the clock in the IANA `timeZone`; a blank time is midnight.")]
    public static DateTimeOffset? FromM3DateTime(string? date, string? time, string timeZone)
    {
        var d = FromM3Date(date);
        if (d is null)
        {
            return null;
        }

        var zone = TimeZones.Find(timeZone);
        var t = TimeOnly.MinValue;
        if (!string.IsNullOrWhiteSpace(time))
        {
            // M3 time fields are numeric, so leading zeros are often lost: "93000" is 09:30:00.
            var digits = time.Trim();
            var padded = digits.Length switch { <= 4 => digits.PadLeft(4, '0') + "00", _ => digits.PadLeft(6, '0') };
            if (padded.Length != 6 || !TimeOnly.TryParseExact(padded, "HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out t))
            {
                throw new MappingException($"fromM3DateTime: \"{time}\" is not an M3 time (HHmmss or HHmm).");
            }
        }

        return TimeZones.AtLocal(d.GetValueOrDefault().ToDateTime(t), zone);
    }

    [MapFunction("toTimeZone", "The same instant on the clock of the IANA `timeZone` (e.g. \"America/Chicago\" for a warehouse).")]
    public static DateTimeOffset? ToTimeZone(DateTimeOffset? value, string timeZone) =>
        value is null ? null : TimeZoneInfo.ConvertTime(value.GetValueOrDefault(), TimeZones.Find(timeZone));

    [MapFunction("toUtc", "The same instant with offset zero.")]
    public static DateTimeOffset? ToUtc(DateTimeOffset? value) => value?.ToUniversalTime();

    [MapFunction("toDate", "The calendar date of the instant at its own offset.")]
    public static DateOnly? ToDate(DateTimeOffset? value) =>
        value is null ? null : DateOnly.FromDateTime(value.GetValueOrDefault().DateTime);

    [MapFunction("toDate", "The calendar date of the instant on the clock of the IANA `timeZone`.")]
    public static DateOnly? ToDate(DateTimeOffset? value, string timeZone) =>
        value is null ? null : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(value.GetValueOrDefault(), TimeZones.Find(timeZone)).DateTime);

    [MapFunction("startOfDay", "Midnight at the start of the date in the IANA `timeZone`, as an instant.")]
    public static DateTimeOffset? StartOfDay(DateOnly? value, string timeZone) =>
        value is null ? null : TimeZones.AtLocal(value.GetValueOrDefault().ToDateTime(TimeOnly.MinValue), TimeZones.Find(timeZone));

    [MapFunction("addDays", "The date `days` later (negative: earlier).")]
    public static DateOnly? AddDays(DateOnly? value, long days)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return value.GetValueOrDefault().AddDays(checked((int)days));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw OutOfRange("addDays", e);
        }
    }

    [MapFunction("addDays", "The instant `days` × 24 h later (negative: earlier).")]
    public static DateTimeOffset? AddDays(DateTimeOffset? value, long days)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return value.GetValueOrDefault().AddDays(days);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw OutOfRange("addDays", e);
        }
    }

    [MapFunction("addMonths", "The date `months` later; the day is clamped to the month's end (Jan 31 + 1 month = Feb 28/29).")]
    public static DateOnly? AddMonths(DateOnly? value, long months)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return value.GetValueOrDefault().AddMonths(checked((int)months));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw OutOfRange("addMonths", e);
        }
    }

    [MapFunction("addHours", "The instant `hours` later (negative: earlier).")]
    public static DateTimeOffset? AddHours(DateTimeOffset? value, long hours)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return value.GetValueOrDefault().AddHours(hours);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw OutOfRange("addHours", e);
        }
    }

    [MapFunction("addMinutes", "The instant `minutes` later (negative: earlier).")]
    public static DateTimeOffset? AddMinutes(DateTimeOffset? value, long minutes)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return value.GetValueOrDefault().AddMinutes(minutes);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw OutOfRange("addMinutes", e);
        }
    }

    [MapFunction("daysBetween", "Whole days from `from` to `to` (negative when `to` is earlier).")]
    public static long? DaysBetween(DateOnly? from, DateOnly? to) =>
        from is null || to is null ? null : to.GetValueOrDefault().DayNumber - from.GetValueOrDefault().DayNumber;

    [MapFunction("formatDate", "Formats with a .NET custom pattern (e.g. \"dd.MM.yyyy\") and the invariant culture.")]
    public static string? FormatDate(DateOnly? value, string pattern)
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
            throw new MappingException($"formatDate: invalid pattern \"{pattern}\": {e.Message}", e);
        }
    }

    [MapFunction("formatDate", "Formats with a .NET custom pattern and the invariant culture, on the value's own offset (use toTimeZone first).")]
    public static string? FormatDate(DateTimeOffset? value, string pattern)
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
            throw new MappingException($"formatDate: invalid pattern \"{pattern}\": {e.Message}", e);
        }
    }

    private static MappingException OutOfRange(string function, Exception e) =>
        new($"{function}: the result is outside the supported dates (0001-01-01 to 9999-12-31).", e);
}
