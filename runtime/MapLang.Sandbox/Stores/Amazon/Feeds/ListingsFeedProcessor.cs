using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Stores.Amazon.Listings;

namespace MapLang.Sandbox.Stores.Amazon.Feeds;

/// <summary>
/// Applies a JSON_LISTINGS_FEED (listings feed schema v2: <c>{header, messages:[{messageId, sku, operationType, productType, patches |
/// attributes}]}</c>) to the listings and writes the processing report (schema v2: header, issues, summary, and items when the header asks
/// for a report). UPDATE replaces a listing, PARTIAL_UPDATE merges attributes, PATCH applies patches, DELETE removes; PATCH and
/// PARTIAL_UPDATE need an existing SKU. Validation is <see cref="ListingChanges"/>'s.
/// </summary>
internal static class ListingsFeedProcessor
{
    private static readonly string[] Renderable = ["summaries", "attributes", "issues", "offers", "fulfillmentAvailability"];

    /// <summary>Returns the report, or null when the document is not a listings feed (the feed ends FATAL).</summary>
    public static JsonObject? Process(AmazonSimulator amazon, Feed feed, byte[] content)
    {
        JsonObject? document;
        try { document = JsonNode.Parse(content) as JsonObject; }
        catch (JsonException) { return null; }
        if (document?["messages"] is not JsonArray messages) return null;
        var issues = new JsonArray();
        var accepted = new List<string>();
        var invalid = 0;
        foreach (var message in messages.OfType<JsonObject>())
        {
            var messageId = message["messageId"]?.GetValue<int>() ?? 0;
            var sku = message["sku"]?.GetValue<string>() ?? "";
            var problems = Apply(amazon, message, sku);
            if (problems.Count == 0)
            {
                accepted.Add(sku);
                continue;
            }
            invalid++;
            foreach (var p in problems)
                issues.Add(new JsonObject
                {
                    ["messageId"] = messageId, ["sku"] = sku, ["code"] = p["code"]!.DeepClone(), ["severity"] = p["severity"]!.DeepClone(),
                    ["message"] = p["message"]!.DeepClone(), ["attributeName"] = p["attributeNames"]?[0]?.DeepClone(),
                });
        }
        var header = new JsonObject
        {
            ["sellerId"] = amazon.Options.SellerId, ["version"] = "2.0", ["feedId"] = feed.Id.ToString(global::System.Globalization.CultureInfo.InvariantCulture),
        };
        var summary = new JsonObject
        {
            ["errors"] = issues.Count, ["warnings"] = 0, ["messagesProcessed"] = messages.Count, ["messagesAccepted"] = accepted.Count, ["messagesInvalid"] = invalid,
        };
        var report = new JsonObject { ["header"] = header, ["issues"] = issues, ["summary"] = summary };
        if (document["header"]?["report"] is JsonObject wanted)
        {
            header["report"] = wanted.DeepClone();
            var included = (wanted["includedData"] as JsonArray)?.Select(n => n?.GetValue<string>() ?? "").Intersect(Renderable).ToList() ?? [];
            var items = accepted.Distinct().Where(amazon.Listings.ContainsKey).Select(s => (JsonNode)amazon.Listings[s].Render(included)).ToArray();
            summary["itemSummary"] = new JsonObject { ["items"] = items.Length, ["errors"] = 0, ["warnings"] = 0 };
            report["items"] = new JsonArray(items);
        }
        return report;
    }

    private static List<JsonObject> Apply(AmazonSimulator amazon, JsonObject message, string sku)
    {
        var operation = message["operationType"]?.GetValue<string>();
        amazon.Listings.TryGetValue(sku, out var listing);
        int? quantity = null;
        switch (operation)
        {
            case "DELETE":
                amazon.Listings.Remove(sku);
                return [];
            case "PATCH":
            {
                var patches = message["patches"] as JsonArray;
                var problems = ListingChanges.ValidatePatches(patches);
                if (listing is null) problems.Add(NotFound(sku));
                if (problems.Count > 0) return problems;
                quantity = ListingChanges.ApplyPatches(listing!, patches!);
                break;
            }
            case "PARTIAL_UPDATE":
            {
                var attributes = message["attributes"] as JsonObject ?? [];
                var patches = new JsonArray(attributes.Select(a => (JsonNode)new JsonObject { ["op"] = "replace", ["path"] = "/attributes/" + a.Key, ["value"] = a.Value?.DeepClone() }).ToArray());
                var problems = ListingChanges.ValidatePatches(patches);
                if (listing is null) problems.Add(NotFound(sku));
                if (problems.Count > 0) return problems;
                quantity = ListingChanges.ApplyPatches(listing!, patches);
                break;
            }
            case "UPDATE":
            {
                var attributes = message["attributes"] as JsonObject;
                var problems = ListingChanges.ValidatePut(attributes, message["requirements"]?.GetValue<string>());
                if (problems.Count > 0) return problems;
                if (listing is null) amazon.Listings[sku] = listing = Listing.Create(sku, 0, amazon.Options.MarketplaceId, AmazonSimulator.Iso(amazon.Now));
                quantity = ListingChanges.ApplyPut(listing, attributes!, message["productType"]?.GetValue<string>());
                break;
            }
            default:
                return [new JsonObject { ["code"] = "90000900", ["message"] = $"operationType '{operation}' is not valid.", ["severity"] = "ERROR" }];
        }
        if (quantity is { } n) amazon.QuantityUpdates.Enqueue(new AmazonSimulator.QuantityUpdate(sku, n, "JSON_LISTINGS_FEED", amazon.Now));
        return [];
    }

    private static JsonObject NotFound(string sku) => new()
    {
        ["code"] = "90000900", ["message"] = $"The SKU '{sku}' does not exist; submit an UPDATE to create it.", ["severity"] = "ERROR",
    };
}
