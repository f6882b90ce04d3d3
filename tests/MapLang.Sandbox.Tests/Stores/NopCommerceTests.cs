using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Faults;
using MapLang.Sandbox.Tests.Support;

namespace MapLang.Sandbox.Tests.Stores;

public sealed class NopCommerceTests : IAsyncLifetime
{
    private static readonly JsonNode Spec = Reference.Json("nopcommerce/spec/nopcommerce-webapi-backend-v1.06.entities.json");
    private SandboxHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = await SandboxHost.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_host.NopCommerceBaseUri, "api-backend/") };
        _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", await TokenAsync());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<string> TokenAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_host.NopCommerceBaseUri, "api-backend/") };
        using var response = await client.PostAsJsonAsync("Authenticate/GetToken", new { email = "admin@yourStore.com", password = _host.NopCommerce.Options.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        JsonShape.ShouldMatch(body, OpenApiExample.Of(Spec, "AuthenticateResponse"));
        return body["token"]!.GetValue<string>();
    }

    private async Task<JsonNode> Get(string path) => JsonNode.Parse(await _http.GetStringAsync(path))!;

    [Fact]
    public async Task Token_is_a_JWT_refused_when_wrong_missing_or_expired()
    {
        (await TokenAsync()).Split('.').Length.ShouldBe(3);
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };
        (await anonymous.PostAsJsonAsync("Authenticate/GetToken", new { email = "admin@yourStore.com", password = "wrong" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var missing = await anonymous.GetAsync("Order/GetById/5");
        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        JsonNode.Parse(await missing.Content.ReadAsStringAsync())!.GetValueKind().ShouldBe(System.Text.Json.JsonValueKind.String);

        (await _http.GetAsync("Order/GetById/5")).StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Clock.Advance(_host.NopCommerce.Options.TokenLifetime + TimeSpan.FromMinutes(1));
        (await _http.GetAsync("Order/GetById/5")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Replies_have_the_Web_API_DTO_shapes_and_the_example_values()
    {
        var order = await Get("Order/GetById/5");
        JsonShape.ShouldMatch(order, OpenApiExample.Of(Spec, "OrderDto"));
        var example = Reference.Json("nopcommerce/examples/plugin-api.orders.by-customer.example.json")["orders"]![0]!;
        order["order_total"]!.GetValue<decimal>().ShouldBe(example["order_total"]!.GetValue<decimal>());
        order["customer_id"]!.GetValue<int>().ShouldBe(6);
        (order["order_status_id"]!.GetValue<int>(), order["payment_status_id"]!.GetValue<int>(), order["shipping_status_id"]!.GetValue<int>()).ShouldBe((30, 30, 40));

        var items = await Get("OrderItem/GetOrderItems/5");
        JsonShape.ShouldMatch(items, new JsonArray(OpenApiExample.Of(Spec, "OrderItemDto")));
        items[0]!["product_id"]!.GetValue<int>().ShouldBe(30);
        var address = await Get($"Address/GetById/{order["shipping_address_id"]}");
        JsonShape.ShouldMatch(address, OpenApiExample.Of(Spec, "AddressDto"));
        address["city"]!.GetValue<string>().ShouldBe(example["shipping_address"]!["city"]!.GetValue<string>());
        var customer = await Get("Customer/GetById/6");
        JsonShape.ShouldMatch(customer, OpenApiExample.Of(Spec, "CustomerDto"));
        customer["email"]!.GetValue<string>().ShouldBe("victoria_victoria@nopCommerce.com");
        var product = await Get("Product/GetById/30");
        JsonShape.ShouldMatch(product, OpenApiExample.Of(Spec, "ProductDto"));
        product["sku"]!.GetValue<string>().ShouldBe("LV_511_JN");
        JsonShape.ShouldMatch(await Get("Order/Search"), OpenApiExample.Of(Spec, "OrderOrderDtoPagedListDto"));
        JsonShape.ShouldMatch(await Get("Product/GetAll?keywords=LV_511_JN&searchSku=true"), OpenApiExample.Of(Spec, "ProductProductDtoPagedListDto"));

        using var notFound = await _http.GetAsync("Order/GetById/999");
        notFound.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        JsonNode.Parse(await notFound.Content.ReadAsStringAsync())!.GetValue<string>().ShouldContain("999");
        using var bad = await _http.PutAsJsonAsync("Order/Update", new { id = 6, order_status_id = 15 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonShape.ShouldMatch(JsonNode.Parse(await bad.Content.ReadAsStringAsync()), OpenApiExample.Of(Spec, "ProblemDetails"));
    }

    [Fact]
    public async Task Search_filters_by_status_customer_date_and_pages()
    {
        var id = _host.NopCommerce.AddOrder("new.buyer@example.com", [("LV_511_JN", 1, 43.5m)]);
        (await Get("Order/Search?ssIds=20"))["items"]!.AsArray().Select(o => o!["id"]!.GetValue<int>()).ShouldBe([id, 6]);
        (await Get("Order/Search?osIds=30&osIds=40"))["items"]!.AsArray().Select(o => o!["id"]!.GetValue<int>()).ShouldBe([5]);
        (await Get("Order/Search?billingEmail=new.buyer@example.com"))["total_count"]!.GetValue<int>().ShouldBe(1);
        (await Get("Order/Search?customerId=6&createdFromUtc=2020-01-01T00:00:00Z"))["total_count"]!.GetValue<int>().ShouldBe(2);
        var page = await Get("Order/Search?pageIndex=1&pageSize=2");
        (page["total_count"]!.GetValue<int>(), page["total_pages"]!.GetValue<int>(), page["has_previous_page"]!.GetValue<bool>(), page["has_next_page"]!.GetValue<bool>()).ShouldBe((3, 2, true, false));
        page["items"]!.AsArray().Single()!["id"]!.GetValue<int>().ShouldBe(5);

        (await _http.PutAsJsonAsync("Order/Update", new { id, order_status_id = 40 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get($"Order/GetById/{id}"))["order_status_id"]!.GetValue<int>().ShouldBe(40);
    }

    [Fact]
    public async Task Shipping_moves_the_shipping_status_and_completes_a_paid_order()
    {
        var items = (await Get("OrderItem/GetOrderItems/6")).AsArray();
        async Task<int> Ship(JsonNode item, string tracking)
        {
            using var created = await _http.PostAsJsonAsync("Shipment/Create", new { order_id = 6, tracking_number = tracking });
            var shipment = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
            JsonShape.ShouldMatch(shipment, OpenApiExample.Of(Spec, "ShipmentDto"));
            var shipmentId = shipment["id"]!.GetValue<int>();
            (await _http.PostAsJsonAsync("ShipmentItem/Create", new { shipment_id = shipmentId, order_item_id = item["id"]!.GetValue<int>(), quantity = item["quantity"]!.GetValue<int>() }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
            (await Get("Order/GetById/6"))["shipping_status_id"]!.GetValue<int>().ShouldNotBe(30);
            (await _http.GetAsync($"OrderProcessing/Ship/{shipmentId}?notifyCustomer=false")).StatusCode.ShouldBe(HttpStatusCode.OK);
            return shipmentId;
        }

        var first = await Ship(items[0]!, "1Z-NOP-1");
        (await Get("Order/GetById/6"))["shipping_status_id"]!.GetValue<int>().ShouldBe(25);
        using var tooMany = await _http.PostAsJsonAsync("ShipmentItem/Create", new { shipment_id = first, order_item_id = items[1]!["id"]!.GetValue<int>(), quantity = 5 });
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var second = await Ship(items[1]!, "1Z-NOP-2");
        (await Get("Order/GetById/6"))["shipping_status_id"]!.GetValue<int>().ShouldBe(30);
        (await _http.GetAsync($"OrderProcessing/Ship/{second}?notifyCustomer=false")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        foreach (var s in new[] { first, second }) (await _http.GetAsync($"OrderProcessing/Deliver/{s}?notifyCustomer=false")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var order = await Get("Order/GetById/6");
        (order["shipping_status_id"]!.GetValue<int>(), order["order_status_id"]!.GetValue<int>()).ShouldBe((40, 30));

        using var admin = new HttpClient { BaseAddress = _host.BaseUri };
        var shipments = JsonNode.Parse(await admin.GetStringAsync("_sandbox/nopcommerce/shipments?orderId=6"))!.AsArray();
        shipments.Select(s => s!["tracking_number"]!.GetValue<string>()).ShouldBe(["1Z-NOP-1", "1Z-NOP-2"]);
        shipments.ShouldAllBe(s => s!["items"]!.AsArray().Count == 1);
    }

    [Fact]
    public async Task Stock_is_adjusted_and_set_and_recorded()
    {
        var before = (await Get("Product/GetById/30"))["stock_quantity"]!.GetValue<int>();
        (await _http.PostAsync("Product/AdjustInventory/30?quantityToChange=-3", JsonContent.Create(""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get("Product/GetById/30"))["stock_quantity"]!.GetValue<int>().ShouldBe(before - 3);
        var product = (JsonObject)await Get("Product/GetById/30");
        product["stock_quantity"] = 7;
        (await _http.PutAsJsonAsync("Product/Update", product)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get("Product/GetById/30"))["stock_quantity"]!.GetValue<int>().ShouldBe(7);
        (await _http.PostAsync("Product/AdjustInventory/999?quantityToChange=1", JsonContent.Create(""))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        _host.NopCommerce.StockUpdates.Select(u => (u.Sku, u.After)).ShouldBe([("LV_511_JN", before - 3), ("LV_511_JN", 7)]);
    }

    [Fact]
    public async Task Faults_apply_per_operation()
    {
        _host.Faults.Add(new FaultRule { System = "nopcommerce", Operation = "orders.search", Kind = FaultKind.ServerError, StatusCode = 502 });
        (await _http.GetAsync("Order/Search")).StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await _http.GetAsync("Order/Search")).StatusCode.ShouldBe(HttpStatusCode.OK);

        _host.Faults.Add(new FaultRule { System = "nopcommerce", Operation = "shipments.create", Kind = FaultKind.CommitThenFail });
        (await _http.PostAsJsonAsync("Shipment/Create", new { order_id = 6, tracking_number = "LOST-REPLY" })).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await Get("Shipment/GetByOrderId/6")).AsArray().Count(s => s!["tracking_number"]!.GetValue<string>() == "LOST-REPLY").ShouldBe(1);

        _host.Faults.Add(new FaultRule { System = "nopcommerce", Kind = FaultKind.TokenExpiry });
        (await _http.GetAsync("Order/GetById/5")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
