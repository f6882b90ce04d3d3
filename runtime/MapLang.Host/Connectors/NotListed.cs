using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapLang.Host.Connectors;

/// <summary>
/// A stock write for an item the store does not list: a warehouse synced whole to a store that sells a subset of it is normal, so the
/// write answers <c>{"skipped": "&lt;store&gt; does not list SKU &lt;sku&gt;"}</c> instead of failing the run. Each connector decides from its
/// store's own not-found answer for the item (never a 5xx, 401, 429 or a refusal of the quantity); this reads that answer back.
/// </summary>
public static class NotListed
{
    public static JsonObject Skipped(string store, string sku) => new() { ["skipped"] = $"{store} does not list SKU {sku}" };

    /// <summary>The HTTP status and JSON body of a store's refusal (<see cref="StoreHttp"/> keeps both on the exception).</summary>
    public static bool TryRefusal(PermanentCallException e, out int status, out JsonNode? body)
    {
        status = e.Status ?? 0;
        body = null;
        if (e.Status is null || string.IsNullOrEmpty(e.Body)) return false;
        try { body = JsonNode.Parse(e.Body); }
        catch (JsonException) { return false; } // not JSON: not an answer to read
        return body is not null;
    }

    public static bool Contains(string? text, string part) => text?.Contains(part, StringComparison.OrdinalIgnoreCase) == true;
}
