using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.Amazon.Listings;

/// <summary>
/// Listings Items 2021-08-01: <c>GET|PUT|PATCH|DELETE /listings/2021-08-01/items/{sellerId}/{sku}?marketplaceIds=…</c>.
/// GET's includedData defaults to summaries; put/patch reply <c>{sku, status, submissionId, issues}</c> (ACCEPTED or INVALID), and with
/// <c>mode=VALIDATION_PREVIEW</c> VALID/INVALID plus identifiers without changing anything. Accepted changes apply at once (Amazon
/// processes them asynchronously, usually within minutes).
/// </summary>
internal static class ListingsItemsApi
{
    public static IResult Get(AmazonSimulator amazon, string sellerId, string sku, IQueryCollection q)
    {
        if (Check(amazon, sellerId, q) is { } refused) return refused;
        var included = q["includedData"].ToString() is { Length: > 0 } list ? list.Split(',', StringSplitOptions.TrimEntries) : ["summaries"];
        lock (amazon.Gate)
            return amazon.Listings.TryGetValue(sku, out var listing)
                ? Results.Json(listing.Render(included))
                : SpApiErrors.NotFound($"SKU '{sku}' not found in marketplace {q["marketplaceIds"]}");
    }

    public static IResult Put(AmazonSimulator amazon, string sellerId, string sku, IQueryCollection q, JsonObject? body)
    {
        if (Check(amazon, sellerId, q) is { } refused) return refused;
        if (body?["productType"]?.GetValue<string>() is not { Length: > 0 } productType) return SpApiErrors.InvalidInput("Request has missing or invalid parameters and cannot be parsed.", "productType is required");
        var attributes = body["attributes"] as JsonObject;
        var issues = ListingChanges.ValidatePut(attributes, body["requirements"]?.GetValue<string>());
        var preview = IsPreview(q);
        int? quantity = null;
        lock (amazon.Gate)
        {
            var exists = amazon.Listings.TryGetValue(sku, out var listing);
            if (issues.Count == 0 && !preview)
            {
                if (!exists) amazon.Listings[sku] = listing = Listing.Create(sku, 0, amazon.Options.MarketplaceId, AmazonSimulator.Iso(amazon.Now));
                quantity = ListingChanges.ApplyPut(listing!, attributes!, productType);
            }
            if (quantity is { } n) amazon.QuantityUpdates.Enqueue(new AmazonSimulator.QuantityUpdate(sku, n, "putListingsItem", amazon.Now));
            return Reply(sku, issues, preview, listing?.Asin, amazon.Options.MarketplaceId);
        }
    }

    public static IResult Patch(AmazonSimulator amazon, string sellerId, string sku, IQueryCollection q, JsonObject? body)
    {
        if (Check(amazon, sellerId, q) is { } refused) return refused;
        if (body?["productType"]?.GetValue<string>() is not { Length: > 0 }) return SpApiErrors.InvalidInput("Request has missing or invalid parameters and cannot be parsed.", "productType is required");
        var patches = body["patches"] as JsonArray;
        var issues = ListingChanges.ValidatePatches(patches);
        var preview = IsPreview(q);
        lock (amazon.Gate)
        {
            if (!amazon.Listings.TryGetValue(sku, out var listing)) return SpApiErrors.NotFound($"SKU '{sku}' not found in marketplace {q["marketplaceIds"]}");
            if (issues.Count == 0 && !preview && ListingChanges.ApplyPatches(listing, patches!) is { } n)
                amazon.QuantityUpdates.Enqueue(new AmazonSimulator.QuantityUpdate(sku, n, "patchListingsItem", amazon.Now));
            return Reply(sku, issues, preview, listing.Asin, amazon.Options.MarketplaceId);
        }
    }

    public static IResult Delete(AmazonSimulator amazon, string sellerId, string sku, IQueryCollection q)
    {
        if (Check(amazon, sellerId, q) is { } refused) return refused;
        lock (amazon.Gate)
            return amazon.Listings.Remove(sku) ? Reply(sku, [], false, null, amazon.Options.MarketplaceId) : SpApiErrors.NotFound($"SKU '{sku}' not found");
    }

    private static bool IsPreview(IQueryCollection q) => q["mode"] == "VALIDATION_PREVIEW";

    private static IResult? Check(AmazonSimulator amazon, string sellerId, IQueryCollection q)
    {
        if (sellerId != amazon.Options.SellerId) return SpApiErrors.Error(403, "Unauthorized", "Access to requested resource is denied.", $"The seller {sellerId} has not authorized this application.");
        if (q["marketplaceIds"].ToString().Length == 0) return SpApiErrors.InvalidInput("Missing required 'marketplaceIds' parameter.");
        return null;
    }

    private static IResult Reply(string sku, List<JsonObject> issues, bool preview, string? asin, string marketplaceId)
    {
        var reply = new JsonObject
        {
            ["sku"] = sku,
            ["status"] = issues.Count > 0 ? "INVALID" : preview ? "VALID" : "ACCEPTED",
            ["submissionId"] = Guid.NewGuid().ToString(),
        };
        if (preview)
            reply["identifiers"] = issues.Count > 0 || asin is null
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["marketplaceId"] = marketplaceId, ["asin"] = asin });
        reply["issues"] = new JsonArray(issues.Select(i => (JsonNode)i).ToArray());
        return Results.Json(reply);
    }
}
