using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Tests.Support;

namespace MapLang.Sandbox.Tests.Stores;

public sealed class MagentoTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private async Task<HttpClient> Client()
    {
        var http = new HttpClient { BaseAddress = fixture.Host.MagentoBaseUri };
        var token = await (await http.PostAsJsonAsync("integration/admin/token", new { username = "admin", password = "sandbox-admin-123" })).Content.ReadFromJsonAsync<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    [Fact]
    public async Task Order_and_search_have_the_example_shapes()
    {
        using var http = await Client();
        // Order 3 is the example itself; invoicing it (another test) adds total_paid & co., which Magento only writes once invoiced.
        var order = JsonNode.Parse(await http.GetStringAsync("orders/3"))!;
        JsonShape.ShouldMatch(order, Reference.Json("magento/examples/order.example.json"), allowExtraKeys: true);

        var list = JsonNode.Parse(await http.GetStringAsync(
            "orders?searchCriteria[filter_groups][0][filters][0][field]=customer_email&searchCriteria[filter_groups][0][filters][0][value]=%25example.com" +
            "&searchCriteria[filter_groups][0][filters][0][condition_type]=like&searchCriteria[sortOrders][0][field]=entity_id&searchCriteria[sortOrders][0][direction]=DESC" +
            "&searchCriteria[pageSize]=1&searchCriteria[currentPage]=1"))!;
        list["total_count"]!.GetValue<int>().ShouldBe(2);
        list["items"]!.AsArray().Single()!["entity_id"]!.GetValue<int>().ShouldBe(4);
        // Order 4 is a guest order: Magento leaves out the null customer_id.
        var guest = (JsonObject)Reference.Json("magento/examples/order.example.json");
        guest.Remove("customer_id");
        JsonShape.ShouldMatch(list["items"]![0], guest);

        var sources = JsonNode.Parse(await http.GetStringAsync(
            "inventory/source-items?searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value]=new_product2&searchCriteria[filter_groups][0][filters][0][condition_type]=eq"))!;
        JsonShape.ShouldMatch(sources, Reference.Json("magento/examples/inventory.source-items.list.example.json"));
    }

    [Fact]
    public async Task Ship_with_tracks_and_invoice_complete_the_order()
    {
        using var http = await Client();
        var request = Reference.Json("magento/examples/shipment.create.request.json");
        request["items"] = new JsonArray(new JsonObject { ["order_item_id"] = 3, ["qty"] = 1 });
        (await http.PostAsJsonAsync("order/3/ship", request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.PostAsJsonAsync("order/3/invoice", Reference.Json("magento/examples/invoice.create.request.json"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var order = JsonNode.Parse(await http.GetStringAsync("orders/3"))!;
        order["state"]!.GetValue<string>().ShouldBe("complete");

        using var again = await http.PostAsJsonAsync("order/3/ship", request);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>().ShouldContain("does not allow a shipment");
    }

    [Fact]
    public async Task Stock_update_and_errors()
    {
        using var http = await Client();
        var save = new { sourceItems = new[] { new { sku = "WS12-M-Orange", source_code = "default", quantity = 7, status = 1 } } };
        (await http.PostAsJsonAsync("inventory/source-items", save)).StatusCode.ShouldBe(HttpStatusCode.OK);
        fixture.Host.Magento.SourceItems[("WS12-M-Orange", "default")]["quantity"]!.GetValue<int>().ShouldBe(7);

        using var anonymous = new HttpClient { BaseAddress = fixture.Host.MagentoBaseUri };
        using var unauthorized = await anonymous.GetAsync("orders/3");
        unauthorized.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var error = (await unauthorized.Content.ReadFromJsonAsync<JsonObject>())!;
        error.Select(p => p.Key).ShouldBe(["message", "parameters"]);
        (await http.GetAsync("orders/999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
