using MapLang.Runtime;
using MapLang.Runtime.Functions;

namespace MapLang.Stdlib.Units;

/// <summary>
/// Units of measure: mass (kg g mg t lb oz), length (m km cm mm in ft yd), volume (l ml cl dl m3 gal, US gallon)
/// and count (pcs ea pr dzn). Names are case-insensitive and accept common spellings and UN/ECE Rec. 20 codes.
/// M3 unit codes are configured per installation (CRS015): <c>m3Unit</c> gives the usual defaults.
/// </summary>
[MapFunctions("units")]
public static class UnitFunctions
{
    [MapFunction("convertUnit", "Converts between units of one kind: convertUnit(2, \"lb\", \"kg\") = 0.90718474; exact decimal factors, not rounded (round the result yourself).")]
    public static decimal? ConvertUnit(decimal? value, string fromUnit, string toUnit)
    {
        var from = UnitTable.Find("convertUnit", fromUnit);
        var to = UnitTable.Find("convertUnit", toUnit);
        if (from.Family != to.Family)
        {
            throw new MappingException($"convertUnit: cannot convert {from.Family} ({fromUnit}) to {to.Family} ({toUnit}).");
        }

        if (value is null)
        {
            return null;
        }

        return from.Factor == to.Factor ? value : value.GetValueOrDefault() * from.Factor / to.Factor;
    }

    [MapFunction("m3Unit", "The usual M3 unit code for a unit name or code: \"kgs\" → \"KG\", \"each\" → \"EA\", \"piece\" → \"PCS\", \"dozen\" → \"DZN\".")]
    public static string? M3Unit(string? unit) =>
        string.IsNullOrWhiteSpace(unit) ? null : UnitTable.Find("m3Unit", unit).M3Code;

    [MapFunction("isUnit", "True when the unit name or code is known.")]
    public static bool IsUnit(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return false;
        }

        try
        {
            UnitTable.Find("isUnit", unit);
            return true;
        }
        catch (MappingException)
        {
            return false;
        }
    }
}
