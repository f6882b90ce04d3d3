using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Stores.Clarity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MapLang.Sandbox.Admin;

/// <summary><c>/_sandbox/clarity/…</c>: shipments and inventory levels the (assumed) Clarity API received.</summary>
internal static class ClarityInspection
{
    public static void Map(RouteGroupBuilder admin, ClaritySimulator clarity, JsonSerializerOptions json)
    {
        admin.MapGet("/clarity/shipments", () =>
        {
            lock (clarity.Gate) return Results.Json(new JsonArray(clarity.Shipments.Values.Select(s => s.DeepClone()).ToArray()));
        });
        admin.MapGet("/clarity/inventory-updates", () => Results.Json(clarity.InventoryUpdates.ToArray(), json));
    }
}
