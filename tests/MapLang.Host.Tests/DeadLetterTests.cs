using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MapLang.Host.Tests;

/// <summary>A payload the map rejects is dead-lettered with the map's reason; fixing the map (hot reload) and replaying processes it once.</summary>
public sealed class DeadLetterTests(HostFixture f) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_rejected_payload_is_replayed_once_after_the_map_is_fixed()
    {
        using (var response = await f.Http.SendAsync(TestProject.Webhook(f.Host.BaseUri, TestProject.Order(601, withCurrency: false))))
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await TestProject.WaitIdleAsync(f.Http, f.Host.BaseUri, TimeSpan.FromSeconds(30));

        var dead = await f.Http.GetFromJsonAsync<List<JsonElement>>(new Uri(f.Host.BaseUri, "admin/dlq"));
        var letter = dead!.Single(d => d.GetProperty("key").GetString() == TestProject.Cuor(601));
        letter.GetProperty("reason").GetString()!.ShouldContain("The order has no currency");
        (await TestProject.M3OrdersAsync(f.Http, f.Sandbox, TestProject.Cuor(601))).ShouldBeEmpty();

        // A broken edit keeps the old maps; the fix is picked up by the watcher.
        var status = await f.Http.GetFromJsonAsync<JsonElement>(new Uri(f.Host.BaseUri, "admin/status"));
        var version = status.GetProperty("maps").GetProperty("version").GetInt32();
        var map = await File.ReadAllTextAsync(f.Project.MapPath);
        await File.WriteAllTextAsync(f.Project.MapPath, map.Replace("CUCD = order_currency_code", "CUCD = no_such_field"));
        await Task.Delay(1500);
        status = await f.Http.GetFromJsonAsync<JsonElement>(new Uri(f.Host.BaseUri, "admin/status"));
        status.GetProperty("maps").GetProperty("version").GetInt32().ShouldBe(version);
        status.GetProperty("maps").GetProperty("diagnostics").GetArrayLength().ShouldBeGreaterThan(0);

        await File.WriteAllTextAsync(f.Project.MapPath, map.Replace("order_currency_code ?? fail(\"The order has no currency\")", "order_currency_code ?? \"USD\""));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await f.Http.GetFromJsonAsync<JsonElement>(new Uri(f.Host.BaseUri, "admin/status"))).GetProperty("maps").GetProperty("version").GetInt32() == version)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The fixed map was not reloaded.");
            await Task.Delay(100);
        }

        var id = letter.GetProperty("id").GetInt64();
        using (var replay = await f.Http.PostAsync(new Uri(f.Host.BaseUri, $"admin/dlq/{id}/replay"), null)) replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var again = await f.Http.PostAsync(new Uri(f.Host.BaseUri, $"admin/dlq/{id}/replay"), null)) again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await TestProject.WaitIdleAsync(f.Http, f.Host.BaseUri, TimeSpan.FromSeconds(30));
        var orders = await TestProject.M3OrdersAsync(f.Http, f.Sandbox, TestProject.Cuor(601));
        orders.Count.ShouldBe(1);
        orders[0].GetProperty("lines").GetArrayLength().ShouldBe(2);
    }
}
