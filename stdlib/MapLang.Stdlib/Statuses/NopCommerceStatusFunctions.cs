using MapLang.Runtime;
using MapLang.Runtime.Functions;
using static MapLang.Stdlib.Statuses.M3OrderStatus;

namespace MapLang.Stdlib.Statuses;

/// <summary>
/// nopCommerce OrderStatus (10 Pending, 20 Processing, 30 Complete, 40 Cancelled), ShippingStatus (10 not required,
/// 20 not yet shipped, 25 partially shipped, 30 shipped, 40 delivered) and PaymentStatus (10 Pending, 20 Authorized,
/// 30 Paid, 35 Partially refunded, 40 Refunded, 50 Voided) ↔ M3 order status.
/// </summary>
[MapFunctions("statuses")]
public static class NopCommerceStatusFunctions
{
    public static IReadOnlyList<long> OrderStatuses { get; } = [10, 20, 30, 40];

    public static IReadOnlyList<long> ShippingStatuses { get; } = [10, 20, 25, 30, 40];

    public static IReadOnlyList<long> PaymentStatuses { get; } = [10, 20, 30, 35, 40, 50];

    [MapFunction("nopOrderStatusToM3Status", "The M3 order status for a nopCommerce OrderStatus: 10 → \"10\", 20 → \"20\", 30 → \"77\", 40 → \"99\".")]
    public static string NopOrderStatusToM3Status(long orderStatus) => orderStatus switch
    {
        10 => Preliminary,
        20 => ToAllocate,
        30 => Invoiced,
        40 => Completed,
        _ => throw Bad("nopOrderStatusToM3Status", "OrderStatus", orderStatus, OrderStatuses),
    };

    [MapFunction("nopOrderStatusToM3Status", "The M3 order status from all three nopCommerce statuses: cancelled, refunded or voided → \"99\", complete → \"77\", shipped/delivered → \"66\", partially shipped → \"44\", pending and unpaid → \"10\", else \"20\".")]
    public static string NopOrderStatusToM3Status(long orderStatus, long shippingStatus, long paymentStatus)
    {
        _ = NopOrderStatusToM3Status(orderStatus);
        Check("nopOrderStatusToM3Status", "ShippingStatus", shippingStatus, ShippingStatuses);
        Check("nopOrderStatusToM3Status", "PaymentStatus", paymentStatus, PaymentStatuses);
        if (orderStatus == 40 || paymentStatus is 40 or 50)
        {
            return Completed;
        }

        if (orderStatus == 30)
        {
            return Invoiced;
        }

        return shippingStatus switch
        {
            30 or 40 => Delivered,
            25 => PickingList,
            _ => orderStatus == 10 && paymentStatus == 10 ? Preliminary : ToAllocate,
        };
    }

    [MapFunction("m3StatusToNopOrderStatus", "The nopCommerce OrderStatus for an M3 order status: 05/10 → 10 Pending, 2x–66 → 20 Processing, 77 → 30 Complete, 99 → 40 Cancelled.")]
    public static long M3StatusToNopOrderStatus(string m3Status) => Classify("m3StatusToNopOrderStatus", m3Status) switch
    {
        Stage.Quotation or Stage.Preliminary => 10,
        Stage.Invoiced => 30,
        Stage.Completed => 40,
        _ => 20,
    };

    [MapFunction("m3StatusToNopShippingStatus", "The nopCommerce ShippingStatus for an M3 order status: up to 4x and 99 → 20 Not yet shipped, 66/77 → 30 Shipped.")]
    public static long M3StatusToNopShippingStatus(string m3Status) => Classify("m3StatusToNopShippingStatus", m3Status) switch
    {
        Stage.Delivered or Stage.Invoiced => 30,
        _ => 20,
    };

    private static void Check(string function, string kind, long value, IReadOnlyList<long> allowed)
    {
        for (var i = 0; i < allowed.Count; i++)
        {
            if (allowed[i] == value)
            {
                return;
            }
        }

        throw Bad(function, kind, value, allowed);
    }

    private static MappingException Bad(string function, string kind, long value, IReadOnlyList<long> allowed) =>
        new($"{function}: {value} is not a nopCommerce {kind} ({string.Join(", ", allowed)}).");
}
