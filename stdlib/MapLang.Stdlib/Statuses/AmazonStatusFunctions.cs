using MapLang.Runtime;
using MapLang.Runtime.Functions;
using static MapLang.Stdlib.Statuses.M3OrderStatus;

namespace MapLang.Stdlib.Statuses;

/// <summary>Amazon SP-API OrderStatus ↔ M3 order status. Sellers cannot set an Amazon status directly: the reverse direction tells which status a confirmation should lead to.</summary>
[MapFunctions("statuses")]
public static class AmazonStatusFunctions
{
    public static IReadOnlyList<string> Statuses { get; } =
        ["PendingAvailability", "Pending", "Unshipped", "PartiallyShipped", "Shipped", "InvoiceUnconfirmed", "Canceled", "Unfulfillable"];

    [MapFunction("amazonStatusToM3Status", "The M3 order status for an Amazon OrderStatus: PendingAvailability/Pending → \"10\", Unshipped → \"20\", PartiallyShipped → \"44\", Shipped/InvoiceUnconfirmed → \"66\", Canceled/Unfulfillable → \"99\".")]
    public static string AmazonStatusToM3Status(string orderStatus) => orderStatus?.Trim() switch
    {
        "PendingAvailability" or "Pending" => Preliminary,
        "Unshipped" => ToAllocate,
        "PartiallyShipped" => PickingList,
        "Shipped" or "InvoiceUnconfirmed" => Delivered,
        "Canceled" or "Unfulfillable" => Completed,
        _ => throw new MappingException($"amazonStatusToM3Status: \"{orderStatus}\" is not an Amazon OrderStatus ({string.Join(", ", Statuses)})."),
    };

    [MapFunction("m3StatusToAmazonStatus", "The Amazon OrderStatus for an M3 order status: 05/10 → Pending, 2x–4x → Unshipped, 66/77 → Shipped, 99 → Canceled.")]
    public static string M3StatusToAmazonStatus(string m3Status) => Classify("m3StatusToAmazonStatus", m3Status) switch
    {
        Stage.Quotation or Stage.Preliminary => "Pending",
        Stage.ToAllocate or Stage.Allocated or Stage.Picking => "Unshipped",
        Stage.Delivered or Stage.Invoiced => "Shipped",
        _ => "Canceled",
    };
}
