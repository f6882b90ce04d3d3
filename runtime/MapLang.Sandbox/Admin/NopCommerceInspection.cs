using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Stores.NopCommerce;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MapLang.Sandbox.Admin;

/// <summary><c>/_sandbox/nopcommerce/…</c>: shipments with their items and the stock updates the store received.</summary>
internal static class NopCommerceInspection
{
    public static void Map(RouteGroupBuilder admin, NopCommerceSimulator nop, JsonSerializerOptions json)
    {
        admin.MapGet("/nopcommerce/shipments", (int? orderId) =>
        {
            lock (nop.Gate)
                return Results.Json(new JsonArray(nop.Shipments.Values.Where(s => orderId is null || s["order_id"]!.GetValue<int>() == orderId).Select(s =>
                {
                    var view = (JsonObject)s.DeepClone();
                    view["items"] = new JsonArray(nop.ShipmentItems.Values.Where(i => i["shipment_id"]!.GetValue<int>() == s["id"]!.GetValue<int>())
                        .Select(i => (JsonNode)i.DeepClone()).ToArray());
                    return (JsonNode)view;
                }).ToArray()));
        });
        admin.MapGet("/nopcommerce/stock-updates", () => Results.Json(nop.StockUpdates.ToArray(), json));
        admin.MapGet("/nopcommerce/orders/{id:int}/statuses", (int id) =>
        {
            lock (nop.Gate)
                return nop.Orders.TryGetValue(id, out var o)
                    ? Results.Json(new
                    {
                        order = NopStatuses.Order[o["order_status_id"]!.GetValue<int>()],
                        payment = NopStatuses.Payment[o["payment_status_id"]!.GetValue<int>()],
                        shipping = NopStatuses.Shipping[o["shipping_status_id"]!.GetValue<int>()],
                    }, json)
                    : Results.NotFound();
        });
    }
}
