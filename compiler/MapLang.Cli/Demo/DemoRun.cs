using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapLang.Host;
using MapLang.Host.Flows;
using MapLang.Host.Mapping;
using MapLang.Host.Observability;
using MapLang.Host.Runner;
using MapLang.Host.Store;
using MapLang.Sandbox;
using MapLang.Sandbox.Admin;
using MapLang.Sandbox.Seed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MapLang.Cli.Demo;

/// <summary>
/// <c>maplang demo</c>: starts the sandbox (M3 and the five stores) and the host on the example folders with SQLite, places the
/// stores' sample orders, waits until the host has run their flows, and prints what each became in M3 and what went back to the
/// store. The host's store and M3's state stay in the state folder, so running it again recognises the same orders: nothing twice.
/// </summary>
internal sealed class DemoRun(DemoOptions options, TextWriter output)
{
    /// <summary>The host connection of each store (the names the examples' flows use).</summary>
    private static readonly Dictionary<string, string> Connections = new(StringComparer.Ordinal)
    {
        ["magento"] = "magento", ["bigcommerce"] = "bigcommerce", ["nopcommerce"] = "nop", ["amazon"] = "amazon", ["clarity"] = "clarity",
    };

    /// <summary>The sandbox M3's warehouse, in a hurry: picked after 1 s, shipped (with a tracking number) after 3 s, invoiced after 20 s.</summary>
    private static readonly MapLang.Sandbox.M3.M3Options WarehouseInSeconds = new()
    {
        PickingAfter = TimeSpan.FromSeconds(1), DeliveredAfter = TimeSpan.FromSeconds(3), InvoicedAfter = TimeSpan.FromSeconds(20),
    };

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var examples = Path.GetFullPath(options.Examples);
        var state = Path.GetFullPath(options.StateFolder);
        if (options.Fresh && Directory.Exists(state)) Directory.Delete(state, recursive: true);
        var again = File.Exists(Path.Combine(state, "host.db"));
        Directory.CreateDirectory(state);
        output.WriteLine(again
            ? $"MapLang demo, again on the state in {Relative(state)} (the same sample orders; --fresh starts over)"
            : $"MapLang demo (state in {Relative(state)})");

