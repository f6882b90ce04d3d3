using MapLang.Runtime;
using MapLang.Runtime.Functions;
using static MapLang.Stdlib.Statuses.M3OrderStatus;

namespace MapLang.Stdlib.Statuses;

/// <summary>
/// Magento / Adobe Commerce order state and default status ↔ M3 order status. Defaults a store can override with
/// its own table in the .map file: awaiting payment or review/hold → 10, placed or paid → 20, complete → 77,
/// canceled/closed → 99; M3 10 → holded, 2x–4x → processing, 66 and 77 → complete, 99 → canceled.
/// </summary>
[MapFunctions("statuses")]
public static class MagentoStatusFunctions
{
    /// <summary>Every Magento order state.</summary>
    public static IReadOnlyList<string> States { get; } =
        ["new", "pending_payment", "processing", "complete", "closed", "canceled", "holded", "payment_review"];

    /// <summary>The default Magento order statuses (stores may add their own).</summary>
    public static IReadOnlyList<string> DefaultStatuses { get; } =
        ["pending", "pending_payment", "processing", "complete", "closed", "canceled", "holded", "payment_review", "fraud"];

    [MapFunction("magentoStateToM3Status", "The M3 order status for a Magento order state: new/processing → \"20\", pending_payment/payment_review/holded → \"10\", complete → \"77\", closed/canceled → \"99\".")]
    public static string MagentoStateToM3Status(string state) => state?.Trim().ToLowerInvariant() switch
    {
        "new" or "processing" => ToAllocate,
        "pending_payment" or "payment_review" or "holded" => Preliminary,
        "complete" => Invoiced,
        "closed" or "canceled" => Completed,
        _ => throw new MappingException($"magentoStateToM3Status: \"{state}\" is not a Magento order state ({string.Join(", ", States)})."),
    };

    [MapFunction("magentoStatusToM3Status", "The M3 order status for a default Magento order status (pending, processing, fraud…); custom statuses need a table in the .map file.")]
    public static string MagentoStatusToM3Status(string status) => status?.Trim().ToLowerInvariant() switch
    {
        "pending" or "processing" => ToAllocate,
        "pending_payment" or "payment_review" or "holded" or "fraud" => Preliminary,
        "complete" => Invoiced,
        "closed" or "canceled" => Completed,
        _ => throw new MappingException($"magentoStatusToM3Status: \"{status}\" is not a default Magento order status ({string.Join(", ", DefaultStatuses)}); map custom statuses with a table."),
    };

    [MapFunction("m3StatusToMagentoState", "The Magento order state for an M3 order status: 05 → new, 10 → holded, 2x–4x → processing, 66/77 → complete, 99 → canceled.")]
    public static string M3StatusToMagentoState(string m3Status) => Classify("m3StatusToMagentoState", m3Status) switch
    {
        Stage.Quotation => "new",
        Stage.Preliminary => "holded",
        Stage.ToAllocate or Stage.Allocated or Stage.Picking => "processing",
        Stage.Delivered or Stage.Invoiced => "complete",
        _ => "canceled",
    };

    [MapFunction("m3StatusToMagentoStatus", "The default Magento order status for an M3 order status: 05 → pending, 10 → holded, 2x–4x → processing, 66/77 → complete, 99 → canceled.")]
    public static string M3StatusToMagentoStatus(string m3Status) => Classify("m3StatusToMagentoStatus", m3Status) switch
    {
        Stage.Quotation => "pending",
        Stage.Preliminary => "holded",
        Stage.ToAllocate or Stage.Allocated or Stage.Picking => "processing",
        Stage.Delivered or Stage.Invoiced => "complete",
        _ => "canceled",
    };
}
