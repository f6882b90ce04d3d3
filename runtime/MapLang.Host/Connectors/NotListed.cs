using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MapLang.Host.Connectors;

/// <summary>
/// A stock write for an item the store does not list: a warehouse synced whole to a store that sells a subset of it is normal, so the
/// write answers <c>{"skipped": "&lt;store&gt; does not list SKU &lt;sku&gt;"}</c> instead of failing the run. Each connector decides from its
/// store's own not-found answer for the item (never a 5xx, 401, 429 or a refusal of the quantity); this reads that answer back.
/// </summary>
public static partial class NotListed
{
    public static JsonObject Skipped(string store, string sku) => new() { ["skipped"] = $"{store} does not list SKU {sku}" };

    /// <summary>The HTTP status and JSON body of a store's refusal, as <see cref="StoreHttp"/> words it: "{system} {operation}: HTTP {status} {body}".</summary>
    public static bool TryRefusal(PermanentCallException e, out int status, out JsonNode? body)
    {
        status = 0;
        body = null;
        var match = Refusal().Match(e.Message);
        if (!match.Success) return false;
        status = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        try { body = JsonNode.Parse(match.Groups[2].Value); }
        catch (JsonException) { return false; } // empty or shortened: not an answer to read
        return body is not null;
    }

    public static bool Contains(string? text, string part) => text?.Contains(part, StringComparison.OrdinalIgnoreCase) == true;

    [GeneratedRegex(@"^\S+ \S+: HTTP (\d{3}) (.*)$", RegexOptions.Singleline)]
    private static partial Regex Refusal();
}
