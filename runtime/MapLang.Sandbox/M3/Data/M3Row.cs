using System.Globalization;

namespace MapLang.Sandbox.M3.Data;

/// <summary>A flat M3 record: 4-letter field name → value (trimmed; numbers in invariant culture, dates yyyyMMdd).</summary>
public sealed class M3Row : Dictionary<string, string>
{
    public M3Row() : base(StringComparer.Ordinal) { }

    public M3Row(IEnumerable<KeyValuePair<string, string>> fields) : base(fields, StringComparer.Ordinal) { }

    public string Get(string field) => TryGetValue(field, out var v) ? v : "";

    public decimal Number(string field) =>
        decimal.TryParse(Get(field), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : 0m;

    public void Set(string field, decimal value) => this[field] = Format(value);

    public M3Row Copy() => new(this);

    public static string Format(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
