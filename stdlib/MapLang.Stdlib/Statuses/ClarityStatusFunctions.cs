using MapLang.Runtime;
using MapLang.Runtime.Functions;
using static MapLang.Stdlib.Statuses.M3OrderStatus;

namespace MapLang.Stdlib.Statuses;

/// <summary>
/// Clarity eCommerce order status ↔ M3 order status. ASSUMED: Clarity publishes no API or status list; these names
/// are a guess to be replaced by the customer's own status list (a table in the .map file) once it is known.
/// </summary>
[MapFunctions("statuses")]
public static class ClarityStatusFunctions
{
    /// <summary>The assumed Clarity status names.</summary>
    public static IReadOnlyList<string> Statuses { get; } =
        ["New", "Pending", "On Hold", "Processing", "Partially Shipped", "Shipped", "Completed", "Cancelled"];

    [MapFunction("clarityStatusToM3Status", "ASSUMED names (Clarity publishes none): New/Pending/On Hold → \"10\", Processing → \"20\", Partially Shipped → \"44\", Shipped → \"66\", Completed → \"77\", Cancelled → \"99\"; case, spaces and underscores ignored (OnHold, PARTIALLY_SHIPPED).")]
    public static string ClarityStatusToM3Status(string status) => status?.Replace(" ", "").Replace("_", "").Trim().ToLowerInvariant() switch
    {
        "new" or "pending" or "onhold" => Preliminary,
        "processing" => ToAllocate,
        "partiallyshipped" => PickingList,
        "shipped" => Delivered,
        "completed" => Invoiced,
        "cancelled" => Completed,
        _ => throw new MappingException($"clarityStatusToM3Status: \"{status}\" is not one of the assumed Clarity statuses ({string.Join(", ", Statuses)}); map the store's own statuses with a table."),
    };

    [MapFunction("m3StatusToClarityStatus", "ASSUMED names (Clarity publishes none): 05 → Pending, 10 → On Hold, 2x–4x → Processing, 66 → Shipped, 77 → Completed, 99 → Cancelled.")]
    public static string M3StatusToClarityStatus(string m3Status) => Classify("m3StatusToClarityStatus", m3Status) switch
    {
        Stage.Quotation => "Pending",
        Stage.Preliminary => "On Hold",
        Stage.ToAllocate or Stage.Allocated or Stage.Picking => "Processing",
        Stage.Delivered => "Shipped",
        Stage.Invoiced => "Completed",
        _ => "Cancelled",
    };
}
