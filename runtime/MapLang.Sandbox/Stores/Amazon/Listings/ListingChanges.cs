using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MapLang.Sandbox.Stores.Amazon.Listings;

/// <summary>
/// Validates and applies listing changes for the Listings Items API and JSON_LISTINGS_FEED alike. The checks are the sandbox's own
/// subset of Amazon's: patch paths must be <c>/attributes/{name}</c> with op add/replace/merge/delete, fulfillment_availability needs a
/// channel code and a whole quantity ≥ 0, and a full put (requirements LISTING) needs condition_type. Issue codes and texts are those of the
/// examples (90220 missing attribute, 90000900 invalid attributes).
/// </summary>
internal static partial class ListingChanges
{
    [GeneratedRegex("^/attributes/([a-z0-9_]+)$")]
    private static partial Regex AttributePath();

    public static List<JsonObject> ValidatePatches(JsonArray? patches)
    {
        var issues = new List<JsonObject>();
        if (patches is null || patches.Count == 0) return [Invalid("patches", "The patches are missing or empty.")];
        foreach (var patch in patches.OfType<JsonObject>())
        {
            var path = patch["path"]?.GetValue<string>() ?? "";
            var match = AttributePath().Match(path);
            var op = patch["op"]?.GetValue<string>();
            if (!match.Success || op is not ("add" or "replace" or "merge" or "delete"))
            {
                issues.Add(Invalid(match.Success ? match.Groups[1].Value : path.Split('/')[^1], "The attributes are invalid."));
                continue;
            }
            if (match.Groups[1].Value == "fulfillment_availability" && op != "delete") issues.AddRange(ValidateAvailability(patch["value"]));
        }
        return issues;
    }

    public static List<JsonObject> ValidatePut(JsonObject? attributes, string? requirements)
    {
        if (attributes is null) return [Missing("attributes")];
        var issues = new List<JsonObject>();
        if (requirements != "LISTING_OFFER_ONLY" && attributes["condition_type"] is null) issues.Add(Missing("condition_type"));
        if (attributes["fulfillment_availability"] is { } fa) issues.AddRange(ValidateAvailability(fa));
        return issues;
    }

    /// <summary>Applies validated patches; returns the new DEFAULT quantity when fulfillment_availability changed.</summary>
    public static int? ApplyPatches(Listing listing, JsonArray patches)
    {
        var touched = false;
        foreach (var patch in patches.OfType<JsonObject>())
        {
            var name = AttributePath().Match(patch["path"]!.GetValue<string>()).Groups[1].Value;
            touched |= name == "fulfillment_availability";
            if (patch["op"]!.GetValue<string>() == "delete") listing.Attributes.Remove(name);
            else listing.Attributes[name] = patch["value"]?.DeepClone();
        }
        return touched ? listing.Quantity : null;
    }

    public static int? ApplyPut(Listing listing, JsonObject attributes, string? productType)
    {
        listing.Attributes = (JsonObject)attributes.DeepClone();
        if (productType is not null) listing.ProductType = productType;
        return attributes.ContainsKey("fulfillment_availability") ? listing.Quantity : null;
    }

    private static IEnumerable<JsonObject> ValidateAvailability(JsonNode? value)
    {
        var entries = (value as JsonArray)?.OfType<JsonObject>().ToList();
        if (entries is null || entries.Count == 0
            || entries.Any(e => e["fulfillment_channel_code"]?.GetValueKind() != global::System.Text.Json.JsonValueKind.String
                || e["quantity"] is not JsonValue q || !q.TryGetValue<int>(out var n) || n < 0))
            yield return Invalid("fulfillment_availability", "The attributes are invalid.");
    }

    private static JsonObject Missing(string attribute) =>
        Issue("90220", $"'{attribute}' is required but not supplied.", attribute, "MISSING_ATTRIBUTE", "LISTING_SUPPRESSED");

    private static JsonObject Invalid(string attribute, string message) =>
        Issue("90000900", message, attribute, "INVALID_ATTRIBUTE", "ATTRIBUTE_SUPPRESSED");

    private static JsonObject Issue(string code, string message, string attribute, string category, string action) => new()
    {
        ["code"] = code, ["message"] = message, ["severity"] = "ERROR", ["attributeNames"] = new JsonArray(attribute),
        ["categories"] = new JsonArray(category),
        ["enforcements"] = new JsonObject
        {
            ["actions"] = new JsonArray(new JsonObject { ["action"] = action }), ["exemption"] = new JsonObject { ["status"] = "NOT_EXEMPT" },
        },
    };
}
