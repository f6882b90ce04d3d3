using MapLang.Runtime;

namespace MapLang.Stdlib.Statuses;

/// <summary>
/// M3 customer order (line) status, two digits: 05 quotation, 10 preliminary, 2x to allocate, 3x allocated,
/// 4x on picking list (up to 65: picking reported, partly delivered), 66 delivered, 77 invoiced, 99 completed without delivery.
/// </summary>
public static class M3OrderStatus
{
    public const string Quotation = "05";
    public const string Preliminary = "10";
    public const string ToAllocate = "20";
    public const string Allocated = "33";
    public const string PickingList = "44";
    public const string Delivered = "66";
    public const string Invoiced = "77";
    public const string Completed = "99";

    /// <summary>The stage of a two-digit status, failing on anything else.</summary>
    internal static Stage Classify(string function, string? status)
    {
        var s = status?.Trim();
        if (s is null || s.Length != 2 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[1]))
        {
            throw new MappingException($"{function}: \"{status}\" is not an M3 order status (two digits, e.g. \"05\", \"20\", \"66\", \"77\", \"99\").");
        }

        var n = (s[0] - '0') * 10 + (s[1] - '0');
        return n switch
        {
            < 10 => Stage.Quotation,
            < 20 => Stage.Preliminary,
            < 30 => Stage.ToAllocate,
            < 40 => Stage.Allocated,
            < 66 => Stage.Picking,
            < 77 => Stage.Delivered,
            < 99 => Stage.Invoiced,
            _ => Stage.Completed,
        };
    }

    internal enum Stage
    {
        Quotation,
        Preliminary,
        ToAllocate,
        Allocated,
        Picking,
        Delivered,
        Invoiced,
        Completed,
    }
}
