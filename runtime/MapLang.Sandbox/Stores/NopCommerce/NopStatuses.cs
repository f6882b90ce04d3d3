namespace MapLang.Sandbox.Stores.NopCommerce;

/// <summary>The nopCommerce status enums (Nop.Core: OrderStatus, PaymentStatus, ShippingStatus).</summary>
internal static class NopStatuses
{
    public static readonly IReadOnlyDictionary<int, string> Order = new Dictionary<int, string>
    {
        [10] = "Pending", [20] = "Processing", [30] = "Complete", [40] = "Cancelled",
    };

    public static readonly IReadOnlyDictionary<int, string> Payment = new Dictionary<int, string>
    {
        [10] = "Pending", [20] = "Authorized", [30] = "Paid", [35] = "PartiallyRefunded", [40] = "Refunded", [50] = "Voided",
    };

    public static readonly IReadOnlyDictionary<int, string> Shipping = new Dictionary<int, string>
    {
        [10] = "ShippingNotRequired", [20] = "NotYetShipped", [25] = "PartiallyShipped", [30] = "Shipped", [40] = "Delivered",
    };

    public const int Pending = 10, Processing = 20, Complete = 30, Cancelled = 40;
    public const int Paid = 30;
    public const int NotYetShipped = 20, PartiallyShipped = 25, Shipped = 30, Delivered = 40;

    public static int IdOf(IReadOnlyDictionary<int, string> table, string? name) =>
        table.FirstOrDefault(p => string.Equals(p.Value, name, StringComparison.OrdinalIgnoreCase)).Key;
}
