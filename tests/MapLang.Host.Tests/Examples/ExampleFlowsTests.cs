using System.Text.Json;
using MapLang.Host.Observability;
using MapLang.Host.Store;
using MapLang.Sandbox.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace MapLang.Host.Tests.Examples;

/// <summary>
/// End to end per store, on the examples as shipped: the store's sample order becomes exactly one M3 order (by CUOR) with the
/// sample's items, quantities and unit prices and the right customer; the store shows the status the flow sends back; M3's
/// shipment comes back to the store with M3's tracking number, once (and, for Magento, M3's invoice).
/// </summary>
public sealed class ExampleFlowsTests(ExamplesFixture f) : IClassFixture<ExamplesFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static TheoryData<string, string> Stores => new()
    {
        // The status each store shows once its order is in M3 and shipped (Magento: complete, as M3's invoice came back too).
        { "magento", "complete" },
        { "bigcommerce", "Shipped" },
        { "nopcommerce", "Processing, Shipped" },
        { "amazon", "Shipped" },
        { "clarity", "Shipped" },
    };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task The_sample_order_becomes_one_M3_order_and_its_status_and_shipment_come_back(string store, string shippedStatus)
    {
        var order = f.Order(store);

        var m3Order = await EventuallyAsync(() => M3Inspection.Orders(f.Sandbox.M3, order.OrderId, null) is [{ Kind: "order" } one] ? one : null,
            $"{store}: an M3 order with CUOR {order.OrderId}");
        var cuno = m3Order.Cuno.Trim();
        if (order.Email.Length > 0)
            M3Inspection.Customers(f.Sandbox.M3, order.Email).Select(c => c["CUNO"].Trim()).ShouldContain(cuno, $"{store}: the buyer's M3 customer");
        else
            cuno.ShouldBe("AMZUS", "Amazon orders go to the marketplace's customer (examples/amazon/marketplaces.csv)");

        var items = JsonSerializer.SerializeToElement(M3Inspection.Items(f.Sandbox.M3)).EnumerateArray()
            .ToDictionary(i => i.GetProperty("itno").GetString()!.Trim(), i => i.GetProperty("sku").GetString()!.Trim());
        var lines = m3Order.Lines.Select(l => (Sku: items.GetValueOrDefault(l["ITNO"].Trim(), l["ITNO"].Trim()), Quantity: ExamplesFixture.Number(l["ORQT"]), Price: ExamplesFixture.Number(l["SAPR"])))
            .OrderBy(l => l.Sku, StringComparer.Ordinal).ToList();
        var expected = order.Lines.Select(l => (l.Sku, l.Quantity, l.Price)).OrderBy(l => l.Sku, StringComparer.Ordinal).ToList();
        lines.ShouldBe(expected, $"{store}: M3 lines (SKU, quantity, unit price)");

        var delivery = await EventuallyAsync(() => M3Inspection.Deliveries(f.Sandbox.M3, m3Order.Orno).SingleOrDefault(d => d.Tracking.Trim().Length > 0),
            $"{store}: M3 ships order {m3Order.Orno}");
        await EventuallyAsync(() => StoreShipments.TrackingNumbers(f.Sandbox, store, order.OrderId).Contains(delivery.Tracking.Trim()) ? "" : null,
            $"{store}: the shipment {delivery.Tracking.Trim()} in the store");
        await EventuallyAsync(() => StoreOrders.Status(f.Sandbox, store, order.OrderId) == shippedStatus ? "" : null,
            $"{store}: status '{shippedStatus}' (now '{StoreOrders.Status(f.Sandbox, store, order.OrderId)}')");

        // Another poll of M3 and of the store finds the same delivery and order again: nothing twice.
        await Task.Delay(TimeSpan.FromSeconds(3));
        StoreShipments.TrackingNumbers(f.Sandbox, store, order.OrderId).ShouldBe([delivery.Tracking.Trim()], $"{store}: one shipment");
        M3Inspection.Orders(f.Sandbox.M3, order.OrderId, null).Count(o => o.Cuno.Trim() == cuno).ShouldBe(1, $"{store}: one M3 order");
        (await f.RunsAsync(delivery.Dlix)).Count.ShouldBe(1, $"{store}: one shipment run for delivery {delivery.Dlix}");
    }

    [Fact]
    public async Task Each_stores_warehouse_sync_writes_its_items_and_skips_the_others_without_a_dead_letter()
    {
        var store = f.Host.Services.GetRequiredService<IFlowStore>();
        var metrics = f.Host.Services.GetRequiredService<HostMetrics>();
        string[] flows = ["MagentoStockFromM3", "BigCommerceStockFromM3", "NopStockFromM3", "AmazonStockFromM3", "ClarityStockFromM3"];
        string[] targets = ["magento", "bigcommerce", "nop", "amazon", "clarity"];
        List<FlowRun> runs = [];
        await EventuallyAsync(async () =>
        {
            runs = [];
            foreach (var status in Enum.GetValues<RunStatus>()) runs.AddRange((await store.ListAsync(status, 100_000)).Where(r => flows.Contains(r.Flow)));
            return flows.All(flow => runs.Any(r => r.Flow == flow)) && runs.All(r => r.Status is RunStatus.Done or RunStatus.Dead) ? "" : null;
        }, "every store's stock flow has run its first poll's balances");

        runs.Where(r => r.Status == RunStatus.Dead).Select(r => $"{r.Flow} {r.Key}: {r.Error}").ShouldBeEmpty();
        foreach (var target in targets)
        {
            var skipped = metrics.Get("maplang_calls_skipped_total", $"{HostMetrics.Label("target", target)},{HostMetrics.Label("operation", Operation(target))}");
            skipped.ShouldBeGreaterThan(0, $"{target}: the other stores' items are skipped");
            var written = runs.Count(r => r.Flow == flows[Array.IndexOf(targets, target)]) - skipped;
            written.ShouldBeGreaterThan(0, $"{target}: its own items are written");
        }

        static string Operation(string target) => target switch
        {
            "magento" => "source-items", "bigcommerce" => "inventory.absolute", "nop" => "product.stock", "amazon" => "listings.quantity", _ => "inventory",
        };
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what) where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Still not: " + what);
            await Task.Delay(200);
        }
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe, string what) where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (probe() is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Still not: " + what);
            await Task.Delay(200);
        }
    }
}
