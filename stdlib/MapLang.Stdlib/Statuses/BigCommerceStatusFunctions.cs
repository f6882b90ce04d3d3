using MapLang.Runtime;
using MapLang.Runtime.Functions;
using static MapLang.Stdlib.Statuses.M3OrderStatus;

namespace MapLang.Stdlib.Statuses;

/// <summary>BigCommerce order <c>status_id</c> (0–14) ↔ M3 order status.</summary>
[MapFunctions("statuses")]
public static class BigCommerceStatusFunctions
{
    /// <summary>The BigCommerce system status names by id.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "Incomplete", "Pending", "Shipped", "Partially Shipped", "Refunded", "Cancelled", "Declined", "Awaiting Payment",
        "Awaiting Pickup", "Awaiting Shipment", "Completed", "Awaiting Fulfillment", "Manual Verification Required", "Disputed", "Partially Refunded",
    ];

    [MapFunction("bigCommerceStatusToM3Status", "The M3 order status for a BigCommerce status_id: 0/1/7/12/13 → \"10\", 11 → \"20\", 3/8/9 → \"44\", 2 → \"66\", 10/14 → \"77\", 4/5/6 → \"99\".")]
    public static string BigCommerceStatusToM3Status(long statusId) => statusId switch
    {
        0 or 1 or 7 or 12 or 13 => Preliminary,
        11 => ToAllocate,
        3 or 8 or 9 => PickingList,
        2 => Delivered,
        10 or 14 => Invoiced,
        4 or 5 or 6 => Completed,
        _ => throw new MappingException($"bigCommerceStatusToM3Status: {statusId} is not a BigCommerce status_id (0–14)."),
    };

    [MapFunction("m3StatusToBigCommerceStatus", "The BigCommerce status_id for an M3 order status: 05 → 1 Pending, 10 → 12 Manual Verification Required, 2x/3x → 11 Awaiting Fulfillment, 4x → 9 Awaiting Shipment, 66 → 2 Shipped, 77 → 10 Completed, 99 → 5 Cancelled.")]
    public static long M3StatusToBigCommerceStatus(string m3Status) => Classify("m3StatusToBigCommerceStatus", m3Status) switch
    {
        Stage.Quotation => 1,
        Stage.Preliminary => 12,
        Stage.ToAllocate or Stage.Allocated => 11,
        Stage.Picking => 9,
        Stage.Delivered => 2,
        Stage.Invoiced => 10,
        _ => 5,
    };

    [MapFunction("bigCommerceStatusName", "The BigCommerce system name of a status_id (\"Awaiting Fulfillment\" for 11).")]
    public static string BigCommerceStatusName(long statusId) =>
        statusId is >= 0 and <= 14 ? Names[(int)statusId] : throw new MappingException($"bigCommerceStatusName: {statusId} is not a BigCommerce status_id (0–14).");
}
