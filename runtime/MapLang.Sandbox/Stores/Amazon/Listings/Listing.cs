using System.Text.Json.Nodes;

namespace MapLang.Sandbox.Stores.Amazon.Listings;

/// <summary>A seller's listings item: the getListingsItem parts plus the attributes the put/patch operations and feeds change.</summary>
internal sealed class Listing
{
    public required string Sku { get; init; }
    public required string Asin { get; init; }
    public string ProductType { get; set; } = "PRODUCT";
    public JsonObject Attributes { get; set; } = [];
    public JsonArray Summaries { get; set; } = [];
    public JsonArray Offers { get; set; } = [];
    public JsonArray Issues { get; set; } = [];

    /// <summary>DEFAULT (merchant-fulfilled) quantity, from the fulfillment_availability attribute.</summary>
    public int? Quantity => Attributes["fulfillment_availability"]?.AsArray().OfType<JsonObject>()
        .FirstOrDefault(f => f["fulfillment_channel_code"]?.GetValue<string>() == "DEFAULT")?["quantity"]?.GetValue<int>();

    public JsonObject Render(IReadOnlyCollection<string> included)
    {
        var item = new JsonObject { ["sku"] = Sku };
        if (included.Contains("summaries")) item["summaries"] = Summaries.DeepClone();
        if (included.Contains("attributes")) item["attributes"] = Attributes.DeepClone();
        if (included.Contains("issues")) item["issues"] = Issues.DeepClone();
        if (included.Contains("offers")) item["offers"] = Offers.DeepClone();
        if (included.Contains("fulfillmentAvailability"))
            item["fulfillmentAvailability"] = new JsonArray((Attributes["fulfillment_availability"]?.AsArray() ?? []).OfType<JsonObject>()
                .Select(f => (JsonNode)new JsonObject
                {
                    ["fulfillmentChannelCode"] = f["fulfillment_channel_code"]?.DeepClone(),
                    ["quantity"] = f["quantity"]?.DeepClone(),
                }).ToArray());
        return item;
    }

    public static Listing FromExample(JsonObject example, string marketplaceId)
    {
        var summaries = (JsonArray)example["summaries"]!.DeepClone();
        var listing = new Listing
        {
            Sku = example["sku"]!.GetValue<string>(),
            Asin = summaries[0]!["asin"]!.GetValue<string>(),
            ProductType = summaries[0]!["productType"]!.GetValue<string>(),
            Summaries = summaries,
            Offers = (JsonArray)example["offers"]!.DeepClone(),
            Issues = (JsonArray)example["issues"]!.DeepClone(),
        };
        listing.Attributes["condition_type"] = new JsonArray(new JsonObject { ["value"] = summaries[0]!["conditionType"]!.DeepClone(), ["marketplace_id"] = marketplaceId });
        listing.Attributes["item_name"] = new JsonArray(new JsonObject { ["value"] = summaries[0]!["itemName"]!.DeepClone(), ["marketplace_id"] = marketplaceId });
        listing.Attributes["fulfillment_availability"] = new JsonArray((example["fulfillmentAvailability"]?.AsArray() ?? []).OfType<JsonObject>()
            .Select(f => (JsonNode)new JsonObject { ["fulfillment_channel_code"] = f["fulfillmentChannelCode"]?.DeepClone(), ["quantity"] = f["quantity"]?.DeepClone() }).ToArray());
        return listing;
    }

    /// <summary>A buyable listing for a SKU of the example orders, shaped like the example listing.</summary>
    public static Listing Create(string sku, int quantity, string marketplaceId, string now)
    {
        var asin = "B0" + ((uint)StringComparer.Ordinal.GetHashCode(sku) % 100000000).ToString("00000000", global::System.Globalization.CultureInfo.InvariantCulture);
        var listing = new Listing
        {
            Sku = sku, Asin = asin,
            Summaries = new JsonArray(new JsonObject
            {
                ["marketplaceId"] = marketplaceId, ["asin"] = asin, ["productType"] = "PRODUCT", ["conditionType"] = "new_new",
                ["status"] = new JsonArray("BUYABLE", "DISCOVERABLE"), ["itemName"] = sku, ["createdDate"] = now, ["lastUpdatedDate"] = now,
                ["mainImage"] = new JsonObject { ["link"] = "https://www.example.com/" + Uri.EscapeDataString(sku) + ".png", ["height"] = 500, ["width"] = 500 },
            }),
            Offers = new JsonArray(new JsonObject
            {
                ["marketplaceId"] = marketplaceId, ["offerType"] = "B2C", ["price"] = new JsonObject { ["currencyCode"] = "USD", ["amount"] = "10.00" },
                ["audience"] = new JsonObject { ["value"] = "ALL", ["displayName"] = "Sell on Amazon" },
            }),
        };
        listing.Attributes["condition_type"] = new JsonArray(new JsonObject { ["value"] = "new_new", ["marketplace_id"] = marketplaceId });
        listing.Attributes["item_name"] = new JsonArray(new JsonObject { ["value"] = sku, ["marketplace_id"] = marketplaceId });
        listing.Attributes["fulfillment_availability"] = new JsonArray(new JsonObject { ["fulfillment_channel_code"] = "DEFAULT", ["quantity"] = quantity });
        return listing;
    }
}
