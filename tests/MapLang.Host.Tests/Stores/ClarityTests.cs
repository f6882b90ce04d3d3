using System.Text.Json;
using MapLang.Sandbox.Faults;

namespace MapLang.Host.Tests.Stores;

/// <summary>Clarity (ASSUMED API): a polled sales order becomes one M3 order; status and shipment go back, once even when the store fails after the write.</summary>
[Collection(StoresCollection.Name)]
public sealed class ClarityTests(StoresFixture f)
{
    [Fact]
    public async Task A_polled_order_becomes_one_M3_order_and_is_shipped_once_although_the_store_answers_5xx()
    {
        // The shipment is stored, then the store answers 500; the first status update gets a 503 without being handled.
        f.Sandbox.Faults.Add(new FaultRule { System = "clarity", Operation = "shipments.create", Kind = FaultKind.CommitThenFail, Count = 1 });
        f.Sandbox.Faults.Add(new FaultRule { System = "clarity", Operation = "orders.status", Kind = FaultKind.ServerError, Count = 1 });
        var skus = StoresProject.Skus;
        var id = f.Sandbox.Clarity.AddOrder("10001", [(skus[0], 3m, 7m), (skus[1], 1m, 2m)]);

        var order = await StoresProject.OneM3OrderAsync(f.Http, f.Sandbox, $"CL{id}");
        order.GetProperty("lines").GetArrayLength().ShouldBe(2);
        order.GetProperty("cuno").GetString()!.Trim().ShouldBe("10001");

        var orno = order.GetProperty("orno").GetString()!.Trim();
        List<JsonElement> mine = [];
        await StoresProject.EventuallyAsync(async () =>
        {
            var all = await StoresProject.GetJsonAsync(f.Http, new Uri(f.Sandbox.BaseUri, "_sandbox/clarity/shipments"));
            mine = all.EnumerateArray().Where(s => s.GetProperty("SalesOrderID").GetInt32() == id).ToList();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(f.Sandbox.ClarityBaseUri, $"SalesOrders/{id}"));
            request.Headers.Add("X-Api-Key", "sandbox-clarity-api-key");
            using var response = await f.Http.SendAsync(request);
            var salesOrder = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return mine.Count > 0 && salesOrder.GetProperty("StatusKey").GetString() == "Shipped";
        }, TimeSpan.FromSeconds(30), "Clarity order shipped");
        await Task.Delay(500);
        var again = await StoresProject.GetJsonAsync(f.Http, new Uri(f.Sandbox.BaseUri, "_sandbox/clarity/shipments"));
        again.EnumerateArray().Count(s => s.GetProperty("SalesOrderID").GetInt32() == id).ShouldBe(1);
        mine[0].GetProperty("TrackingNumber").GetString().ShouldBe($"M3-{orno}");
    }
}
