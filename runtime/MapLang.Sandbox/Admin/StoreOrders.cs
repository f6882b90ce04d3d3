using System.Text.Json.Nodes;
using MapLang.Sandbox.Stores.NopCommerce;

namespace MapLang.Sandbox.Admin;

/// <summary>
/// The status a store simulator shows for one of its orders, in the store's own words (Magento's status, BigCommerce's status name,
/// nopCommerce's order and shipping status, Amazon's OrderStatus, Clarity's StatusKey), read the same way for all five.
/// <paramref name="orderId"/> is the id the store announces: Magento's increment_id, the others' order id. Null when there is no such order.
/// </summary>
public static class StoreOrders
{
    public static string? Status(SandboxHost sandbox, string store, string orderId) => store switch
    {
        "magento" => Magento(sandbox, orderId),
        "bigcommerce" => BigCommerce(sandbox, orderId),
        "nopcommerce" => NopCommerce(sandbox, orderId),
        "amazon" => Amazon(sandbox, orderId),
        "clarity" => Clarity(sandbox, orderId),
        _ => throw new ArgumentOutOfRangeException(nameof(store), store, "not a store of the sandbox"),
    };

    private static string? Magento(SandboxHost sandbox, string incrementId)
    {
        var m = sandbox.Magento;
        lock (m.Gate) return m.Orders.Values.FirstOrDefault(o => o["increment_id"]?.ToString() == incrementId)?["status"]?.ToString();
    }

    private static string? BigCommerce(SandboxHost sandbox, string orderId)
    {
        var bc = sandbox.BigCommerce;
        lock (bc.Gate) return int.TryParse(orderId, out var id) && bc.Orders.TryGetValue(id, out var order) ? order["status"]?.ToString() : null;
    }

    private static string? NopCommerce(SandboxHost sandbox, string orderId)
    {
        var nop = sandbox.NopCommerce;
        lock (nop.Gate)
        {
            if (!int.TryParse(orderId, out var id) || !nop.Orders.TryGetValue(id, out var order)) return null;
            return $"{Name(NopStatuses.Order, order["order_status_id"])}, {Name(NopStatuses.Shipping, order["shipping_status_id"])}";
        }
    }

    private static string? Amazon(SandboxHost sandbox, string orderId)
    {
        var amazon = sandbox.Amazon;
        lock (amazon.Gate) return amazon.Orders.TryGetValue(orderId, out var order) ? order.V0?["OrderStatus"]?.ToString() : null;
    }

    private static string? Clarity(SandboxHost sandbox, string orderId)
    {
        var clarity = sandbox.Clarity;
        lock (clarity.Gate) return int.TryParse(orderId, out var id) && clarity.Orders.TryGetValue(id, out var order) ? order["StatusKey"]?.ToString() : null;
    }

    private static string Name(IReadOnlyDictionary<int, string> table, JsonNode? id) =>
        id is JsonValue v && v.TryGetValue<int>(out var n) && table.TryGetValue(n, out var name) ? name : id?.ToString() ?? "";
}
