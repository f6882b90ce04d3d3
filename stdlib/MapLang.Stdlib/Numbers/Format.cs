using System.Globalization;

namespace MapLang.Stdlib.Numbers;

internal static class Format
{
    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
