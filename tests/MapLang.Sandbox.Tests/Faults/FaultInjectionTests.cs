using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using MapLang.Sandbox.Faults;
using MapLang.Sandbox.Tests.Support;

namespace MapLang.Sandbox.Tests.Faults;

public sealed class FaultInjectionTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly M3Client _m3 = new(fixture.Host);
    private FaultInjector Faults => fixture.Host.Faults;

    [Fact]
    public async Task Latency_is_added()
    {
        Faults.Add(new FaultRule { System = "m3", Operation = "MMS005MI/*", Kind = FaultKind.Latency, LatencyMs = 300 });
        var watch = Stopwatch.StartNew();
        await _m3.Records("MMS005MI", "GetWarehouse", ("WHLO", "100"));
        watch.ElapsedMilliseconds.ShouldBeGreaterThanOrEqualTo(280);
        Faults.Active.ShouldBeEmpty();
    }

    [Fact]
    public async Task Server_error_then_recovery()
    {
        Faults.Add(new FaultRule { System = "m3", Operation = "MMS005MI/GetWarehouse", Kind = FaultKind.ServerError, Count = 2, StatusCode = 502 });
        (await _m3.V2Response("MMS005MI", "GetWarehouse", ("WHLO", "100"))).StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await _m3.V2Response("MMS005MI", "GetWarehouse", ("WHLO", "100"))).StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await _m3.V2Response("MMS005MI", "GetWarehouse", ("WHLO", "100"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Too_many_requests_has_Retry_After()
    {
        Faults.Add(new FaultRule { System = "m3", Operation = "MMS005MI/LstWarehouses", Kind = FaultKind.TooManyRequests, RetryAfterSeconds = 7 });
        using var response = await _m3.V2Response("MMS005MI", "LstWarehouses");
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Connection_reset_aborts_without_handling()
    {
        var before = fixture.Host.M3.Data.BatchOrders.Count;
        Faults.Add(new FaultRule { System = "m3", Operation = "OIS100MI/AddBatchHead", Kind = FaultKind.ConnectionReset });
        await Should.ThrowAsync<HttpRequestException>(() => _m3.V2Response("OIS100MI", "AddBatchHead", ("CUNO", "10001"), ("CUOR", "RESET-1")));
        fixture.Host.M3.Data.BatchOrders.Count.ShouldBe(before);
    }

    [Theory]
    [InlineData(FaultKind.CommitThenFail, "COMMIT-500")]
    [InlineData(FaultKind.CommitThenReset, "COMMIT-RST")]
    public async Task Commit_then_fail_leaves_exactly_one_record(FaultKind kind, string cuor)
    {
        Faults.Add(new FaultRule { System = "m3", Operation = "OIS100MI/AddBatchHead", Kind = kind });
        if (kind == FaultKind.CommitThenFail)
            (await _m3.V2Response("OIS100MI", "AddBatchHead", ("CUNO", "10001"), ("CUOR", cuor))).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        else
            await Should.ThrowAsync<HttpRequestException>(() => _m3.V2Response("OIS100MI", "AddBatchHead", ("CUNO", "10001"), ("CUOR", cuor)));
        (await _m3.Records("OIS100MI", "LstBatchHead", ("CUNO", "10001"))).Count(h => h!["CUOR"]!.GetValue<string>() == cuor).ShouldBe(1);
    }

    [Fact]
    public async Task Token_expiry_gives_401_until_a_new_token_is_fetched()
    {
        Faults.Add(new FaultRule { System = "m3", Kind = FaultKind.TokenExpiry });
        (await _m3.V2Response("MMS005MI", "GetWarehouse", ("WHLO", "100"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _m3.V2Response("MMS005MI", "GetWarehouse", ("WHLO", "100"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var fresh = new M3Client(fixture.Host);
        (await fresh.V2Response("MMS005MI", "GetWarehouse", ("WHLO", "100"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Faults_are_managed_over_http_and_probability_rules_stay_until_cleared()
    {
        using var admin = new HttpClient { BaseAddress = fixture.Host.BaseUri };
        (await admin.PostAsJsonAsync("_sandbox/faults", new { system = "magento", operation = "orders.get", kind = "5xx", probability = 1.0 }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.GetStringAsync("_sandbox/faults")).ShouldContain("orders.get");
        Faults.Decide("magento", "orders.get").Failure.ShouldNotBeNull();
        Faults.Decide("magento", "orders.get").Failure.ShouldNotBeNull();
        (await admin.DeleteAsync("_sandbox/faults?system=magento")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Faults.Active.ShouldBeEmpty();
    }
}
