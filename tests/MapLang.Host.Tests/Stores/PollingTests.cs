using System.Globalization;

namespace MapLang.Host.Tests.Stores;

/// <summary>Schedule trigger: Magento orders.since (searchCriteria updated_at ≥ watermark) — each order one run, the watermark kept in the store.</summary>
[Collection(StoresCollection.Name)]
public sealed class PollingTests(StoresFixture f)
{
    [Fact]
    public async Task Polled_Magento_orders_each_make_one_run_and_the_watermark_moves_on()
    {
        var store = (Store.IFlowStore)f.Host.Services.GetService(typeof(Store.IFlowStore))!;
        await StoresProject.EventuallyAsync(async () => await store.GetWatermarkAsync("poll:magento-poll-to-m3") is not null, TimeSpan.FromSeconds(10), "first poll");
        var before = DateTimeOffset.Parse((await store.GetWatermarkAsync("poll:magento-poll-to-m3"))!, CultureInfo.InvariantCulture);

        var skus = StoresProject.Skus;
        var first = f.Sandbox.Magento.AddOrder("jdoe@example.com", [(skus[0], 1m, 10m), (skus[1], 2m, 5m)])["increment_id"]!.GetValue<string>();
        var second = f.Sandbox.Magento.AddOrder("jdoe@example.com", [(skus[1], 1m, 5m)])["increment_id"]!.GetValue<string>();

        (await StoresProject.OneM3OrderAsync(f.Http, f.Sandbox, first)).GetProperty("lines").GetArrayLength().ShouldBe(2);
        (await StoresProject.OneM3OrderAsync(f.Http, f.Sandbox, second)).GetProperty("lines").GetArrayLength().ShouldBe(1);

        // Later polls see the newest order again (updated_at ≥ watermark) and the flow key makes it a duplicate.
        await Task.Delay(2500);
        var runs = new List<Store.FlowRun>();
        foreach (var s in Enum.GetValues<Store.RunStatus>()) runs.AddRange(await store.ListAsync(s, 10_000));
        runs.Count(r => r.Flow == "magento-poll-to-m3" && r.Key == first).ShouldBe(1);
        runs.Count(r => r.Flow == "magento-poll-to-m3" && r.Key == second).ShouldBe(1);
        (await TestProject.M3OrdersAsync(f.Http, f.Sandbox, second)).Count.ShouldBe(1);
        var after = DateTimeOffset.Parse((await store.GetWatermarkAsync("poll:magento-poll-to-m3"))!, CultureInfo.InvariantCulture);
        after.ShouldBeGreaterThanOrEqualTo(before.AddSeconds(-1));
    }
}
