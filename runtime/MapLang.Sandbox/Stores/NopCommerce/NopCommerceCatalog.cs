using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.NopCommerce;

/// <summary>Products (stock: Product/AdjustInventory relative, Product/Update absolute) and customers.</summary>
internal static class NopCommerceCatalog
{
    /// <summary>Filters: keywords (name; also the SKU with searchSku=true, exact as nopCommerce matches SKUs), pageIndex, pageSize.</summary>
    public static IResult Products(NopCommerceSimulator nop, IQueryCollection q)
    {
        var keywords = q["keywords"].ToString();
        var bySku = string.Equals(q["searchSku"], "true", StringComparison.OrdinalIgnoreCase);
        lock (nop.Gate)
        {
            var hits = nop.Products.Values.Where(p => keywords.Length == 0
                || (p["name"]?.GetValue<string>() ?? "").Contains(keywords, StringComparison.OrdinalIgnoreCase)
                || (bySku && string.Equals(p["sku"]?.GetValue<string>(), keywords, StringComparison.OrdinalIgnoreCase))).ToList();
            return NopCommerceEndpoints.Paged(hits, q);
        }
    }

    public static IResult AdjustInventory(NopCommerceSimulator nop, int productId, int? quantityToChange)
    {
        if (quantityToChange is null) return NopCommerceEndpoints.Problem("One or more validation errors occurred.", "The quantityToChange field is required.");
        lock (nop.Gate)
        {
            if (!nop.Products.TryGetValue(productId, out var product)) return NopCommerceEndpoints.NotFound("Product", productId);
            SetStock(nop, product, product["stock_quantity"]!.GetValue<int>() + quantityToChange.Value, "AdjustInventory");
            return Results.Ok();
        }
    }

    public static IResult UpdateProduct(NopCommerceSimulator nop, JsonObject? body)
    {
        if (body?["id"] is not JsonValue idValue || !idValue.TryGetValue<int>(out var id)) return NopCommerceEndpoints.Problem("One or more validation errors occurred.", "The id field is required.");
        if (body["stock_quantity"] is JsonValue sq && !sq.TryGetValue<int>(out _)) return NopCommerceEndpoints.Problem("One or more validation errors occurred.", "stock_quantity must be an integer.");
        lock (nop.Gate)
        {
            if (!nop.Products.TryGetValue(id, out var product)) return NopCommerceEndpoints.NotFound("Product", id);
            var before = product["stock_quantity"]!.GetValue<int>();
            var merged = (JsonObject)product.DeepClone();
            foreach (var name in NopSpec.Properties("ProductDto"))
                if (name != "id" && body.ContainsKey(name)) merged[name] = body[name]?.DeepClone();
            merged["updated_on_utc"] = NopSpec.Date(nop.Now);
            var shaped = nop.Shape("ProductDto", merged);
            var after = shaped["stock_quantity"]!.GetValue<int>();
            shaped["stock_quantity"] = before;
            nop.Products[id] = shaped;
            if (after != before) SetStock(nop, shaped, after, "Update");
            return Results.Ok();
        }
    }

    private static void SetStock(NopCommerceSimulator nop, JsonObject product, int quantity, string operation)
    {
        var before = product["stock_quantity"]!.GetValue<int>();
        product["stock_quantity"] = quantity;
        product["updated_on_utc"] = NopSpec.Date(nop.Now);
        nop.StockUpdates.Enqueue(new NopCommerceSimulator.StockUpdate(product["id"]!.GetValue<int>(), product["sku"]?.GetValue<string>() ?? "", before, quantity, operation, nop.Now));
    }

    public static IResult CustomerByEmail(NopCommerceSimulator nop, string email)
    {
        lock (nop.Gate)
            return nop.Customers.Values.FirstOrDefault(c => string.Equals(c["email"]?.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase)) is { } c
                ? Results.Json(c.DeepClone())
                : Results.Json($"Customer with email {email} not found", statusCode: 404);
    }

    public static IResult Customers(NopCommerceSimulator nop, IQueryCollection q)
    {
        var email = q["email"].ToString();
        lock (nop.Gate)
            return NopCommerceEndpoints.Paged(nop.Customers.Values.Where(c => email.Length == 0
                || (c["email"]?.GetValue<string>() ?? "").Contains(email, StringComparison.OrdinalIgnoreCase)).ToList(), q);
    }

    public static IResult CustomerAddresses(NopCommerceSimulator nop, int customerId)
    {
        lock (nop.Gate)
        {
            if (!nop.Customers.TryGetValue(customerId, out var c)) return NopCommerceEndpoints.NotFound("Customer", customerId);
            var ids = new[] { c["billing_address_id"], c["shipping_address_id"] }.OfType<JsonValue>().Select(v => v.GetValue<int>()).Distinct();
            return Results.Json(NopCommerceEndpoints.Array(ids.Where(nop.Addresses.ContainsKey).Select(i => nop.Addresses[i])));
        }
    }

    public static IResult CreateCustomer(NopCommerceSimulator nop, JsonObject? body)
    {
        var email = body?["email"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(email)) return NopCommerceEndpoints.Problem("One or more validation errors occurred.", "email is required.");
        lock (nop.Gate)
        {
            if (nop.Customers.Values.Any(c => string.Equals(c["email"]?.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase)))
                return NopCommerceEndpoints.Problem("Bad Request", "The specified email already exists");
            var source = (JsonObject)body!.DeepClone();
            source["id"] = ++nop.NextId;
            source["customer_guid"] = Guid.NewGuid().ToString();
            source["created_on_utc"] = NopSpec.Date(nop.Now);
            source["last_activity_date_utc"] = NopSpec.Date(nop.Now);
            if (!source.ContainsKey("active")) source["active"] = true;
            var customer = nop.Shape("CustomerDto", source);
            nop.Customers[customer["id"]!.GetValue<int>()] = customer;
            return Results.Json(customer.DeepClone());
        }
    }
}
