using MapLang.Runtime;
using MapLang.Runtime.Functions;

namespace MapLang.Stdlib.Numbers;

/// <summary>Number functions. Money is <c>decimal</c>; a null number gives a null result.</summary>
[MapFunctions("numbers")]
public static class NumberFunctions
{
    [MapFunction("round", "Rounds to `decimals` places (0–28). Mode: halfAwayFromZero (default: 2.675 → 2.68), halfEven, halfTowardZero, halfUp, halfDown, towardZero, awayFromZero, ceiling, floor.")]
    public static decimal? Round(decimal? value, long decimals = 0, string mode = RoundingMode.HalfAwayFromZero) =>
        value is null ? null : RoundingMode.Apply(value.GetValueOrDefault(), CheckDecimals("round", decimals), mode);

    [MapFunction("ceiling", "The smallest whole number not below the value.")]
    public static decimal? Ceiling(decimal? value) => value is null ? null : Math.Ceiling(value.GetValueOrDefault());

    [MapFunction("floor", "The largest whole number not above the value.")]
    public static decimal? Floor(decimal? value) => value is null ? null : Math.Floor(value.GetValueOrDefault());

    [MapFunction("abs", "The absolute value.")]
    public static decimal? Abs(decimal? value) => value is null ? null : Math.Abs(value.GetValueOrDefault());

    [MapFunction("abs", "The absolute value.")]
    public static long? Abs(long? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value == long.MinValue)
        {
            throw new MappingException("abs: the absolute value of -9223372036854775808 does not fit a long.");
        }

        return Math.Abs(value.GetValueOrDefault());
    }

    [MapFunction("min", "The smaller of two numbers; null when either is null.")]
    public static decimal? Min(decimal? a, decimal? b) => a is null || b is null ? null : Math.Min(a.GetValueOrDefault(), b.GetValueOrDefault());

    [MapFunction("min", "The smaller of two numbers; null when either is null.")]
    public static long? Min(long? a, long? b) => a is null || b is null ? null : Math.Min(a.GetValueOrDefault(), b.GetValueOrDefault());

    [MapFunction("max", "The larger of two numbers; null when either is null.")]
    public static decimal? Max(decimal? a, decimal? b) => a is null || b is null ? null : Math.Max(a.GetValueOrDefault(), b.GetValueOrDefault());

    [MapFunction("max", "The larger of two numbers; null when either is null.")]
    public static long? Max(long? a, long? b) => a is null || b is null ? null : Math.Max(a.GetValueOrDefault(), b.GetValueOrDefault());

    [MapFunction("clamp", "The value limited to the range [`min`, `max`].")]
    public static decimal? Clamp(decimal? value, decimal min, decimal max)
    {
        if (min > max)
        {
            throw new MappingException($"clamp: min ({min}) is greater than max ({max}).");
        }

        return value is null ? null : Math.Clamp(value.GetValueOrDefault(), min, max);
    }

    [MapFunction("toLong", "The whole number of a decimal; fails when it has a fraction (round first) or does not fit.")]
    public static long? ToLong(decimal? value)
    {
        if (value is null)
        {
            return null;
        }

        var v = value.GetValueOrDefault();
        if (v != decimal.Truncate(v))
        {
            throw new MappingException($"toLong: {Format.Invariant(v)} has a fraction; round it first.");
        }

        if (v is < long.MinValue or > long.MaxValue)
        {
            throw new MappingException($"toLong: {Format.Invariant(v)} does not fit a long.");
        }

        return (long)v;
    }

    [MapFunction("toDecimal", "The number as a decimal.")]
    public static decimal? ToDecimal(long? value) => value;

    internal static int CheckDecimals(string function, long decimals)
    {
        if (decimals is < 0 or > 28)
        {
            throw new MappingException($"{function}: decimals ({decimals}) must be between 0 and 28.");
        }

        return (int)decimals;
    }
}
