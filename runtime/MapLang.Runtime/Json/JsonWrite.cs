using System.Globalization;
using System.Text.Json;

namespace MapLang.Runtime.Json;

/// <summary>Writes typed target values for generated code, formatting dates into a stack buffer (no string per value).</summary>
public static class JsonWrite
{
    public static void Date(Utf8JsonWriter w, JsonEncodedText name, DateOnly value, string? format)
    {
        Span<char> buffer = stackalloc char[64];
        if (!value.TryFormat(buffer, out var n, format ?? "yyyy-MM-dd", CultureInfo.InvariantCulture))
        {
            w.WriteString(name, value.ToString(format ?? "yyyy-MM-dd", CultureInfo.InvariantCulture));
            return;
        }
        w.WriteString(name, buffer[..n]);
    }

    public static void DateTime(Utf8JsonWriter w, JsonEncodedText name, DateTimeOffset value, string? format)
    {
        if (format is null)
        {
            w.WriteString(name, value);
            return;
        }
        Span<char> buffer = stackalloc char[64];
        var utc = value.ToUniversalTime();
        if (!utc.TryFormat(buffer, out var n, format, CultureInfo.InvariantCulture))
        {
            w.WriteString(name, utc.ToString(format, CultureInfo.InvariantCulture));
            return;
        }
        w.WriteString(name, buffer[..n]);
    }

    public static void List(Utf8JsonWriter w, JsonEncodedText name, List<string>? values)
    {
        if (values is null) return;
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    public static void List(Utf8JsonWriter w, JsonEncodedText name, List<long>? values)
    {
        if (values is null) return;
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    public static void List(Utf8JsonWriter w, JsonEncodedText name, List<decimal>? values)
    {
        if (values is null) return;
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    public static void List(Utf8JsonWriter w, JsonEncodedText name, List<bool>? values)
    {
        if (values is null) return;
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteBooleanValue(v);
        w.WriteEndArray();
    }
}