        var clock = Stopwatch.StartNew();
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { StatePath = Path.Combine(state, "m3-state.json"), M3 = WarehouseInSeconds }, ct)
            .ConfigureAwait(false);
        var before = M3OrderCount(sandbox);
        output.WriteLine($"[1/5] sandbox: M3 and Magento, BigCommerce, nopCommerce, Amazon, Clarity on {sandbox.BaseUri} (M3 holds {before} customer order(s); " +
                         $"its warehouse ships an order {WarehouseInSeconds.DeliveredAfter.TotalSeconds:0} s after it is confirmed)");

        MapLangHost host;
        try
        {
            host = await MapLangHost.StartAsync(new MapLangHostOptions
            {
                ProjectPath = examples, ConfigPath = DemoConnections.Write(sandbox, state), MinimumLogLevel = LogLevel.Critical,
            }, ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"maplang demo: the host did not start: {e.Message}");
            return Program.ErrorsFound;
        }
        await using (host)
        {
            var maps = host.Services.GetRequiredService<MapperCatalog>().Current;
            var flows = host.Services.GetRequiredService<FlowCatalog>();
            output.WriteLine($"[2/5] host: compiled {maps.Names.Count} maps and {maps.Flows.Count} flows of {Relative(examples)}, listening on {host.BaseUri}, " +
                             $"SQLite {Relative(Path.Combine(state, "host.db"))} ({clock.Elapsed.TotalSeconds:0.0} s)");
            await RegisterBigCommerceWebhookAsync(sandbox, host, ct).ConfigureAwait(false);
            await FirstPollsAsync(flows, host.Services.GetRequiredService<IFlowStore>(), ct).ConfigureAwait(false);

            var orders = SampleOrders.Place(sandbox);
            output.WriteLine("[3/5] placed the stores' sample orders:");
            foreach (var o in orders)
                output.WriteLine($"        {o.Store,-12} order {o.OrderId,-20} {o.Lines.Count} line(s)  {(o.Email.Length > 0 ? o.Email + "  " : "")}from {o.Source}");

            output.WriteLine("[4/5] the host receives them (webhook, polling, queue) and runs the flows:");
            var store = host.Services.GetRequiredService<IFlowStore>();
            var metrics = host.Services.GetRequiredService<HostMetrics>();
            var finished = await WaitAsync(orders, flows, store, metrics, sandbox, ct).ConfigureAwait(false);

            var rows = await RowsAsync(orders, flows, store, await RunsAsync(store, ct).ConfigureAwait(false), sandbox, ct).ConfigureAwait(false);
            var after = M3OrderCount(sandbox);
            output.WriteLine($"[5/5] result after {clock.Elapsed.TotalSeconds:0.0} s:");
            output.WriteLine();
            DemoReport.Print(output, rows, again);
            output.WriteLine();
            output.WriteLine($"M3 customer orders: {before} before, {after} now: {after - before} created by this run" +
                             (again ? " (the orders of the earlier run were recognised, not created again)." : "."));

            var ok = finished && rows.All(r => r.Status == "done" && r.M3Order.Length > 0 && r.M3OrdersWithCuor == 1
                                              && (!DemoShipments.Expected(flows, r.M3Order, sandbox) || r.Shipment is { Run: RunStatus.Done } s && (s.InStore || again)));
            if (!ok) output.WriteLine(finished ? "Not every order became exactly one M3 order with its shipment back in the store: see above." : $"Timed out after {options.Timeout.TotalSeconds:0} s.");
            else output.WriteLine("Every sample order is exactly one M3 order, and its shipment went back to the store. Run it again: the same orders and deliveries " +
                                  "are recognised and nothing is created twice (--fresh starts over).");
            return ok ? Program.Clean : Program.ErrorsFound;
        }
    }

    private static async Task<List<DemoRow>> RowsAsync(IReadOnlyList<SampleOrder> orders, FlowCatalog flows, IFlowStore store,
        IReadOnlyDictionary<(string Flow, string Key), FlowRun> runs, SandboxHost sandbox, CancellationToken ct)
    {
        var rows = new List<DemoRow>();
        foreach (var order in orders)
        {
            var flow = FlowOf(flows, order);
            var row = await DemoReport.RowAsync(order, flow, flow is null ? null : runs.GetValueOrDefault((flow.Name, order.OrderId)), store, sandbox, ct).ConfigureAwait(false);
            rows.Add(row with { Shipment = DemoShipments.Of(order.Store, order.OrderId, row.M3Order, flows, runs, sandbox) });
        }
        return rows;
    }

    /// <summary>
    /// Waits until the host has received every placed order (as new or, on a rerun, as a duplicate of an earlier run), every run of
    /// theirs is done or dead, M3 has shipped their orders and the store's shipment flow has run, and no reply to a store is waiting
    /// in the outbox; prints progress as it changes.
    /// </summary>
    private async Task<bool> WaitAsync(IReadOnlyList<SampleOrder> orders, FlowCatalog flows, IFlowStore store, HostMetrics metrics, SandboxHost sandbox, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + options.Timeout;
        var last = "";
        while (true)
        {
            var received = orders.GroupBy(o => o.Store).Sum(g => Math.Min(g.Count(), Received(FlowOf(flows, g.First()), metrics)));
            var runs = await RunsAsync(store, ct).ConfigureAwait(false);
            var states = orders.Select(o => FlowOf(flows, o) is { } f && runs.TryGetValue((f.Name, o.OrderId), out var r) ? r.Status : (RunStatus?)null).ToList();
            var done = states.Count(s => s is RunStatus.Done);
            var dead = states.Count(s => s is RunStatus.Dead);
            var outbox = (await store.CountAsync(ct).ConfigureAwait(false)).OutboxPending;
            var shipments = 0;
            var shipped = 0;
            if (done + dead == orders.Count)
                foreach (var row in await RowsAsync(orders, flows, store, runs, sandbox, ct).ConfigureAwait(false))
                {
                    if (!DemoShipments.Expected(flows, row.M3Order, sandbox)) continue;
                    shipments++;
                    if (row.Shipment is { Finished: true }) shipped++;
                }
            var progress = $"        received {received}/{orders.Count}, runs done {done}, dead letters {dead}, replies waiting {outbox}" +
                           (done + dead == orders.Count ? $", shipments back {shipped}/{shipments}" : "");
            if (progress != last) output.WriteLine(progress);
            last = progress;
            if (received == orders.Count && done + dead == orders.Count && shipped == shipments && outbox == 0) return true;
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(200, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits until every polled flow has polled once: its first poll starts from that moment, so an order placed before it would
    /// be older than the watermark and never seen (a real store's orders from before the host started are not its business).
    /// </summary>
    private async Task FirstPollsAsync(FlowCatalog flows, IFlowStore store, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + options.Timeout;
        foreach (var flow in flows.All.Where(f => f.Trigger is ScheduleTrigger))
            while (await store.GetWatermarkAsync(SchedulePoller.WatermarkKey(flow), ct).ConfigureAwait(false) is null && DateTime.UtcNow < deadline)
                await Task.Delay(100, ct).ConfigureAwait(false);
    }

    private static long Received(FlowDefinition? flow, HostMetrics metrics)
    {
        var (connector, operation) = flow?.Trigger switch
        {
            WebhookTrigger w => (w.Connector, w.Event),
            ScheduleTrigger s => (s.Connector, s.Operation),
            _ => ("", ""),
        };
        var labels = $"{HostMetrics.Label("connector", connector)},{HostMetrics.Label("event", operation)}";
        return metrics.Get("maplang_webhooks_total", $"{labels},{HostMetrics.Label("result", "accepted")}")
               + metrics.Get("maplang_webhooks_total", $"{labels},{HostMetrics.Label("result", "duplicate")}");
    }

    /// <summary>The flow that takes a store's orders: the one whose trigger listens to the store's connection.</summary>
    private static FlowDefinition? FlowOf(FlowCatalog flows, SampleOrder order) =>
        flows.All.FirstOrDefault(f => f.Trigger switch
        {
            WebhookTrigger w => w.Connector == Connections[order.Store] && w.Event.StartsWith("order", StringComparison.Ordinal),
            ScheduleTrigger s => s.Connector == Connections[order.Store] && s.Operation is "orders.since" or "notifications",
            _ => false,
        });

    private static async Task<Dictionary<(string Flow, string Key), FlowRun>> RunsAsync(IFlowStore store, CancellationToken ct)
    {
        var runs = new Dictionary<(string, string), FlowRun>();
        foreach (var status in Enum.GetValues<RunStatus>())
            foreach (var run in await store.ListAsync(status, 100_000, ct).ConfigureAwait(false))
                runs[(run.Flow, run.Key)] = run;
        return runs;
    }

    /// <summary>BigCommerce announces orders through webhooks registered over its API (v3/hooks): register the host's endpoint.</summary>
    private static async Task RegisterBigCommerceWebhookAsync(SandboxHost sandbox, MapLangHost host, CancellationToken ct)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sandbox.BigCommerceBaseUri, "v3/hooks"));
        request.Headers.Add("X-Auth-Token", "sandbox-bc-access-token");
        request.Content = JsonContent.Create(new JsonObject
        {
            ["scope"] = "store/order/created", ["destination"] = new Uri(host.BaseUri, "webhooks/bigcommerce/order.created").ToString(), ["is_active"] = true,
            ["headers"] = new JsonObject { ["X-Webhook-Secret"] = DemoConnections.BigCommerceWebhookSecret },
        });
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private static int M3OrderCount(SandboxHost sandbox) => M3Inspection.Orders(sandbox.M3, null, null).Count(o => o.Kind == "order");

    private static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
