using MapLang.Runtime;

namespace MapLang.Stdlib.Numbers;

/// <summary>The rounding modes <c>round</c> accepts by name (case-insensitive).</summary>
public static class RoundingMode
{
    /// <summary>Default; commercial rounding: 2.675 → 2.68, -2.675 → -2.68.</summary>
    public const string HalfAwayFromZero = "halfAwayFromZero";

    /// <summary>Banker's rounding: 2.665 → 2.66, 2.675 → 2.68.</summary>
    public const string HalfEven = "halfEven";

    /// <summary>Ties go toward zero: 2.675 → 2.67, -2.675 → -2.67.</summary>
    public const string HalfTowardZero = "halfTowardZero";

    /// <summary>Ties go toward positive infinity: 2.675 → 2.68, -2.675 → -2.67.</summary>
    public const string HalfUp = "halfUp";

    /// <summary>Ties go toward negative infinity: 2.675 → 2.67, -2.675 → -2.68.</summary>
    public const string HalfDown = "halfDown";

    /// <summary>Cuts the digits: 2.679 → 2.67, -2.679 → -2.67.</summary>
    public const string TowardZero = "towardZero";

    /// <summary>Any remainder rounds away from zero: 2.671 → 2.68, -2.671 → -2.68.</summary>
    public const string AwayFromZero = "awayFromZero";

    /// <summary>Toward positive infinity: 2.671 → 2.68, -2.679 → -2.67.</summary>
    public const string Ceiling = "ceiling";

    /// <summary>Toward negative infinity: 2.679 → 2.67, -2.671 → -2.68.</summary>
    public const string Floor = "floor";

    /// <summary>Every mode name, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [HalfAwayFromZero, HalfEven, HalfTowardZero, HalfUp, HalfDown, TowardZero, AwayFromZero, Ceiling, Floor];

    /// <summary>Rounds <paramref name="value"/> to <paramref name="decimals"/> places with the named mode.</summary>
    public static decimal Apply(decimal value, int decimals, string mode)
    {
        if (mode.Equals(HalfAwayFromZero, StringComparison.OrdinalIgnoreCase))
        {
            return Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        }

        if (mode.Equals(HalfEven, StringComparison.OrdinalIgnoreCase))
        {
            return Math.Round(value, decimals, MidpointRounding.ToEven);
        }

        if (mode.Equals(TowardZero, StringComparison.OrdinalIgnoreCase))
        {
            return Math.Round(value, decimals, MidpointRounding.ToZero);
        }

        if (mode.Equals(Ceiling, StringComparison.OrdinalIgnoreCase))
        {
            return Math.Round(value, decimals, MidpointRounding.ToPositiveInfinity);
        }

        if (mode.Equals(Floor, StringComparison.OrdinalIgnoreCase))
        {
            return Math.Round(value, decimals, MidpointRounding.ToNegativeInfinity);
        }

        if (mode.Equals(AwayFromZero, StringComparison.OrdinalIgnoreCase))
        {
            return value < 0
                ? Math.Round(value, decimals, MidpointRounding.ToNegativeInfinity)
                : Math.Round(value, decimals, MidpointRounding.ToPositiveInfinity);
        }

        if (mode.Equals(HalfTowardZero, StringComparison.OrdinalIgnoreCase))
        {
            return IsTie(value, decimals) ? Math.Round(value, decimals, MidpointRounding.ToZero) : Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        }

        if (mode.Equals(HalfUp, StringComparison.OrdinalIgnoreCase))
        {
            return IsTie(value, decimals) ? Math.Round(value, decimals, MidpointRounding.ToPositiveInfinity) : Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        }

        if (mode.Equals(HalfDown, StringComparison.OrdinalIgnoreCase))
        {
            return IsTie(value, decimals) ? Math.Round(value, decimals, MidpointRounding.ToNegativeInfinity) : Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        }

        throw new MappingException($"round: unknown rounding mode \"{mode}\"; use one of {string.Join(", ", All)}.");
    }

    /// <summary>True when <paramref name="mode"/> names a rounding mode (for compile-time checks of literal modes).</summary>
    public static bool IsKnown(string mode)
    {
        foreach (var m in All)
        {
            if (m.Equals(mode, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A tie is a value exactly halfway between two multiples of 10^-decimals.
    private static bool IsTie(decimal value, int decimals)
    {
        var truncated = Math.Round(value, decimals, MidpointRounding.ToZero);
        var remainder = Math.Abs(value - truncated);
        return remainder == HalfUnit(decimals);
    }

    private static decimal HalfUnit(int decimals) => new(5, 0, 0, false, (byte)(decimals + 1));
}
