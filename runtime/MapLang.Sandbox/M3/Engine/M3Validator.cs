using System.Globalization;
using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Metadata;

namespace MapLang.Sandbox.M3.Engine;

/// <summary>Checks input against the transaction metadata the way MI programs do: company, lengths, numbers, dates, mandatory fields.</summary>
public static class M3Validator
{
    // Fields the metadata types as A (strings on the wire) but M3 parses as numbers.
    private static readonly HashSet<string> NumericText = new(StringComparer.Ordinal)
    {
        "ORQT", "SAPR", "DIA1", "DIA2", "DIA3", "DIA4", "DIA5", "DIA6", "CUAM", "ALQT", "STQT",
    };

    public static M3Error? Validate(M3TransactionInfo info, M3Row input, int company)
    {
        foreach (var field in info.Input)
        {
            if (!input.TryGetValue(field.Name, out var value) || value.Length == 0) continue;
            if (field.Length is { } max && value.Length > max)
                return new M3Error("InputFieldTooLong", "", field.Name, $"Input data for field {field.Name} is too long, maximum length is {max}");
            if (field.Type == 'N' || NumericText.Contains(field.Name))
            {
                if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                    return M3Messages.Of("XNU0000", field.Name);
            }
            else if (field.Type == 'D' && !IsDate(value))
                return M3Messages.Of("XDT0001", field.Name);
        }
        if (input.TryGetValue("CONO", out var cono) && cono.Length > 0 && cono != company.ToString(CultureInfo.InvariantCulture))
            return M3Messages.Of("XAU0008", "CONO", cono);
        foreach (var field in info.Input)
            if (field.Required && (!input.TryGetValue(field.Name, out var value) || value.Length == 0) && field.Name != "CONO")
                return M3Messages.MustBeEntered(field.Name, field.Description).Error;
        return null;
    }

    public static bool IsDate(string value) =>
        value.Length == 8 && DateTime.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
