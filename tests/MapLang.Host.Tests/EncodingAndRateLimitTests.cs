using System.Diagnostics;
using System.Net.Http.Json;
using MapLang.Host.Connectors;
using MapLang.Host.Connectors.Amazon;
using MapLang.Host.Connectors.M3;
using MapLang.Host.Observability;
using MapLang.Host.Resilience;
using MapLang.Sandbox;
using MapLang.Sandbox.Faults;
using Microsoft.Extensions.Logging.Abstractions;

namespace MapLang.Host.Tests;

/// <summary>Every M3 value is URL-encoded (v1 and v2), and the Amazon rate gate honours 429, Retry-After and x-amzn-RateLimit-Limit.</summary>
public sealed class EncodingAndRateLimitTests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        var options = new SandboxOptions();
        options.Amazon.UsagePlans["getOrder"] = new MapLang.Sandbox.Stores.Amazon.UsagePlan(4, 2);
        _sandbox = await SandboxHost.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        _http.Dispose();
    }

    [Theory]
    [InlineData("v2", "WENC00001")]
    [InlineData("v1", "WENC00002")]
    public async Task A_value_holding_an_ampersand_never_adds_a_parameter(string api, string cuno)
    {
        var ion = IonApiCredentials.Parse(_sandbox.IonApiJson());
        var settings = new M3Settings { BaseUri = ion.M3BaseUri, IonApi = ion, Api = api, Cono = "100" };
        var client = new M3Client(new ResilientHttp(_http, "m3", new ResilienceSettings(), new HostMetrics()), settings, new IonApiTokenProvider(_http, ion),
            NullLogger.Instance);
        var name = "Smith & Sons&CUNO=X";
        await client.ExecuteAsync("CRS610MI", "Add", new Dictionary<string, string>
        {
            ["CUNO"] = cuno, ["CUTM"] = "WEBTMPL", ["CUNM"] = name, ["CUA1"] = "1 Main St #2 ?a=b", ["MAIL"] = $"{cuno.ToLowerInvariant()}+tag@example.com",
        }, write: true, maxRecords: null, CancellationToken.None);

        // What the sandbox stored is what it received: one customer, our CUNO, the whole name in CUNM, no customer X.
        var customers = await _http.GetFromJsonAsync<List<Dictionary<string, string>>>(new Uri(_sandbox.BaseUri, $"_sandbox/m3/customers?mail={Uri.EscapeDataString($"{cuno.ToLowerInvariant()}+tag@example.com")}"));
        customers!.Count.ShouldBe(1);
        customers[0]["CUNO"].Trim().ShouldBe(cuno);
        customers[0]["CUNM"].Trim().ShouldBe(name);
        customers[0]["CUA1"].Trim().ShouldBe("1 Main St #2 ?a=b");
        var all = await _http.GetFromJsonAsync<List<Dictionary<string, string>>>(new Uri(_sandbox.BaseUri, "_sandbox/m3/customers"));
        all!.ShouldNotContain(c => c["CUNO"].Trim() == "X");
    }

    private (AmazonConnector Connector, OperationRateGate Gate) Amazon()
    {
        var settings = new AmazonSettings
        {
            BaseUri = _sandbox.AmazonBaseUri, TokenUri = new Uri(_sandbox.BaseUri, "amazon/auth/o2/token"), ClientId = "amzn1.application-oa2-client.sandbox",
            ClientSecret = "sandbox-lwa-client-secret", RefreshToken = "Atzr|sandbox-refresh-token", SellerId = "A3TH9S8BH6GOGM", MarketplaceId = "ATVPDKIKX0DER",
        };
        var resilience = new ResilienceSettings { Retries = 6, RetryBaseDelayMs = 10, RetryMaxDelayMs = 100, BreakerMinimumThroughput = 1000 };
        var gate = new OperationRateGate(AmazonSettings.UsagePlans);
        var api = new StoreHttp(new ResilientHttp(_http, "amazon", resilience, new HostMetrics(), gate), settings.BaseUri, "Amazon", System.Net.HttpStatusCode.Forbidden);
        return (new AmazonConnector("amazon", api, null, new LwaTokenProvider(_http, settings), settings), gate);
    }

    private long Requests(string operation) =>
        _sandbox.Counters.Snapshot().TryGetValue("amazon", out var ops) && ops.TryGetValue(operation, out var n) ? n : 0;

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_before_the_next_attempt()
    {
        var (amazon, _) = Amazon();
        _sandbox.Faults.Add(new FaultRule { System = "amazon", Operation = "getOrder", Kind = FaultKind.TooManyRequests, RetryAfterSeconds = 1, Count = 1 });
        var before = Requests("getOrder");
        var watch = Stopwatch.StartNew();
        var order = await amazon.FetchAsync("order.get", "902-1845936-5435065", CancellationToken.None);
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
        order!["payload"]!["AmazonOrderId"]!.GetValue<string>().ShouldBe("902-1845936-5435065");
        // The answered attempt (the fault's 429 may be counted too, depending on where the sandbox counts).
        (Requests("getOrder") - before).ShouldBeInRange(1, 2);
    }

    [Fact]
    public async Task The_announced_rate_paces_calls_after_the_first_429()
    {
        var (amazon, gate) = Amazon();
        // The sandbox's plan for getOrder is 4/s with a burst of 2 (the host assumes 0.5/s burst 30 until the replies say otherwise).
        var tasks = Enumerable.Range(0, 8).Select(_ => amazon.FetchAsync("order.get", "902-1845936-5435065", CancellationToken.None)).ToList();
        await Task.WhenAll(tasks);
        gate.RateOf("getOrder").ShouldBe(4);
        var counts = _sandbox.Counters.Snapshot()["amazon"];
        // 8 answered calls; the first wave (8 at once, believing burst 30) gets 6 × 429, after which calls wait for tokens. Unpaced
        // retries would come back in waves (6 at once → 4 more 429s → 2 more…, about 20 calls); paced, at most a stray 429 or two
        // when a retry and the sandbox's refill meet on the same tick (seen on a busy machine).
        counts["getOrder"].ShouldBeLessThanOrEqualTo(8 + 6 + 2);
    }
}
