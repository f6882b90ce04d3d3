using System.Text.Json;

namespace MapLang.Host.Tests.Stores;

/// <summary>
/// Amazon: an ORDER_CHANGE notification from the queue starts a run that fetches the order (getOrder + items + address), writes one M3
/// order and confirms the shipment; the notification the confirmation publishes, and any redelivery, start nothing more.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class AmazonTests(StoresFixture f)
{
    [Fact]
    public async Task A_notified_order_becomes_one_M3_order_and_its_shipment_is_confirmed()
    {
        var skus = StoresProject.Skus;
        var orderId = f.Sandbox.Amazon.AddOrder([(skus[0], 2, 12m), (skus[1], 1, 3m)]);

        var order = await StoresProject.OneM3OrderAsync(f.Http, f.Sandbox, orderId);
        order.GetProperty("cuno").GetString()!.Trim().ShouldBe("10001");
        var lines = order.GetProperty("lines").EnumerateArray().ToList();
        lines.Count.ShouldBe(2);
        lines.Select(l => l.GetProperty("ITNO").GetString()!.Trim()).Order().ShouldBe(skus.Order());

        var orno = order.GetProperty("orno").GetString()!.Trim();
        JsonElement shipments = default;
        await StoresProject.EventuallyAsync(async () =>
            (shipments = await StoresProject.GetJsonAsync(f.Http, new Uri(f.Sandbox.BaseUri, "_sandbox/amazon/shipments"))).TryGetProperty(orderId, out _),
            TimeSpan.FromSeconds(30), "Amazon shipment confirmed");
        var confirmation = shipments.GetProperty(orderId);
        confirmation.GetArrayLength().ShouldBe(1);
        confirmation[0].GetProperty("packageDetail").GetProperty("trackingNumber").GetString().ShouldBe($"M3-{orno}");
        confirmation[0].GetProperty("packageDetail").GetProperty("orderItems").GetArrayLength().ShouldBe(2);

        // The confirmation's own ORDER_CHANGE is consumed (deleted from the queue) and is a duplicate of the order's run.
        await StoresProject.EventuallyAsync(() => Task.FromResult(f.Sandbox.Amazon.Queue.Depth == 0), TimeSpan.FromSeconds(30), "queue drained");
        await Task.Delay(1500);
        (await TestProject.M3OrdersAsync(f.Http, f.Sandbox, orderId)).Count.ShouldBe(1);
        var store = (Store.IFlowStore)f.Host.Services.GetService(typeof(Store.IFlowStore))!;
        var runs = new List<Store.FlowRun>();
        foreach (var s in Enum.GetValues<Store.RunStatus>()) runs.AddRange(await store.ListAsync(s, 10_000));
        runs.Count(r => r.Key == orderId).ShouldBe(1);
    }
}
