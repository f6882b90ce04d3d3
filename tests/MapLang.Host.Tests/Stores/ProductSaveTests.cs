using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapLang.Host.Connectors;

namespace MapLang.Host.Tests.Stores;

/// <summary>
/// Magento's <c>product.save</c> call with the product a map makes of an M3 item (PUT products/{sku}): the first save creates the
/// product, a repeated one changes nothing, a later one updates the same product; the store simulator is read over its REST API.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class ProductSaveTests(StoresFixture f)
{
    private IConnector Magento => ((ConnectorRegistry)f.Host.Services.GetService(typeof(ConnectorRegistry))!).Get("magento");

    private async Task<List<JsonObject>> StoreProductsAsync(string sku)
    {
        using var login = await f.Http.PostAsJsonAsync(new Uri(f.Sandbox.MagentoBaseUri, "integration/admin/token"), new { username = "admin", password = "sandbox-admin-123" });
        login.EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(f.Sandbox.MagentoBaseUri, "products?searchCriteria[pageSize]=1000"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await login.Content.ReadFromJsonAsync<string>());
        using var response = await f.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["items"]!.AsArray();
        return list.OfType<JsonObject>().Where(p => p["sku"]?.GetValue<string>() == sku).ToList();
    }

    private static JsonObject Product(string sku, string name, int status) => new()
    {
        ["sku"] = sku, ["name"] = name, ["type_id"] = "simple", ["attribute_set_id"] = 4, ["visibility"] = 4, ["status"] = status, ["weight"] = 1.5m,
    };

    [Fact]
    public async Task A_mapped_product_is_created_once_and_a_later_save_updates_the_same_product()
    {
        const string sku = "M3-ITEM-0001";
        (await StoreProductsAsync(sku)).ShouldBeEmpty();

        var reply = await Magento.CallAsync("product.save", Product(sku, "Absorbent pad", 1), null!, CancellationToken.None);
        reply!["sku"]!.GetValue<string>().ShouldBe(sku);
        await Magento.CallAsync("product.save", Product(sku, "Absorbent pad", 1), null!, CancellationToken.None);
        var created = (await StoreProductsAsync(sku)).ShouldHaveSingleItem();
        (created["name"]!.GetValue<string>(), created["status"]!.GetValue<int>(), created["weight"]!.GetValue<decimal>()).ShouldBe(("Absorbent pad", 1, 1.5m));
        created.ShouldNotContainKey("price", "a new product has no price but the one it is given");
        var id = created["id"]!.GetValue<int>();

        // The request body as Magento takes it ({"product": …}) is sent as it is.
        await Magento.CallAsync("product.save", new JsonObject { ["product"] = Product(sku, "Absorbent pad, large", 2) }, null!, CancellationToken.None);
        var updated = (await StoreProductsAsync(sku)).ShouldHaveSingleItem();
        (updated["id"]!.GetValue<int>(), updated["name"]!.GetValue<string>(), updated["status"]!.GetValue<int>()).ShouldBe((id, "Absorbent pad, large", 2));

        var refused = await Should.ThrowAsync<PermanentCallException>(() => Magento.CallAsync("product.save", new JsonObject { ["name"] = "No sku" }, null!, CancellationToken.None));
        refused.Message.ShouldContain("sku");
    }
}
