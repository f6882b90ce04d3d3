using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MapLang.Sandbox.Faults;

namespace MapLang.Host.Tests;

/// <summary>One store order → one M3 order with all its lines, whatever M3 or the store does.</summary>
public sealed class ExactlyOnceTests(HostFixture f) : IClassFixture<HostFixture>
{
    private async Task<HttpResponseMessage> PostAsync(int number, string email = "jdoe@example.com", bool withCurrency = true) =>
        await f.Http.SendAsync(TestProject.Webhook(f.Host.BaseUri, TestProject.Order(number, email, withCurrency)));

    private async Task ShouldHaveOneOrderAsync(int number)
    {
        var orders = await TestProject.M3OrdersAsync(f.Http, f.Sandbox, TestProject.Cuor(number));
        orders.Count.ShouldBe(1, $"CUOR {TestProject.Cuor(number)}");
        orders[0].GetProperty("kind").GetString().ShouldBe("order");
        orders[0].GetProperty("lines").GetArrayLength().ShouldBe(2);
        orders[0].GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("CUPO").GetString()).Order()
            .ShouldBe([$"{number * 10 + 1}", $"{number * 10 + 2}"]);
    }

    [Fact]
    public async Task The_same_webhook_three_times_makes_one_order()
    {
        var replies = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostAsync(101);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            replies.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
        }
        replies.Select(r => r.GetProperty("status").GetString()).ShouldBe(["accepted", "duplicate", "duplicate"]);
        await TestProject.WaitIdleAsync(f.Http, f.Host.BaseUri, TimeSpan.FromSeconds(30));
        await ShouldHaveOneOrderAsync(101);
    }

    [Theory]
    [InlineData(FaultKind.CommitThenFail, "OIS100MI/AddBatchHead", 201)]
    [InlineData(FaultKind.CommitThenReset, "OIS100MI/AddBatchHead", 202)]
    [InlineData(FaultKind.CommitThenFail, "OIS100MI/AddBatchLine", 203)]
    [InlineData(FaultKind.CommitThenReset, "OIS100MI/AddBatchLine", 204)]
    [InlineData(FaultKind.CommitThenFail, "OIS100MI/Confirm", 205)]
    [InlineData(FaultKind.CommitThenReset, "OIS100MI/Confirm", 206)]
    public async Task M3_committing_then_failing_still_gives_one_order_with_all_lines(FaultKind kind, string operation, int number)
    {
        var rule = new FaultRule { System = "m3", Operation = operation, Kind = kind, Count = 1 };
        f.Sandbox.Faults.Add(rule);
        using (var response = await PostAsync(number)) response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await TestProject.WaitIdleAsync(f.Http, f.Host.BaseUri, TimeSpan.FromSeconds(30));
        await ShouldHaveOneOrderAsync(number);
        var counts = await f.Http.GetStringAsync(new Uri(f.Host.BaseUri, "metrics"));
        counts.ShouldContain("maplang_calls_total");
    }

    [Fact]
    public async Task Orders_wait_while_M3_is_down_and_drain_afterwards()
    {
        var down = new FaultRule { System = "m3", Operation = "OIS100MI/*", Kind = FaultKind.ServerError, Probability = 1.0 };
        f.Sandbox.Faults.Add(down);
        try
        {
            for (var n = 301; n <= 305; n++)
                using (var response = await PostAsync(n)) response.StatusCode.ShouldBe(HttpStatusCode.OK);
            await Task.Delay(1500);
            for (var n = 301; n <= 305; n++) (await TestProject.M3OrdersAsync(f.Http, f.Sandbox, TestProject.Cuor(n))).ShouldBeEmpty();
        }
        finally
        {
            f.Sandbox.Faults.Clear();
        }
        await TestProject.WaitIdleAsync(f.Http, f.Host.BaseUri, TimeSpan.FromSeconds(30));
        for (var n = 301; n <= 305; n++) await ShouldHaveOneOrderAsync(n);
    }

    [Fact]
    public async Task A_new_buyer_becomes_one_M3_customer_across_orders()
    {
        f.Sandbox.Faults.Add(new FaultRule { System = "m3", Operation = "CRS610MI/Add", Kind = FaultKind.CommitThenFail, Count = 1 });
        using (var a = await PostAsync(401, TestProject.NewCustomerEmail)) a.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var b = await PostAsync(402, TestProject.NewCustomerEmail)) b.StatusCode.ShouldBe(HttpStatusCode.OK);
        await TestProject.WaitIdleAsync(f.Http, f.Host.BaseUri, TimeSpan.FromSeconds(30));
        var customers = await f.Http.GetFromJsonAsync<List<JsonElement>>(new Uri(f.Sandbox.BaseUri, $"_sandbox/m3/customers?mail={TestProject.NewCustomerEmail}"));
        customers!.Count.ShouldBe(1);
        await ShouldHaveOneOrderAsync(401);
        await ShouldHaveOneOrderAsync(402);
    }

    [Fact]
    public async Task A_bad_signature_gets_401_and_nothing_is_stored()
    {
        using var forged = await f.Http.SendAsync(TestProject.Webhook(f.Host.BaseUri, TestProject.Order(501), secret: "wrong"));
        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var unsigned = await f.Http.SendAsync(TestProject.Webhook(f.Host.BaseUri, TestProject.Order(502), secret: null));
        unsigned.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var store = (Store.IFlowStore)f.Host.Services.GetService(typeof(Store.IFlowStore))!;
        var all = new List<Store.FlowRun>();
        foreach (var s in Enum.GetValues<Store.RunStatus>()) all.AddRange(await store.ListAsync(s, 10_000));
        all.ShouldNotContain(r => r.Key == TestProject.Cuor(501) || r.Key == TestProject.Cuor(502));
    }
}
