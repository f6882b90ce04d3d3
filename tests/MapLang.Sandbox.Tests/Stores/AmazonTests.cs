using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Faults;
using MapLang.Sandbox.Stores.Amazon;
using MapLang.Sandbox.Tests.Support;

namespace MapLang.Sandbox.Tests.Stores;

public sealed class AmazonTests : IAsyncLifetime
{
    private const string Marketplace = "ATVPDKIKX0DER";
    private SandboxHost _host = null!;
    private AmazonClient _sp = null!;

    public async Task InitializeAsync()
    {
        _host = await SandboxHost.StartAsync();
        _sp = new AmazonClient(_host);
    }

    public async Task DisposeAsync()
    {
        _sp.Dispose();
        await _host.DisposeAsync();
    }

    private static JsonNode Example(string name) => Reference.Json("amazon/examples/" + name);

    private string Seller => _host.Amazon.Options.SellerId;

    [Fact]
    public async Task Lwa_token_exchange_and_403_when_missing_or_expired()
    {
        var token = await _sp.TokenAsync();
        (token["token_type"]!.GetValue<string>(), token["expires_in"]!.GetValue<int>()).ShouldBe(("bearer", 3600));
        token["access_token"]!.GetValue<string>().ShouldStartWith("Atza|");
        using var badSecret = await _sp.TokenResponseAsync("wrong");
        badSecret.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        JsonNode.Parse(await badSecret.Content.ReadAsStringAsync())!["error"]!.GetValue<string>().ShouldBe("invalid_client");

        using var anonymous = new AmazonClient(_host, authenticate: false);
        using var missing = await anonymous.Http.GetAsync("orders/v0/orders/902-3159896-1390916");
        missing.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("Unauthorized");

        _host.Clock.Advance(TimeSpan.FromSeconds(3601));
        using var expired = await _sp.Http.GetAsync("orders/v0/orders/902-3159896-1390916");
        expired.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var error = JsonNode.Parse(await expired.Content.ReadAsStringAsync())!;
        JsonShape.ShouldMatch(error, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["code"] = "", ["message"] = "", ["details"] = "" }) });
        error["errors"]![0]!["details"]!.GetValue<string>().ShouldContain("expired");
    }

    [Fact]
    public async Task Orders_v0_and_2026_replies_have_the_example_shapes()
    {
        JsonShape.ShouldMatch(await _sp.Get($"orders/v0/orders?MarketplaceIds={Marketplace}&CreatedAfter=1970-01-01T00:00:00Z&CreatedBefore=1970-01-20T00:00:00Z"),
            Example("orders-v0.getOrders.sandbox.1-TEST-CASE-200.response.json"), allowExtraKeys: true);
        JsonShape.ShouldMatch(await _sp.Get("orders/v0/orders/902-3159896-1390916"), Example("orders-v0.getOrder.response.example.json"));
        JsonShape.ShouldMatch(await _sp.Get("orders/v0/orders/902-1845936-5435065/orderItems"), Example("orders-v0.getOrderItems.sandbox.1-TEST-CASE-200.response.json"));
        JsonShape.ShouldMatch(await _sp.Get("orders/v0/orders/902-1845936-5435065/address"), Example("orders-v0.getOrderAddress.sandbox.1-TEST-CASE-200.response.json"));
        JsonShape.ShouldMatch(await _sp.Get("orders/v0/orders/902-3159896-1390916/buyerInfo"), Example("orders-v0.getOrderBuyerInfo.response.example.json"));
        JsonShape.ShouldMatch(await _sp.Get("orders/2026-01-01/orders/171-9876543-2109876"), Example("orders-2026.getOrder.sandbox.1.response.json"));
        JsonShape.ShouldMatch(await _sp.Get("orders/2026-01-01/orders?createdAfter=2024-12-23T00:00:00Z&createdBefore=2024-12-24T15:00:00Z&fulfillmentStatuses=SHIPPED"),
            Example("orders-2026.searchOrders.sandbox.2.response.json"));

        using var missing = await _sp.Http.GetAsync("orders/v0/orders/000-0000000-0000000");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var invalid = await _sp.Http.GetAsync($"orders/v0/orders?MarketplaceIds={Marketplace}");
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("InvalidInput");
    }

    [Fact]
    public async Task GetOrders_and_searchOrders_page_with_next_tokens()
    {
        var since = Uri.EscapeDataString(AmazonSimulator.Iso(_host.Clock.UtcNow.AddMinutes(-1)));
        var ids = Enumerable.Range(0, 5).Select(i => _host.Amazon.AddOrder([("CBA_OTF_1", 1, 10m)])).ToList();
        _host.Clock.Advance(TimeSpan.FromMinutes(3));

        var seen = new List<string>();
        var next = $"orders/v0/orders?MarketplaceIds={Marketplace}&CreatedAfter={since}&MaxResultsPerPage=2";
        for (var page = 0; page < 5 && next is not null; page++)
        {
            var payload = (await _sp.Get(next))["payload"]!;
            seen.AddRange(payload["Orders"]!.AsArray().Select(o => o!["AmazonOrderId"]!.GetValue<string>()));
            next = payload["NextToken"] is { } token ? $"orders/v0/orders?MarketplaceIds={Marketplace}&NextToken={Uri.EscapeDataString(token.GetValue<string>())}" : null;
        }
        seen.ShouldBe(ids);

        var seen2026 = new List<string>();
        var url = $"orders/2026-01-01/orders?createdAfter={since}&maxResultsPerPage=3";
        var first = await _sp.Get(url);
        seen2026.AddRange(first["orders"]!.AsArray().Select(o => o!["orderId"]!.GetValue<string>()));
        var second = await _sp.Get(url + "&paginationToken=" + Uri.EscapeDataString(first["pagination"]!["nextToken"]!.GetValue<string>()));
        seen2026.AddRange(second["orders"]!.AsArray().Select(o => o!["orderId"]!.GetValue<string>()));
        second["pagination"].ShouldBeNull();
        seen2026.ShouldBe(ids);
        var example = Example("orders-2026.getOrder.sandbox.3.response.json");
        example["order"]!["orderItems"]![0]!.AsObject().Remove("associatedOrderItems"); // optional: value-added-service items only
        JsonShape.ShouldMatch(await _sp.Get($"orders/2026-01-01/orders/{ids[0]}"), example);
    }

    [Fact]
    public async Task Confirm_shipment_moves_the_order_and_notifies_once_per_change()
    {
        var id = _host.Amazon.AddOrder([("CBA_OTF_1", 2, 10m), ("CBA_OTF_5", 1, 5m)]);
        var items = (await _sp.Get($"orders/v0/orders/{id}/orderItems"))["payload"]!["OrderItems"]!.AsArray();
        object Confirm(JsonNode item, int quantity) => new
        {
            marketplaceId = Marketplace,
            packageDetail = new
            {
                packageReferenceId = "1", carrierCode = "UPS", trackingNumber = "1Z-AMZ", shipDate = "2026-01-02T10:00:00Z",
                orderItems = new[] { new { orderItemId = item["OrderItemId"]!.GetValue<string>(), quantity } },
            },
        };
        (await _sp.Post($"orders/v0/orders/{id}/shipmentConfirmation", Confirm(items[0]!, 1))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _sp.Get($"orders/v0/orders/{id}"))["payload"]!["OrderStatus"]!.GetValue<string>().ShouldBe("PartiallyShipped");
        (await _sp.Post($"orders/v0/orders/{id}/shipmentConfirmation", Confirm(items[0]!, 2))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _sp.Post($"orders/v0/orders/{id}/shipmentConfirmation", Confirm(items[0]!, 1))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _sp.Post($"orders/v0/orders/{id}/shipmentConfirmation", Confirm(items[1]!, 1))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _sp.Get($"orders/v0/orders/{id}"))["payload"]!["OrderStatus"]!.GetValue<string>().ShouldBe("Shipped");
        (await _sp.Get($"orders/2026-01-01/orders/{id}"))["order"]!["fulfillment"]!["fulfillmentStatus"]!.GetValue<string>().ShouldBe("SHIPPED");
        (await _sp.Post($"orders/v0/orders/{id}/shipmentConfirmation", Confirm(items[1]!, 1))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await _sp.AdminGet("shipments"))[id]!.AsArray().Count.ShouldBe(3);

        var received = new List<JsonNode>();
        for (var round = 0; round < 3; round++)
        {
            var messages = (await _sp.AdminGet("queue/messages?max=10"))["messages"]!.AsArray();
            foreach (var m in messages)
            {
                received.Add(JsonNode.Parse(m!["body"]!.GetValue<string>())!);
                (await _sp.AdminDelete("queue/messages/" + m["receiptHandle"]!.GetValue<string>())).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            }
        }
        var mine = received.Where(n => n["Payload"]!["OrderChangeNotification"]!["AmazonOrderId"]!.GetValue<string>() == id).ToList();
        mine.Select(n => n["Payload"]!["OrderChangeNotification"]!["Summary"]!["OrderStatus"]!.GetValue<string>()).ShouldBe(["Unshipped", "PartiallyShipped", "PartiallyShipped", "Shipped"]);
        received.Select(n => n["NotificationMetadata"]!["NotificationId"]!.GetValue<string>()).ShouldBeUnique();
        foreach (var n in mine) JsonShape.ShouldMatch(n, Example("notification.ORDER_CHANGE.json"));
        (await _sp.AdminGet("queue/messages"))["messages"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Queue_redelivers_a_message_not_deleted_within_its_visibility_timeout()
    {
        _host.Amazon.Queue.Purge();
        _host.Amazon.AddOrder([("CBA_OTF_1", 1, 10m)]);
        var first = (await _sp.AdminGet("queue/messages?visibilityTimeout=30"))["messages"]!.AsArray().Single()!;
        (await _sp.AdminGet("queue/messages"))["messages"]!.AsArray().ShouldBeEmpty();
        _host.Clock.Advance(TimeSpan.FromSeconds(31));
        var again = (await _sp.AdminGet("queue/messages"))["messages"]!.AsArray().Single()!;
        (again["messageId"]!.GetValue<string>(), again["receiveCount"]!.GetValue<int>()).ShouldBe((first["messageId"]!.GetValue<string>(), 2));
        (await _sp.AdminDelete("queue/messages/" + first["receiptHandle"]!.GetValue<string>())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _sp.AdminDelete("queue/messages/" + again["receiptHandle"]!.GetValue<string>())).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Listings_get_patch_and_validation_have_the_example_shapes()
    {
        var query = $"?marketplaceIds={Marketplace}";
        JsonShape.ShouldMatch(await _sp.Get($"listings/2021-08-01/items/{Seller}/GM-ZDPI-9B4E{query}&includedData=summaries,offers,fulfillmentAvailability,issues"),
            Example("listings.getListingsItem.response.example.json"));
        var patch = new
        {
            productType = "PRODUCT",
            patches = new[] { new { op = "replace", path = "/attributes/fulfillment_availability", value = new[] { new { fulfillment_channel_code = "DEFAULT", quantity = 7 } } } },
        };
        using var accepted = await _sp.Http.PatchAsJsonAsync($"listings/2021-08-01/items/{Seller}/CBA_OTF_1{query}", patch);
        JsonShape.ShouldMatch(JsonNode.Parse(await accepted.Content.ReadAsStringAsync()), Example("listings.patchListingsItem.response.example.json"));
        (await _sp.Get($"listings/2021-08-01/items/{Seller}/CBA_OTF_1{query}&includedData=fulfillmentAvailability"))["fulfillmentAvailability"]![0]!["quantity"]!.GetValue<int>().ShouldBe(7);

        using var valid = await _sp.Http.PatchAsJsonAsync($"listings/2021-08-01/items/{Seller}/CBA_OTF_1{query}&mode=VALIDATION_PREVIEW", patch);
        JsonShape.ShouldMatch(JsonNode.Parse(await valid.Content.ReadAsStringAsync()), Example("listings.patchListingsItem.sandbox.2-VALIDATION-VALID.response.json"));
        var bad = new { productType = "PRODUCT", patches = new[] { new { op = "replace", path = "/attributes/fulfillment_availability", value = new[] { new { fulfillment_channel_code = "DEFAULT", quantity = -1 } } } } };
        using var invalid = await _sp.Http.PatchAsJsonAsync($"listings/2021-08-01/items/{Seller}/CBA_OTF_1{query}&mode=VALIDATION_PREVIEW", bad);
        var invalidReply = JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!;
        JsonShape.ShouldMatch(invalidReply, Example("listings.patchListingsItem.sandbox.3-VALIDATION-INVALID.response.json"));
        invalidReply["status"]!.GetValue<string>().ShouldBe("INVALID");
        using var put = await _sp.Http.PutAsJsonAsync($"listings/2021-08-01/items/{Seller}/NEW-SKU{query}&mode=VALIDATION_PREVIEW", new { productType = "PRODUCT", attributes = new { item_name = new[] { new { value = "x" } } } });
        JsonShape.ShouldMatch(JsonNode.Parse(await put.Content.ReadAsStringAsync()), Example("listings.putListingsItem.sandbox.3-VALIDATION-INVALID.response.json"));
        _host.Amazon.QuantityUpdates.Select(u => (u.Sku, u.Quantity)).ShouldBe([("CBA_OTF_1", 7)]);
        (await _sp.Http.GetAsync($"listings/2021-08-01/items/{Seller}/NO-SUCH-SKU{query}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Feed_lifecycle_applies_quantities_and_writes_a_processing_report()
    {
        using var doc = await _sp.Post("feeds/2021-06-30/documents", new { contentType = "application/json; charset=UTF-8" });
        doc.StatusCode.ShouldBe(HttpStatusCode.Created, doc.RequestMessage!.RequestUri + " " + await doc.Content.ReadAsStringAsync());
        var document = JsonNode.Parse(await doc.Content.ReadAsStringAsync())!;
        JsonShape.ShouldMatch(document, Example("feeds.createFeedDocument.sandbox.1.response.json"));
        var feedBody = new JsonObject
        {
            ["header"] = new JsonObject { ["sellerId"] = Seller, ["version"] = "2.0", ["report"] = Example("feed.listings-v2.example.json")["header"]!["report"]!.DeepClone() },
            ["messages"] = new JsonArray(
                new JsonObject
                {
                    ["messageId"] = 1, ["sku"] = "CBA_OTF_5", ["operationType"] = "PATCH", ["productType"] = "PRODUCT",
                    ["patches"] = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/attributes/fulfillment_availability", ["value"] = new JsonArray(new JsonObject { ["fulfillment_channel_code"] = "DEFAULT", ["quantity"] = 42 }) }),
                },
                new JsonObject { ["messageId"] = 2, ["sku"] = "NO-SUCH-SKU", ["operationType"] = "PATCH", ["productType"] = "PRODUCT", ["patches"] = new JsonArray() }),
        };
        using var upload = await new HttpClient().PutAsync(document["url"]!.GetValue<string>(), new StringContent(feedBody.ToJsonString()));
        upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var created = await _sp.Post("feeds/2021-06-30/feeds", new { feedType = "JSON_LISTINGS_FEED", marketplaceIds = new[] { Marketplace }, inputFeedDocumentId = document["feedDocumentId"]!.GetValue<string>() });
        created.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var feedId = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["feedId"]!.GetValue<string>();

        async Task<JsonNode> Feed() => await _sp.Get("feeds/2021-06-30/feeds/" + feedId);
        (await Feed())["processingStatus"]!.GetValue<string>().ShouldBe("IN_QUEUE");
        _host.Clock.Advance(_host.Amazon.Options.FeedQueueTime + TimeSpan.FromSeconds(1));
        (await Feed())["processingStatus"]!.GetValue<string>().ShouldBe("IN_PROGRESS");
        _host.Amazon.QuantityUpdates.ShouldBeEmpty();
        _host.Clock.Advance(_host.Amazon.Options.FeedProcessingTime);
        var done = await Feed();
        done["processingStatus"]!.GetValue<string>().ShouldBe("DONE");
        JsonShape.ShouldMatch(done, Example("feeds.getFeed.sandbox.1.response.json"), allowExtraKeys: true);

        var resultDocument = await _sp.Get("feeds/2021-06-30/documents/" + done["resultFeedDocumentId"]!.GetValue<string>());
        var report = JsonNode.Parse(await new HttpClient().GetStringAsync(resultDocument["url"]!.GetValue<string>()))!;
        var reportExample = Example("feed.listings-v2.processing-report.example.json");
        reportExample["items"]![0]!.AsObject().Remove("procurement"); // only for listings with a cost price (vendors)
        JsonShape.ShouldMatch(report, reportExample, allowExtraKeys: true);
        var summary = report["summary"]!;
        (summary["messagesProcessed"]!.GetValue<int>(), summary["messagesAccepted"]!.GetValue<int>(), summary["messagesInvalid"]!.GetValue<int>()).ShouldBe((2, 1, 1));
        report["issues"]!.AsArray().ShouldAllBe(i => i!["messageId"]!.GetValue<int>() == 2);
        _host.Amazon.QuantityUpdates.Select(u => (u.Sku, u.Quantity, u.Source)).ShouldBe([("CBA_OTF_5", 42, "JSON_LISTINGS_FEED")]);
    }

    [Fact]
    public async Task Token_bucket_throttles_with_429_and_the_rate_limit_header()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Amazon = { UsagePlans = { ["getOrder"] = new UsagePlan(0.5, 3) } } });
        using var sp = new AmazonClient(host);
        for (var i = 0; i < 3; i++)
        {
            using var ok = await sp.Http.GetAsync("orders/v0/orders/902-3159896-1390916");
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
            ok.Headers.GetValues("x-amzn-RateLimit-Limit").Single().ShouldBe("0.5");
        }
        using var throttled = await sp.Http.GetAsync("orders/v0/orders/902-3159896-1390916");
        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        throttled.Headers.GetValues("x-amzn-RateLimit-Limit").Single().ShouldBe("0.5");
        JsonNode.Parse(await throttled.Content.ReadAsStringAsync())!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("QuotaExceeded");
        (await sp.Http.GetAsync("orders/v0/orders/902-3159896-1390916/orderItems")).StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        (await sp.Http.GetAsync("orders/v0/orders/902-3159896-1390916")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var orders = await sp.Http.GetAsync($"orders/v0/orders?MarketplaceIds={Marketplace}&CreatedAfter=2020-01-01T00:00:00Z");
        orders.Headers.GetValues("x-amzn-RateLimit-Limit").Single().ShouldBe("0.0167");
    }

    [Fact]
    public async Task Faults_apply_per_operation()
    {
        _host.Faults.Add(new FaultRule { System = "amazon", Operation = "getOrders", Kind = FaultKind.ServerError });
        (await _sp.Http.GetAsync($"orders/v0/orders?MarketplaceIds={Marketplace}&CreatedAfter=2020-01-01T00:00:00Z")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await _sp.Http.GetAsync($"orders/v0/orders?MarketplaceIds={Marketplace}&CreatedAfter=2020-01-01T00:00:00Z")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var id = _host.Amazon.AddOrder([("CBA_OTF_1", 1, 10m)]);
        var item = (await _sp.Get($"orders/v0/orders/{id}/orderItems"))["payload"]!["OrderItems"]![0]!["OrderItemId"]!.GetValue<string>();
        _host.Faults.Add(new FaultRule { System = "amazon", Operation = "confirmShipment", Kind = FaultKind.CommitThenFail });
        var body = new { marketplaceId = Marketplace, packageDetail = new { packageReferenceId = "1", carrierCode = "UPS", trackingNumber = "T", shipDate = "2026-01-02T10:00:00Z", orderItems = new[] { new { orderItemId = item, quantity = 1 } } } };
        (await _sp.Post($"orders/v0/orders/{id}/shipmentConfirmation", body)).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await _sp.Get($"orders/v0/orders/{id}"))["payload"]!["OrderStatus"]!.GetValue<string>().ShouldBe("Shipped");
    }
}
