using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapLang.Host.Connectors;
using MapLang.Sandbox.Faults;
using MapLang.Sandbox.Seed;

namespace MapLang.Host.Tests.Stores;

/// <summary>
/// The stock write of each store for an item the store does not list (a whole M3 warehouse synced to a store that sells a subset):
/// skipped with <c>{"skipped": "&lt;store&gt; does not list SKU …"}</c> and nothing changed, while a listed item is still written and any
/// other failure (a 5xx, a refused quantity) still fails the call.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class UnlistedStockTests(StoresFixture f)
{
    private const string Unknown = "NOT-IN-THIS-STORE-1";

    private IConnector Connector(string name) => ((ConnectorRegistry)f.Host.Services.GetService(typeof(ConnectorRegistry))!).Get(name);

    private Task<JsonNode?> Call(string connector, string operation, JsonObject record) =>
        Connector(connector).CallAsync(operation, record, null!, CancellationToken.None);

    private static void ShouldBeSkipped(JsonNode? reply, string store, string sku) =>
        reply.ShouldBeOfType<JsonObject>()["skipped"]!.GetValue<string>().ShouldBe($"{store} does not list SKU {sku}");

    /// <summary>A 500 on every call of the operation until the check is done: not a not-found, so the write must fail.</summary>
    private async Task FailsOnServerErrorAsync(string system, string operation, Func<Task> write)
    {
        f.Sandbox.Faults.Add(new FaultRule { System = system, Operation = operation, Kind = FaultKind.ServerError, StatusCode = 500, Probability = 1.0 });
        try
        {
            await Should.ThrowAsync<TransientCallException>(write);
        }
        finally
        {
            f.Sandbox.Faults.Clear();
        }
    }

    private async Task<JsonNode> MagentoAsync(string path)
    {
        using var login = await f.Http.PostAsJsonAsync(new Uri(f.Sandbox.MagentoBaseUri, "integration/admin/token"), new { username = "admin", password = "sandbox-admin-123" });
        login.EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(f.Sandbox.MagentoBaseUri, path));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await login.Content.ReadFromJsonAsync<string>());
        using var response = await f.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<List<JsonObject>> MagentoSourceItemsAsync() =>
        (await MagentoAsync("inventory/source-items?searchCriteria[pageSize]=1000"))["items"]!.AsArray().OfType<JsonObject>().ToList();

    private async Task<List<JsonObject>> BigCommerceVariantsAsync(string? sku = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(f.Sandbox.BigCommerceBaseUri, "v3/catalog/variants" + (sku is null ? "" : $"?sku={Uri.EscapeDataString(sku)}")));
        request.Headers.Add("X-Auth-Token", "sandbox-bc-access-token");
        using var response = await f.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!.AsArray().OfType<JsonObject>().ToList();
    }

    [Fact]
    public async Task Magento_skips_an_unlisted_sku_and_writes_a_listed_one()
    {
        var before = await MagentoSourceItemsAsync();
        var reply = await Call("magento", "source-items", new JsonObject { ["sku"] = Unknown, ["source_code"] = "default", ["quantity"] = 7, ["status"] = 1 });
        ShouldBeSkipped(reply, "Magento", Unknown);
        (await MagentoSourceItemsAsync()).Select(i => i.ToJsonString()).ShouldBe(before.Select(i => i.ToJsonString()));

        var known = before.First(i => i["source_code"]?.GetValue<string>() == "default")["sku"]!.GetValue<string>();
        var written = await Call("magento", "source-items", new JsonObject { ["sku"] = known, ["source_code"] = "default", ["quantity"] = 41, ["status"] = 1 });
        written.ShouldBeOfType<JsonArray>();
        (await MagentoSourceItemsAsync()).Single(i => i["sku"]!.GetValue<string>() == known && i["source_code"]!.GetValue<string>() == "default")["quantity"]!
            .GetValue<decimal>().ShouldBe(41m);

        await FailsOnServerErrorAsync("magento", "source-items.save",
            () => Call("magento", "source-items", new JsonObject { ["sku"] = Unknown, ["source_code"] = "default", ["quantity"] = 7, ["status"] = 1 }));
        // A refusal that names the item but is about something else (no source) is not a not-found.
        await Should.ThrowAsync<PermanentCallException>(() => Call("magento", "source-items", new JsonObject { ["sku"] = known, ["source_code"] = "", ["quantity"] = 1 }));
    }

    [Fact]
    public async Task BigCommerce_skips_an_unlisted_sku_and_writes_a_listed_one()
    {
        var reply = await Call("bigcommerce", "inventory.absolute", new JsonObject { ["sku"] = Unknown, ["location_id"] = 1, ["quantity"] = 7 });
        ShouldBeSkipped(reply, "BigCommerce", Unknown);
        (await BigCommerceVariantsAsync(Unknown)).ShouldBeEmpty();

        var known = (await BigCommerceVariantsAsync()).First()["sku"]!.GetValue<string>();
        var written = await Call("bigcommerce", "inventory.absolute", new JsonObject { ["sku"] = known, ["location_id"] = 1, ["quantity"] = 42 });
        written!["transaction_id"].ShouldNotBeNull();
        (await BigCommerceVariantsAsync(known)).Single()["inventory_level"]!.GetValue<int>().ShouldBe(42);

        await FailsOnServerErrorAsync("bigcommerce", "inventory.adjustments.absolute",
            () => Call("bigcommerce", "inventory.absolute", new JsonObject { ["sku"] = Unknown, ["location_id"] = 1, ["quantity"] = 7 }));
        // The same 422 for an item without its quantity is a mapping error, not an unlisted item.
        await Should.ThrowAsync<PermanentCallException>(() => Call("bigcommerce", "inventory.absolute", new JsonObject { ["sku"] = Unknown, ["location_id"] = 1 }));
    }

    [Fact]
    public async Task NopCommerce_skips_an_unlisted_sku_and_writes_a_listed_one()
    {
        var updates = f.Sandbox.NopCommerce.StockUpdates.Count;
        var reply = await Call("nop", "product.stock", new JsonObject { ["sku"] = Unknown, ["quantity"] = 7 });
        ShouldBeSkipped(reply, "nopCommerce", Unknown);
        f.Sandbox.NopCommerce.StockUpdates.Count.ShouldBe(updates);

        const string known = "UNLISTED-TEST-NOP-1";
        f.Sandbox.NopCommerce.AddOrder("stock@example.com", [(known, 1, 5m)]);
        updates = f.Sandbox.NopCommerce.StockUpdates.Count;
        var written = await Call("nop", "product.stock", new JsonObject { ["sku"] = known, ["quantity"] = 43 });
        written!["stock_quantity"]!.GetValue<int>().ShouldBe(43);
        f.Sandbox.NopCommerce.StockUpdates.Skip(updates).ShouldContain(u => u.Sku == known && u.After == 43);

        await FailsOnServerErrorAsync("nopcommerce", "products.list", () => Call("nop", "product.stock", new JsonObject { ["sku"] = Unknown, ["quantity"] = 7 }));
    }

    [Fact]
    public async Task Amazon_skips_an_unlisted_sku_and_writes_a_listed_one()
    {
        var updates = f.Sandbox.Amazon.QuantityUpdates.Count;
        var reply = await Call("amazon", "listings.quantity", new JsonObject { ["sku"] = Unknown, ["quantity"] = 7 });
        ShouldBeSkipped(reply, "Amazon", Unknown);
        f.Sandbox.Amazon.QuantityUpdates.Count.ShouldBe(updates);

        const string known = "CBA_OTF_1"; // a SellerSKU of the seeded orders, listed by the sandbox
        var written = await Call("amazon", "listings.quantity", new JsonObject { ["sku"] = known, ["quantity"] = 44 });
        written!["status"]!.GetValue<string>().ShouldBe("ACCEPTED");
        f.Sandbox.Amazon.QuantityUpdates.Skip(updates).ShouldContain(u => u.Sku == known && u.Quantity == 44);

        await FailsOnServerErrorAsync("amazon", "patchListingsItem", () => Call("amazon", "listings.quantity", new JsonObject { ["sku"] = Unknown, ["quantity"] = 7 }));
    }

    [Fact]
    public async Task Clarity_skips_an_unlisted_product_and_writes_a_listed_one()
    {
        var updates = f.Sandbox.Clarity.InventoryUpdates.Count;
        var reply = await Call("clarity", "inventory", new JsonObject { ["ProductKey"] = Unknown, ["Quantity"] = 7 });
        ShouldBeSkipped(reply, "Clarity", Unknown);
        f.Sandbox.Clarity.InventoryUpdates.Count.ShouldBe(updates);

        var known = ExampleSkus.All.First(s => s.Length <= 40); // the sandbox lists these as Clarity products
        var written = await Call("clarity", "inventory", new JsonObject { ["ProductKey"] = known, ["Quantity"] = 45 });
        written.ShouldNotBeNull();
        f.Sandbox.Clarity.InventoryUpdates.Count.ShouldBe(updates + 1);

        await FailsOnServerErrorAsync("clarity", "inventory.update", () => Call("clarity", "inventory", new JsonObject { ["ProductKey"] = Unknown, ["Quantity"] = 7 }));
        // A refused quantity is not a not-found.
        await Should.ThrowAsync<PermanentCallException>(() => Call("clarity", "inventory", new JsonObject { ["ProductKey"] = Unknown, ["Quantity"] = -1 }));
    }
}
