using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MapLang.Sandbox.Faults;
using MapLang.Sandbox.Tests.Support;

namespace MapLang.Sandbox.Tests.Stores;

/// <summary>The Clarity surface is an assumption: these tests pin it to the stdlib placeholder schema (stdlib/schemas/clarity).</summary>
public sealed partial class ClarityTests : IAsyncLifetime
{
    private SandboxHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = await SandboxHost.StartAsync();
        _http = new HttpClient { BaseAddress = _host.ClarityBaseUri };
        _http.DefaultRequestHeaders.Add("X-Api-Key", _host.Clarity.Options.ApiKey);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [GeneratedRegex(@"entity\s+(\w+)[^{]*\{(.*?)\n\}", RegexOptions.Singleline)]
    private static partial Regex Entity();

    [GeneratedRegex(@"^\s*(\w+):\s*([\w<>]+)(\??)", RegexOptions.Multiline)]
    private static partial Regex Field();

    /// <summary>An example object per schema entity: its field names with a value of the field's kind (optional → any kind).</summary>
    private static JsonNode Schema(string entity)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "../../../../../stdlib/schemas/clarity/clarity.mlschema"));
        var entities = Entity().Matches(text).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        JsonNode? Value(string type, bool optional) => optional ? null : type switch
        {
            "int" or "decimal" => 0,
            "bool" => false,
            "string" or "datetime" => "",
            _ when type.StartsWith("list<", StringComparison.Ordinal) => new JsonArray(Schema(type[5..^1])),
            _ => Schema(type),
        };
        return new JsonObject(Field().Matches(entities[entity]).Select(f => KeyValuePair.Create(f.Groups[1].Value, Value(f.Groups[2].Value, f.Groups[3].Value == "?"))));
    }

    [Fact]
    public async Task Replies_carry_the_assumed_schema_fields_and_auth_is_required()
    {
        var order = JsonNode.Parse(await _http.GetStringAsync("SalesOrders/1001"))!;
        JsonShape.ShouldMatch(order, Schema("SalesOrder"));
        JsonShape.ShouldMatch(order["ShippingAddress"], Schema("Address"));
        foreach (var item in order["SalesItems"]!.AsArray()) JsonShape.ShouldMatch(item, Schema("SalesOrderItem"));
        JsonShape.ShouldMatch(JsonNode.Parse(await _http.GetStringAsync("Products"))!["Results"]![0], Schema("Product"));
        JsonShape.ShouldMatch(JsonNode.Parse(await _http.GetStringAsync("Inventory"))![0], Schema("InventoryLevel"));

        using var anonymous = new HttpClient { BaseAddress = _host.ClarityBaseUri };
        using var refused = await anonymous.GetAsync("SalesOrders");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["ResponseStatus"]!["ErrorCode"]!.GetValue<string>().ShouldBe("Unauthorized");
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", _host.Clarity.Options.ApiKey);
        (await anonymous.GetAsync("SalesOrders")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _http.GetAsync("SalesOrders/9")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Orders_list_status_shipments_and_inventory()
    {
        var id = _host.Clarity.AddOrder("10001", [("ABS", 3, 10m)]);
        var list = JsonNode.Parse(await _http.GetStringAsync("SalesOrders?StatusKey=New&Take=1&Skip=1"))!;
        (list["TotalCount"]!.GetValue<int>(), list["Results"]![0]!["ID"]!.GetValue<int>()).ShouldBe((2, id));
        (await _http.PutAsJsonAsync($"SalesOrders/{id}/Status", new { StatusKey = "Processing" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _http.PutAsJsonAsync($"SalesOrders/{id}/Status", new { StatusKey = "Bogus" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var itemId = JsonNode.Parse(await _http.GetStringAsync($"SalesOrders/{id}"))!["SalesItems"]![0]!["ID"]!.GetValue<int>();
        (await _http.PostAsJsonAsync($"SalesOrders/{id}/Shipments", new { TrackingNumber = "CL-1", CarrierKey = "UPS", Items = new[] { new { SalesOrderItemID = itemId, Quantity = 1 } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        JsonNode.Parse(await _http.GetStringAsync($"SalesOrders/{id}"))!["StatusKey"]!.GetValue<string>().ShouldBe("PartiallyShipped");
        (await _http.PostAsJsonAsync($"SalesOrders/{id}/Shipments", new { TrackingNumber = "CL-2", Items = new[] { new { SalesOrderItemID = itemId, Quantity = 3 } } }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _http.PostAsJsonAsync($"SalesOrders/{id}/Shipments", new { TrackingNumber = "CL-2", Items = new[] { new { SalesOrderItemID = itemId, Quantity = 2 } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        JsonNode.Parse(await _http.GetStringAsync($"SalesOrders/{id}"))!["StatusKey"]!.GetValue<string>().ShouldBe("Shipped");
        JsonNode.Parse(await _http.GetStringAsync($"SalesOrders/{id}/Shipments"))!.AsArray().Count.ShouldBe(2);

        (await _http.PutAsJsonAsync("Inventory", new { ProductKey = "ABS", LocationKey = "MAIN", Quantity = 12 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _http.PutAsJsonAsync("Inventory", new { ProductKey = "NOPE", Quantity = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        JsonNode.Parse(await _http.GetStringAsync("Inventory?productKey=ABS"))![0]!["Quantity"]!.GetValue<decimal>().ShouldBe(12);
        _host.Clarity.InventoryUpdates.Single().Quantity.ShouldBe(12);
    }

    [Fact]
    public async Task Faults_apply_per_operation()
    {
        _host.Faults.Add(new FaultRule { System = "clarity", Operation = "orders.list", Kind = FaultKind.TooManyRequests, RetryAfterSeconds = 3 });
        using var throttled = await _http.GetAsync("SalesOrders");
        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(3));
        _host.Faults.Add(new FaultRule { System = "clarity", Operation = "inventory.update", Kind = FaultKind.ConnectionReset });
        await Should.ThrowAsync<HttpRequestException>(() => _http.PutAsJsonAsync("Inventory", new { ProductKey = "ABS", Quantity = 1 }));
        _host.Clarity.InventoryUpdates.ShouldBeEmpty();
    }
}
