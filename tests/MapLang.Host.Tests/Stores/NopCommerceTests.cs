using System.Text.Json;

namespace MapLang.Host.Tests.Stores;

/// <summary>A nopCommerce order (found by polling Order/Search) becomes one M3 order; the status and the shipment go back to the store.</summary>
[Collection(StoresCollection.Name)]
public sealed class NopCommerceTests(StoresFixture f)
{
    [Fact]
    public async Task A_polled_order_becomes_one_M3_order_and_is_shipped_in_the_store()
    {
        var skus = StoresProject.Skus;
        var id = f.Sandbox.NopCommerce.AddOrder("jdoe@example.com", [(skus[0], 2, 10m), (skus[1], 1, 5m)]);

        var order = await StoresProject.OneM3OrderAsync(f.Http, f.Sandbox, $"NOP{id}");
        order.GetProperty("kind").GetString().ShouldBe("order");
        var lines = order.GetProperty("lines").EnumerateArray().ToList();
        lines.Select(l => l.GetProperty("ITNO").GetString()!.Trim()).Order().ShouldBe(skus.Order());
        lines.Select(l => l.GetProperty("CUPO").GetString()).ShouldAllBe(c => !string.IsNullOrEmpty(c));

        JsonElement statuses = default;
        await StoresProject.EventuallyAsync(async () =>
            (statuses = await StoresProject.GetJsonAsync(f.Http, new Uri(f.Sandbox.BaseUri, $"_sandbox/nopcommerce/orders/{id}/statuses")))
            .GetProperty("shipping").GetString() == "Shipped", TimeSpan.FromSeconds(30), "nopCommerce order shipped");
        var shipments = await StoresProject.GetJsonAsync(f.Http, new Uri(f.Sandbox.BaseUri, $"_sandbox/nopcommerce/shipments?orderId={id}"));
        shipments.GetArrayLength().ShouldBe(1);
        var orno = order.GetProperty("orno").GetString()!.Trim();
        shipments[0].GetProperty("tracking_number").GetString().ShouldBe($"M3-{orno}");
        shipments[0].GetProperty("items").GetArrayLength().ShouldBe(2);
    }
}
