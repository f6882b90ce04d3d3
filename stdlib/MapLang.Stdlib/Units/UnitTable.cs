using System.Collections.Frozen;
using MapLang.Runtime;

namespace MapLang.Stdlib.Units;

internal static class UnitTable
{
    public sealed record Unit(string M3Code, string Family, decimal Factor);

    // Factor to the family's base unit (kg, m, l, piece); the imperial factors are the exact legal definitions.
    private static readonly (string Code, string Family, decimal Factor, string Aliases)[] Units =
    [
        ("KG", "mass", 1m, "kg kgs kilo kilos kilogram kilograms kgm"),
        ("G", "mass", 0.001m, "g gr gram grams grm"),
        ("MG", "mass", 0.000001m, "mg milligram milligrams mgm"),
        ("T", "mass", 1000m, "t tonne tonnes tne"),
        ("LB", "mass", 0.45359237m, "lb lbs pound pounds lbr"),
        ("OZ", "mass", 0.028349523125m, "oz ounce ounces onz"),
        ("M", "length", 1m, "m meter meters metre metres mtr"),
        ("KM", "length", 1000m, "km kilometer kilometers kilometre kilometres kmt"),
        ("CM", "length", 0.01m, "cm centimeter centimeters centimetre centimetres cmt"),
        ("MM", "length", 0.001m, "mm millimeter millimeters millimetre millimetres mmt"),
        ("IN", "length", 0.0254m, "in inch inches inh"),
        ("FT", "length", 0.3048m, "ft foot feet fot"),
        ("YD", "length", 0.9144m, "yd yard yards yrd"),
        ("L", "volume", 1m, "l lt ltr liter liters litre litres"),
        ("ML", "volume", 0.001m, "ml milliliter milliliters millilitre millilitres mlt"),
        ("CL", "volume", 0.01m, "cl centiliter centilitre"),
        ("DL", "volume", 0.1m, "dl deciliter decilitre"),
        ("M3", "volume", 1000m, "m3 cbm mtq"),
        ("GAL", "volume", 3.785411784m, "gal gallon gallons gll"),
        ("PCS", "count", 1m, "pcs pc piece pieces st stk h87"),
        ("EA", "count", 1m, "ea each unit units c62"),
        ("PR", "count", 2m, "pr pair pairs"),
        ("DZN", "count", 12m, "dzn dz doz dozen dozens"),
    ];

    private static readonly FrozenDictionary<string, Unit> ByAlias = Build();

    public static Unit Find(string function, string unit)
    {
        if (unit is not null && ByAlias.TryGetValue(unit.Trim(), out var found))
        {
            return found;
        }

        throw new MappingException($"{function}: unknown unit \"{unit}\"; known: kg g mg t lb oz, m km cm mm in ft yd, l ml cl dl m3 gal, pcs ea pr dzn (and their M3 / UN/ECE codes).");
    }

    private static FrozenDictionary<string, Unit> Build()
    {
        var map = new Dictionary<string, Unit>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, family, factor, aliases) in Units)
        {
            var unit = new Unit(code, family, factor);
            map.Add(code, unit);
            foreach (var alias in aliases.Split(' '))
            {
                map.TryAdd(alias, unit);
            }
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
