using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Host.Flows;
using MapLang.Host.Runner;
using MapLang.Host.Store;
using MapLang.Host.Tests.Stores;
using MapLang.Sandbox;
using MapLang.Sandbox.M3;
using MapLang.Sandbox.Seed;
using Microsoft.Extensions.DependencyInjection;

namespace MapLang.Host.Tests.Examples;

/// <summary>
/// The repository's examples/ folder as a user runs it: the host compiles every example's maps and flows, connects to the sandbox
/// (M3 shipping an order 3 s after it is confirmed and invoicing it after 6 s) with SQLite, and each store's sample order (the real reference payloads) is placed
/// once every polled flow has polled.
/// </summary>
public sealed class ExamplesFixture : IAsyncLifetime
{
    private string _state = "";

    public SandboxHost Sandbox { get; private set; } = null!;
    public MapLangHost Host { get; private set; } = null!;
    public IReadOnlyList<SampleOrder> Orders { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _state = Directory.CreateTempSubdirectory("maplang-examples-").FullName;
        Sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            M3 = new M3Options { PickingAfter = TimeSpan.FromSeconds(1), DeliveredAfter = TimeSpan.FromSeconds(3), InvoicedAfter = TimeSpan.FromSeconds(6) },
        });
        File.WriteAllText(Path.Combine(_state, "m3.ionapi"), Sandbox.IonApiJson());
        var connections = StoresProject.SandboxConnections(Sandbox);
        connections["m3"]!["ionApi"] = Path.Combine(_state, "m3.ionapi");
        var config = new JsonObject
        {
            ["urls"] = "http://127.0.0.1:0",
            ["store"] = new JsonObject { ["path"] = Path.Combine(_state, "host.db") },
            ["workers"] = new JsonObject { ["concurrency"] = 4, ["initialBackoffMs"] = 100, ["maxBackoffMs"] = 1000, ["pollMs"] = 50 },
            ["connections"] = connections,
        };
        var configPath = Path.Combine(_state, "maplang.json");
        File.WriteAllText(configPath, config.ToJsonString());
        Host = await MapLangHost.StartAsync(new MapLangHostOptions
        {
            ProjectPath = Path.Combine(RepositoryRoot.Path, "examples"), ConfigPath = configPath, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
        });
        await RegisterBigCommerceWebhookAsync();
        await FirstPollsAsync();
        Orders = SampleOrders.Place(Sandbox);
    }

    public SampleOrder Order(string store) => Orders.Single(o => o.Store == store);

    /// <summary>Runs of a flow by key, whatever their status.</summary>
    public async Task<IReadOnlyList<FlowRun>> RunsAsync(string key)
    {
        var store = Host.Services.GetRequiredService<IFlowStore>();
        var runs = new List<FlowRun>();
        foreach (var status in Enum.GetValues<RunStatus>()) runs.AddRange((await store.ListAsync(status, 100_000)).Where(r => r.Key == key));
        return runs;
    }

    private async Task RegisterBigCommerceWebhookAsync()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Sandbox.BigCommerceBaseUri, "v3/hooks"));
        request.Headers.Add("X-Auth-Token", "sandbox-bc-access-token");
        request.Content = JsonContent.Create(new JsonObject
        {
            ["scope"] = "store/order/created", ["destination"] = new Uri(Host.BaseUri, "webhooks/bigcommerce/order.created").ToString(), ["is_active"] = true,
            ["headers"] = new JsonObject { ["X-Webhook-Secret"] = StoresProject.BigCommerceWebhookSecret },
        });
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A polled flow starts from its first poll: orders placed before it would never be seen.</summary>
    private async Task FirstPollsAsync()
    {
        var store = Host.Services.GetRequiredService<IFlowStore>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var flow in Host.Services.GetRequiredService<FlowCatalog>().All.Where(f => f.Trigger is ScheduleTrigger))
            while (await store.GetWatermarkAsync(SchedulePoller.WatermarkKey(flow)) is null)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"Flow {flow.Name} never polled.");
                await Task.Delay(100);
            }
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Sandbox.DisposeAsync();
        try { Directory.Delete(_state, recursive: true); }
        catch (IOException) { }
    }

    public static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).Trim() : "";

    public static decimal Number(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
