using System.Text.Json.Nodes;

namespace MapLang.Sandbox.Admin;

/// <summary>
/// The tracking numbers each store simulator holds for one of its orders, read the same way for all five (for the demo and the
/// end-to-end tests): Magento shipment tracks, BigCommerce and nopCommerce shipments, Amazon shipment confirmations, Clarity
/// shipments. <paramref name="orderId"/> is the id the store announces: Magento's increment_id, the others' order id.
/// </summary>
public static class StoreShipments
{
    public static IReadOnlyList<string> TrackingNumbers(SandboxHost sandbox, string store, string orderId) => store switch
    {
        "magento" => Magento(sandbox, orderId),
        "bigcommerce" => BigCommerce(sandbox, orderId),
        "nopcommerce" => NopCommerce(sandbox, orderId),
        "amazon" => Amazon(sandbox, orderId),
        "clarity" => Clarity(sandbox, orderId),
        _ => throw new ArgumentOutOfRangeException(nameof(store), store, "not a store of the sandbox"),
    };

    private static List<string> Magento(SandboxHost sandbox, string incrementId)
    {
        var m = sandbox.Magento;
        lock (m.Gate)
        {
            var order = m.Orders.Values.FirstOrDefault(o => o["increment_id"]?.ToString() == incrementId);
            if (order is null) return [];
            var entityId = order["entity_id"]!.GetValue<int>();
            return Texts(m.Shipments.Where(s => s["order_id"]!.GetValue<int>() == entityId)
                .SelectMany(s => (s["tracks"] as JsonArray ?? []).Select(t => t?["track_number"])));
        }
    }

    private static List<string> BigCommerce(SandboxHost sandbox, string orderId)
    {
        var bc = sandbox.BigCommerce;
        lock (bc.Gate)
            return int.TryParse(orderId, out var id) && bc.Shipments.TryGetValue(id, out var shipments) ? Texts(shipments.Select(s => s["tracking_number"])) : [];
    }

    private static List<string> NopCommerce(SandboxHost sandbox, string orderId)
    {
        var nop = sandbox.NopCommerce;
        lock (nop.Gate)
            return Texts(nop.Shipments.Values.Where(s => s["order_id"]?.ToString() == orderId).Select(s => s["tracking_number"]));
    }

    private static List<string> Amazon(SandboxHost sandbox, string orderId)
    {
        var amazon = sandbox.Amazon;
        lock (amazon.Gate)
            return amazon.Orders.TryGetValue(orderId, out var order) ? Texts(order.Shipments.Select(s => s["packageDetail"]?["trackingNumber"])) : [];
    }

    private static List<string> Clarity(SandboxHost sandbox, string orderId)
    {
        var clarity = sandbox.Clarity;
        lock (clarity.Gate)
            return Texts(clarity.Shipments.Values.Where(s => s["SalesOrderID"]?.ToString() == orderId).Select(s => s["TrackingNumber"]));
    }

    private static List<string> Texts(IEnumerable<JsonNode?> values) =>
        values.Select(v => v?.ToString() ?? "").Where(v => v.Length > 0).ToList();
}
