using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.BigCommerce;

/// <summary>v3 catalog, inventory adjustments, customers and webhook subscriptions.</summary>
internal static class BigCommerceCatalog
{
    public static IResult Products(BigCommerceSimulator bc, IQueryCollection q)
    {
        lock (bc.Gate)
        {
            var ids = q["id:in"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            var hits = bc.Products.Values.Where(p => (q["sku"].Count == 0 || p["sku"]!.GetValue<string>() == q["sku"]) && (ids.Count == 0 || ids.Contains(p["id"]!.ToString()))).ToList();
            return List(hits);
        }
    }

    public static IResult Variants(BigCommerceSimulator bc, Func<JsonObject, bool> predicate)
    {
        lock (bc.Gate) return List(bc.Variants.Values.Where(predicate).ToList());
    }

    private static IResult List(List<JsonObject> items) => Results.Json(new JsonObject
    {
        ["data"] = BigCommerceEndpoints.Array(items),
        ["meta"] = new JsonObject
        {
            ["pagination"] = new JsonObject
            {
                ["total"] = items.Count, ["count"] = items.Count, ["per_page"] = 50, ["current_page"] = 1, ["total_pages"] = 1,
                ["links"] = new JsonObject { ["current"] = "?page=1&limit=50" },
            },
        },
    });

    /// <summary>Items address a variant by variant_id, sku or product_id, at a location_id (1 = default location).</summary>
    public static IResult Adjust(BigCommerceSimulator bc, JsonObject? body, bool absolute)
    {
        var items = (body?["items"] as JsonArray)?.OfType<JsonObject>().ToList();
        if (items is null || items.Count == 0) return BigCommerceEndpoints.Error(true, 422, "Input is invalid", new JsonObject { ["items"] = "items must not be empty" });
        var touched = new List<(int ProductId, int VariantId)>();
        lock (bc.Gate)
        {
            var targets = new List<(JsonObject Variant, int Quantity)>();
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var variant = item["variant_id"] is JsonValue vid ? bc.Variants.GetValueOrDefault(vid.GetValue<int>())
                    : item["sku"] is JsonValue sku ? bc.Variants.Values.FirstOrDefault(v => v["sku"]!.GetValue<string>() == sku.GetValue<string>())
                    : item["product_id"] is JsonValue pid && bc.Products.TryGetValue(pid.GetValue<int>(), out var p) ? bc.Variants.GetValueOrDefault(p["base_variant_id"]!.GetValue<int>())
                    : null;
                if (variant is null || item["location_id"] is null || item["quantity"] is null)
                    return BigCommerceEndpoints.Error(true, 422, "Input is invalid", new JsonObject { [$"items.{i}"] = "The item could not be found or is missing location_id/quantity" });
                targets.Add((variant, item["quantity"]!.GetValue<int>()));
            }
            foreach (var (variant, quantity) in targets)
            {
                var level = absolute ? quantity : variant["inventory_level"]!.GetValue<int>() + quantity;
                variant["inventory_level"] = Math.Max(0, level);
                var productId = variant["product_id"]!.GetValue<int>();
                if (bc.Products.TryGetValue(productId, out var product))
                    product["inventory_level"] = bc.Variants.Values.Where(v => v["product_id"]!.GetValue<int>() == productId).Sum(v => v["inventory_level"]!.GetValue<int>());
                touched.Add((productId, variant["id"]!.GetValue<int>()));
            }
        }
        foreach (var (productId, variantId) in touched)
            bc.Webhooks.Publish(bc, "store/sku/inventory/updated", new JsonObject
            {
                ["type"] = "sku", ["id"] = variantId,
                ["inventory"] = new JsonObject { ["product_id"] = productId, ["method"] = absolute ? "absolute" : "relative" },
            });
        return Results.Json(new JsonObject { ["transaction_id"] = Guid.NewGuid().ToString() });
    }

    public static IResult Customers(BigCommerceSimulator bc, IQueryCollection q)
    {
        var emails = q["email:in"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        lock (bc.Gate)
            return List(bc.Customers.Values.Where(c => emails.Length == 0 || emails.Contains(c["email"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase)).ToList());
    }

    public static IResult CreateCustomers(BigCommerceSimulator bc, JsonNode? body)
    {
        if (body is not JsonArray array || array.Count == 0) return BigCommerceEndpoints.Error(true, 422, "Input is invalid", new JsonObject { ["body"] = "expected an array of customers" });
        var created = new List<JsonObject>();
        lock (bc.Gate)
        {
            foreach (var (input, i) in array.OfType<JsonObject>().Select((c, i) => (c, i)))
            {
                var email = input["email"]?.GetValue<string>();
                if (string.IsNullOrEmpty(email) || input["first_name"] is null || input["last_name"] is null)
                    return BigCommerceEndpoints.Error(true, 422, "Input is invalid", new JsonObject { [$"{i}.email"] = "email, first_name and last_name are required" });
                if (bc.Customers.Values.Any(c => string.Equals(c["email"]!.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase)))
                    return BigCommerceEndpoints.Error(true, 422, "The customer is a duplicate", new JsonObject { [$"{i}.email"] = $"Email {email} already in use" });
            }
            foreach (var input in array.OfType<JsonObject>())
            {
                var customer = (JsonObject)input.DeepClone();
                customer["id"] = ++bc.NextId;
                customer["date_created"] = bc.Now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                bc.Customers[customer["id"]!.GetValue<int>()] = customer;
                created.Add(customer);
            }
        }
        return List(created);
    }

    public static IResult SaveHook(BigCommerceSimulator bc, int? id, JsonObject? body)
    {
        if (body is null) return BigCommerceEndpoints.Error(true, 422, "Input is invalid");
        lock (bc.Gate)
        {
            JsonObject hook;
            if (id is { } existing)
            {
                if (!bc.Hooks.TryGetValue(existing, out hook!)) return BigCommerceEndpoints.Error(true, 404, "Webhook not found");
            }
            else
            {
                if (body["scope"]?.GetValue<string>() is not { Length: > 0 } || body["destination"]?.GetValue<string>() is not { } dest || !dest.StartsWith("http", StringComparison.Ordinal))
                    return BigCommerceEndpoints.Error(true, 422, "Input is invalid", new JsonObject { ["destination"] = "scope and an https destination are required" });
                hook = new JsonObject
                {
                    ["id"] = ++bc.NextId, ["client_id"] = bc.Options.ClientId, ["store_hash"] = bc.Options.StoreHash, ["created_at"] = bc.Now.ToUnixTimeSeconds(),
                    ["is_active"] = true, ["headers"] = new JsonObject(),
                };
                bc.Hooks[hook["id"]!.GetValue<int>()] = hook;
            }
            foreach (var f in new[] { "scope", "destination", "is_active", "headers" })
                if (body[f] is { } v) hook[f] = v.DeepClone();
            hook["updated_at"] = bc.Now.ToUnixTimeSeconds();
            return BigCommerceEndpoints.Data(hook);
        }
    }
}
