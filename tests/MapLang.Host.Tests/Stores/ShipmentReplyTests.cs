using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Host.Connectors;

namespace MapLang.Host.Tests.Stores;

/// <summary>
/// Each store connector's <c>order.ship</c> reply with the body a shipment map produces (the outbox may send it twice): exactly one
/// shipment with the tracking number in the store simulator after two identical replies, holding only the items asked for. Orders
/// of the nopCommerce, Amazon and Clarity tests use SKUs M3 does not know, so the fixture's own order flows (which ship what is left)
/// stop at the M3 order and never reply to them.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class ShipmentReplyTests(StoresFixture f)
{
    private IConnector Connector(string name) => ((ConnectorRegistry)f.Host.Services.GetService(typeof(ConnectorRegistry))!).Get(name);

    private async Task ReplyTwiceAsync(string connector, string orderId, JsonObject body)
    {
        await Connector(connector).ReplyAsync("order.ship", orderId, (JsonObject)body.DeepClone(), CancellationToken.None);
        await Connector(connector).ReplyAsync("order.ship", orderId, (JsonObject)body.DeepClone(), CancellationToken.None);
    }

    [Fact]
    public async Task Magento_finds_the_order_by_increment_id_and_ships_a_mapped_request_once()
    {
        var skus = StoresProject.Skus;
        var placed = f.Sandbox.Magento.AddOrder("jdoe@example.com", [(skus[0], 2m, 10m), (skus[1], 1m, 5m)]);
        var incrementId = placed["increment_id"]!.GetValue<string>();
        var entityId = placed["entity_id"]!.GetValue<int>();

        var found = await Connector("magento").FetchAsync("order.byIncrementId", incrementId, CancellationToken.None);
        found!["entity_id"]!.GetValue<int>().ShouldBe(entityId);
        var missing = await Should.ThrowAsync<PermanentCallException>(() => Connector("magento").FetchAsync("order.byIncrementId", "no-such-increment-id", CancellationToken.None));
        missing.Message.ShouldContain("no-such-increment-id");

        var firstItem = placed["items"]![0]!["item_id"]!.GetValue<int>();
        var tracking = $"1ZMAGENTO{entityId}";
        await ReplyTwiceAsync("magento", entityId.ToString(System.Globalization.CultureInfo.InvariantCulture), new JsonObject
        {
            ["notify"] = true, ["appendComment"] = false,
            ["items"] = new JsonArray(new JsonObject { ["order_item_id"] = firstItem, ["qty"] = 2.000000m }),
            ["tracks"] = new JsonArray(new JsonObject { ["track_number"] = tracking, ["carrier_code"] = "ups", ["title"] = "United Parcel Service" }),
        });

        var shipments = f.Sandbox.Magento.ShipmentsOf(entityId);
        shipments.Count.ShouldBe(1);
        shipments[0]["tracks"]!.AsArray().Select(t => t!["track_number"]!.GetValue<string>()).ShouldBe([tracking]);
        shipments[0]["items"]!.AsArray().Select(i => i!["order_item_id"]!.GetValue<int>()).ShouldBe([firstItem]);

        // The simple fields still work: one track, every item left to ship, once.
        var simple = new JsonObject { ["track_number"] = $"{tracking}-2", ["title"] = "DHL", ["carrier_code"] = "dhl" };
        await ReplyTwiceAsync("magento", entityId.ToString(System.Globalization.CultureInfo.InvariantCulture), simple);
        shipments = f.Sandbox.Magento.ShipmentsOf(entityId);
        shipments.Count.ShouldBe(2);
        shipments[1]["tracks"]![0]!["track_number"]!.GetValue<string>().ShouldBe($"{tracking}-2");
        shipments[1]["items"]!.AsArray().Select(i => i!["order_item_id"]!.GetValue<int>()).ShouldBe([placed["items"]![1]!["item_id"]!.GetValue<int>()]);
    }

    [Fact]
    public async Task BigCommerce_ships_a_mapped_request_once_with_the_order_address_and_fills_the_items_of_a_body_without_them()
    {
        var skus = StoresProject.Skus;
        var id = f.Sandbox.BigCommerce.AddOrder("jdoe@example.com", [(skus[0], 1, 9m), (skus[1], 4, 1m)]);
        var order = await Connector("bigcommerce").FetchAsync("order.get", $"{id}", CancellationToken.None);
        var products = order!["order_products"]!.AsArray().Select(p => p!["id"]!.GetValue<int>()).ToList();
        var address = order["order_shipping_addresses"]![0]!["id"]!.GetValue<int>();

        await ReplyTwiceAsync("bigcommerce", $"{id}", new JsonObject
        {
            ["tracking_number"] = $"BC{id}-1", ["tracking_carrier"] = "usps", ["shipping_method"] = "USP", ["comments"] = "M3 delivery 1000001240",
            ["tracking_link"] = null,
            ["items"] = new JsonArray(new JsonObject { ["order_product_id"] = products[0], ["quantity"] = 1 }),
        });
        var shipments = await BigCommerceShipmentsAsync(id);
        shipments.Count.ShouldBe(1);
        shipments[0].GetProperty("tracking_number").GetString().ShouldBe($"BC{id}-1");
        shipments[0].GetProperty("order_address_id").GetInt32().ShouldBe(address);
        shipments[0].GetProperty("items").EnumerateArray().Select(i => i.GetProperty("order_product_id").GetInt32()).ShouldBe([products[0]]);

        // A body without items ships what is left: the second product's 4.
        await ReplyTwiceAsync("bigcommerce", $"{id}", new JsonObject { ["tracking_number"] = $"BC{id}-2" });
        shipments = await BigCommerceShipmentsAsync(id);
        shipments.Count.ShouldBe(2);
        var rest = shipments.Single(s => s.GetProperty("tracking_number").GetString() == $"BC{id}-2").GetProperty("items").EnumerateArray().Single();
        rest.GetProperty("order_product_id").GetInt32().ShouldBe(products[1]);
        rest.GetProperty("quantity").GetInt32().ShouldBe(4);
    }

    private async Task<List<JsonElement>> BigCommerceShipmentsAsync(int id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(f.Sandbox.BigCommerceBaseUri, $"v2/orders/{id}/shipments"));
        request.Headers.Add("X-Auth-Token", "sandbox-bc-access-token");
        using var response = await f.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? [] : JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
    }

    [Fact]
    public async Task NopCommerce_ships_the_mapped_shipment_items_once()
    {
        var id = f.Sandbox.NopCommerce.AddOrder("jdoe@example.com", [("SHIPTEST-NOP-1", 2, 10m), ("SHIPTEST-NOP-2", 1, 5m)]);
        var order = await Connector("nop").FetchAsync("order.get", $"{id}", CancellationToken.None);
        var items = order!["order_items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()).ToList();

        await ReplyTwiceAsync("nop", $"{id}", new JsonObject
        {
            ["order_id"] = id, ["tracking_number"] = $"NOP{id}-1", ["total_weight"] = 6.000m, ["shipped_date_utc"] = "2016-09-30T20:30:00Z",
            ["admin_comment"] = "M3 delivery 1000001240 (UPS)",
            ["shipment_items"] = new JsonArray(new JsonObject { ["order_item_id"] = items[0], ["quantity"] = 2, ["warehouse_id"] = 1 }),
        });

        var shipments = await StoresProject.GetJsonAsync(f.Http, new Uri(f.Sandbox.BaseUri, $"_sandbox/nopcommerce/shipments?orderId={id}"));
        shipments.GetArrayLength().ShouldBe(1);
        shipments[0].GetProperty("tracking_number").GetString().ShouldBe($"NOP{id}-1");
        shipments[0].GetProperty("shipped_date_utc").ValueKind.ShouldNotBe(JsonValueKind.Null);
        var shipped = shipments[0].GetProperty("items").EnumerateArray().ToList();
        shipped.Select(i => (i.GetProperty("order_item_id").GetInt32(), i.GetProperty("quantity").GetInt32())).ShouldBe([(items[0], 2)]);
    }

    [Fact]
    public async Task Amazon_confirms_a_mapped_request_once_with_the_order_item_its_CUPO_names_and_the_order_marketplace()
    {
        var orderId = f.Sandbox.Amazon.AddOrder([("SHIPTEST-AMZ-1", 2, 12m), ("SHIPTEST-AMZ-2", 1, 3m)]);
        var order = await Connector("amazon").FetchAsync("order.get", orderId, CancellationToken.None);
        var first = order!["payload"]!["OrderItems"]!.AsArray().Single(i => i!["SellerSKU"]!.GetValue<string>() == "SHIPTEST-AMZ-1")!["OrderItemId"]!.GetValue<string>();

        await ReplyTwiceAsync("amazon", orderId, new JsonObject
        {
            ["marketplaceId"] = "",
            ["packageDetail"] = new JsonObject
            {
                ["packageReferenceId"] = "1000002001", ["carrierCode"] = "UPS", ["carrierName"] = "UPS", ["shippingMethod"] = "UPS Ground",
                ["trackingNumber"] = $"AMZ{orderId}", ["shipDate"] = "2026-02-11T01:00:00+00:00",
                // The CUPO the example order map wrote: stableId(OrderItemId, 7).
                ["orderItems"] = new JsonArray(new JsonObject { ["orderItemId"] = MapLang.Stdlib.Hashing.HashFunctions.StableId(first, 7), ["quantity"] = 2 }),
            },
        });

        var all = await StoresProject.GetJsonAsync(f.Http, new Uri(f.Sandbox.BaseUri, "_sandbox/amazon/shipments"));
        var confirmations = all.GetProperty(orderId);
        confirmations.GetArrayLength().ShouldBe(1);
        confirmations[0].GetProperty("marketplaceId").GetString().ShouldBe("ATVPDKIKX0DER");
        var package = confirmations[0].GetProperty("packageDetail");
        package.GetProperty("trackingNumber").GetString().ShouldBe($"AMZ{orderId}");
        package.GetProperty("shipDate").GetString().ShouldBe("2026-02-11T01:00:00+00:00");
        package.GetProperty("orderItems").EnumerateArray().Select(i => (i.GetProperty("orderItemId").GetString(), i.GetProperty("quantity").GetInt32())).ShouldBe([(first, 2)]);
    }

    [Fact]
    public async Task Clarity_ships_the_mapped_items_once()
    {
        var id = f.Sandbox.Clarity.AddOrder("10001", [("SHIPTEST-CL-1", 3m, 7m), ("SHIPTEST-CL-2", 1m, 2m)]);
        var items = f.Sandbox.Clarity.Order(id)!["SalesItems"]!.AsArray().Select(i => i!["ID"]!.GetValue<int>()).ToList();

        await ReplyTwiceAsync("clarity", $"{id}", new JsonObject
        {
            ["SalesOrderID"] = id, ["TrackingNumber"] = $"CL{id}-1", ["CarrierKey"] = "UPS", ["ShipDate"] = "2025-03-05T21:45:00+00:00", ["Reference"] = "1000003100",
            ["Items"] = new JsonArray(new JsonObject { ["SalesOrderItemID"] = items[0], ["Quantity"] = 3.000000m }),
        });

        var all = await StoresProject.GetJsonAsync(f.Http, new Uri(f.Sandbox.BaseUri, "_sandbox/clarity/shipments"));
        var mine = all.EnumerateArray().Where(s => s.GetProperty("SalesOrderID").GetInt32() == id).ToList();
        mine.Count.ShouldBe(1);
        mine[0].GetProperty("TrackingNumber").GetString().ShouldBe($"CL{id}-1");
        mine[0].GetProperty("Items").EnumerateArray().Select(i => (i.GetProperty("SalesOrderItemID").GetInt32(), i.GetProperty("Quantity").GetDecimal())).ShouldBe([(items[0], 3m)]);
    }
}
