using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox;

namespace MapLang.Host.Tests;

/// <summary>A flow written in a .map file (not in maplang.json) drives the host: a Magento order webhook gives exactly one M3 order.</summary>
public sealed class CompiledFlowTests
{
    private const string FlowFile = """
        // The test project's flow, in the language: the same steps as the configured flow of TestProject.
        use Magento
        use M3

        flow MagentoOrderToM3 {
            on webhook magento "order" as Magento.Order
            key increment_id
            lookup M3.OIS100.CUNO from m3 "customerByEmail" { CUTM = "WEBTMPL" CUNM = "Web customer" CUA1 = "Web order" }

            map record = OrderToOIS100(payload)
            call m3 "M3.OIS100" with record into m3order
            reply magento "order.comment" to payload.entity_id { comment = "M3 order {m3order.ORNO}" }
        }
        """;

    /// <summary>The test project with its flow moved from maplang.json into flows.map (or, with <paramref name="keepConfigured"/>, in both).</summary>
    private static TestProject Project(SandboxHost sandbox, bool keepConfigured = false)
    {
        var project = new TestProject(sandbox);
        var configPath = Path.Combine(project.Directory, "maplang.json");
        var config = JsonNode.Parse(File.ReadAllText(configPath))!.AsObject();
        if (keepConfigured) config["flows"]![0]!["name"] = "MagentoOrderToM3";
        else config.Remove("flows");
        File.WriteAllText(configPath, config.ToJsonString());
        File.WriteAllText(Path.Combine(project.Directory, "flows.map"), FlowFile);
        return project;
    }

    [Fact]
    public async Task A_compiled_flow_makes_one_M3_order_of_a_webhook_sent_three_times()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var project = Project(sandbox);
        await using var host = await MapLangHost.StartAsync(new MapLangHostOptions { ProjectPath = project.Directory, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var replies = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.SendAsync(TestProject.Webhook(host.BaseUri, TestProject.Order(701)));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            replies.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }
        replies.ShouldBe(["accepted", "duplicate", "duplicate"]);
        await TestProject.WaitIdleAsync(http, host.BaseUri, TimeSpan.FromSeconds(30));

        var orders = await TestProject.M3OrdersAsync(http, sandbox, TestProject.Cuor(701));
        orders.Count.ShouldBe(1);
        orders[0].GetProperty("kind").GetString().ShouldBe("order");
        orders[0].GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("CUPO").GetString()).Order().ShouldBe(["7011", "7012"]);
        var status = await http.GetFromJsonAsync<JsonElement>(new Uri(host.BaseUri, "admin/status"));
        status.GetProperty("runs").GetProperty("done").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task A_flow_in_both_the_configuration_and_a_map_file_stops_the_start()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var project = Project(sandbox, keepConfigured: true);
        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            MapLangHost.StartAsync(new MapLangHostOptions { ProjectPath = project.Directory, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning }));
        error.Message.ShouldContain("flow 'MagentoOrderToM3' is defined twice");
    }

    [Fact]
    public async Task A_flow_added_to_a_running_host_applies_once_its_file_compiles_and_a_broken_one_is_refused()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var project = Project(sandbox);
        var flowPath = Path.Combine(project.Directory, "flows.map");
        File.Delete(flowPath);
        await using var host = await MapLangHost.StartAsync(new MapLangHostOptions { ProjectPath = project.Directory, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var catalog = (Mapping.MapperCatalog)host.Services.GetService(typeof(Mapping.MapperCatalog))!;
        var flows = (Runner.FlowCatalog)host.Services.GetService(typeof(Runner.FlowCatalog))!;
        flows.All.ShouldBeEmpty();

        // A flow naming a connection the host does not have is refused; the running version stays.
        var version = catalog.Current.Version;
        File.WriteAllText(flowPath, FlowFile.Replace("call m3 \"M3.OIS100\"", "call m4 \"M3.OIS100\"", StringComparison.Ordinal));
        await EventuallyAsync(() => catalog.LastDiagnostics.Any(d => d.Contains("no connection 'm4'", StringComparison.Ordinal)),
            () => "the broken flow refused; last diagnostics: " + string.Join(" | ", catalog.LastDiagnostics) + $"; version {catalog.Current.Version}");
        catalog.Current.Version.ShouldBe(version);
        flows.All.ShouldBeEmpty();

        File.WriteAllText(flowPath, FlowFile);
        await EventuallyAsync(() => flows.Find("MagentoOrderToM3") is not null, () => "the fixed flow loaded; last diagnostics: " + string.Join(" | ", catalog.LastDiagnostics));
        using var response = await http.SendAsync(TestProject.Webhook(host.BaseUri, TestProject.Order(702)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await TestProject.WaitIdleAsync(http, host.BaseUri, TimeSpan.FromSeconds(30));
        (await TestProject.M3OrdersAsync(http, sandbox, TestProject.Cuor(702))).Count.ShouldBe(1);
    }

    private static async Task EventuallyAsync(Func<bool> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Still not: " + what());
            await Task.Delay(100);
        }
    }
}
