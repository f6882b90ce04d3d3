using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.Magento;

/// <summary>Products, MSI source items and customers.</summary>
internal static class MagentoCatalog
{
    public static IResult SaveProduct(MagentoSimulator m, JsonObject? body, string? sku)
    {
        if (body?["product"] is not JsonObject input) return MagentoEndpoints.Error(400, "\"%fieldName\" is required. Enter and try again.", new JsonObject { ["fieldName"] = "product" });
        sku ??= input["sku"]?.GetValue<string>();
        if (string.IsNullOrEmpty(sku)) return MagentoEndpoints.Error(400, "The \"%1\" attribute value is empty. Set the attribute and try again.", new JsonObject { ["0"] = "sku" });
        lock (m.Gate)
        {
            if (!m.Products.TryGetValue(sku, out var product))
            {
                // A new product has Magento's defaults, not another product's values (a price is only what the request gives).
                var id = ++m.NextId;
                product = new JsonObject
                {
                    ["id"] = id, ["sku"] = sku, ["attribute_set_id"] = 4, ["status"] = 1, ["visibility"] = 4, ["type_id"] = "simple", ["created_at"] = m.Now,
                    ["extension_attributes"] = new JsonObject { ["website_ids"] = new JsonArray(1) }, ["product_links"] = new JsonArray(),
                    ["options"] = new JsonArray(), ["media_gallery_entries"] = new JsonArray(), ["tier_prices"] = new JsonArray(), ["custom_attributes"] = new JsonArray(),
                };
                m.Products[sku] = product;
            }
            foreach (var (key, value) in input)
                if (key != "extension_attributes" && key != "id") product[key] = value?.DeepClone();
            product["updated_at"] = m.Now;
            return Results.Json(product.DeepClone());
        }
    }

    public static IResult SaveSourceItems(MagentoSimulator m, JsonObject? body)
    {
        if (body?["sourceItems"] is not JsonArray items)
            return MagentoEndpoints.Error(400, "\"%fieldName\" is required. Enter and try again.", new JsonObject { ["fieldName"] = "sourceItems" });
        var parsed = items.OfType<JsonObject>().ToList();
        lock (m.Gate)
        {
            foreach (var item in parsed)
            {
                var sku = item["sku"]?.GetValue<string>() ?? "";
                var source = item["source_code"]?.GetValue<string>() ?? "";
                if (!m.Products.ContainsKey(sku) && !m.SourceItems.Keys.Any(k => k.Sku == sku))
                    return MagentoEndpoints.Error(400, "Validation Failed", new JsonObject { ["sku"] = sku });
                if (source.Length == 0) return MagentoEndpoints.Error(400, "\"%field\" can not be empty.", new JsonObject { ["field"] = "source_code" });
            }
            foreach (var item in parsed)
            {
                var key = (item["sku"]!.GetValue<string>(), item["source_code"]!.GetValue<string>());
                m.SourceItems[key] = new JsonObject
                {
                    ["sku"] = key.Item1, ["source_code"] = key.Item2, ["quantity"] = item["quantity"]?.DeepClone() ?? 0, ["status"] = item["status"]?.DeepClone() ?? 1,
                };
            }
        }
        return Results.Json(new JsonArray());
    }

    public static IResult CreateCustomer(MagentoSimulator m, JsonObject? body)
    {
        if (body?["customer"] is not JsonObject input || input["email"]?.GetValue<string>() is not { Length: > 0 } email)
            return MagentoEndpoints.Error(400, "\"%fieldName\" is required. Enter and try again.", new JsonObject { ["fieldName"] = "email" });
        lock (m.Gate)
        {
            if (m.Customers.Values.Any(c => string.Equals(c["email"]?.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase)))
                return MagentoEndpoints.Error(400, "A customer with the same email address already exists in an associated website.");
            var customer = (JsonObject)input.DeepClone();
            var id = m.Customers.Keys.DefaultIfEmpty(0).Max() + 1;
            customer["id"] = id;
            customer["group_id"] ??= 1;
            customer["created_at"] = m.Now;
            customer["updated_at"] = m.Now;
            customer["created_in"] = "Default Store View";
            customer["store_id"] ??= 1;
            customer["website_id"] ??= 1;
            customer["addresses"] ??= new JsonArray();
            customer["disable_auto_group_change"] = 0;
            m.Customers[id] = customer;
            return Results.Json(customer.DeepClone());
        }
    }

    /// <summary>PUT customers/{id}: the given fields replace the account's; an e-mail another account holds is refused as on create.</summary>
    public static IResult UpdateCustomer(MagentoSimulator m, int id, JsonObject? body)
    {
        if (body?["customer"] is not JsonObject input || input["email"]?.GetValue<string>() is not { Length: > 0 } email)
            return MagentoEndpoints.Error(400, "\"%fieldName\" is required. Enter and try again.", new JsonObject { ["fieldName"] = "email" });
        lock (m.Gate)
        {
            if (!m.Customers.TryGetValue(id, out var customer))
                return MagentoEndpoints.Error(404, "No such entity with %fieldName = %fieldValue", new JsonObject { ["fieldName"] = "customerId", ["fieldValue"] = id });
            if (m.Customers.Any(c => c.Key != id && string.Equals(c.Value["email"]?.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase)))
                return MagentoEndpoints.Error(400, "A customer with the same email address already exists in an associated website.");
            foreach (var (key, value) in input)
                if (key is not ("id" or "created_at" or "created_in")) customer[key] = value?.DeepClone();
            customer["updated_at"] = m.Now;
            return Results.Json(customer.DeepClone());
        }
    }
}
