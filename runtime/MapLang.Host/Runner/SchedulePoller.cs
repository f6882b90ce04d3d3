using System.Globalization;
using System.Text.Json;
using MapLang.Host.Connectors;
using MapLang.Host.Flows;
using MapLang.Host.Observability;
using MapLang.Host.Store;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Runner;

/// <summary>
/// Runs the schedule triggers: every <see cref="ScheduleTrigger.IntervalSeconds"/> (at once again when the source says more is waiting)
/// it polls the connector from the flow's watermark, stores each item as a run keyed by the flow's idempotency key (an item seen before is a
/// duplicate and starts nothing), and only after those commits acknowledges the items to the source and saves the new watermark. A crash
/// in between polls the same items again, which the keys absorb. A flow's first poll starts at the host's clock (no back-fill).
/// </summary>
public sealed class SchedulePoller(IFlowStore store, FlowCatalog flows, ConnectorRegistry connectors, WorkSignal signal, HostMetrics metrics,
    TimeProvider time, ILogger logger)
{
    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(flows.All.Where(f => f.Trigger is ScheduleTrigger).Select(f => LoopAsync(f, (ScheduleTrigger)f.Trigger, stoppingToken)));

    private async Task LoopAsync(FlowDefinition flow, ScheduleTrigger trigger, CancellationToken ct)
    {
        if (!connectors.TryGet(trigger.Connector, out var connector) || connector is not IPollSource source)
        {
            logger.LogError("Flow {Flow}: connection '{Connector}' cannot be polled; its schedule trigger is not run", flow.Name, trigger.Connector);
            return;
        }
        var interval = TimeSpan.FromSeconds(Math.Max(1, trigger.IntervalSeconds));
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await PollOnceAsync(flow, trigger, source, ct).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                failures++;
                logger.LogWarning("Flow {Flow}: polling {Connector} {Operation} failed ({Failures} in a row): {Message}", flow.Name, trigger.Connector,
                    trigger.Operation, failures, e.Message);
            }
            if (more) continue;
            try
            {
                // After failures the wait grows (up to 10 intervals) so a store that is down is not hammered.
                await Task.Delay(interval * Math.Min(10, 1 + failures), time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyParameters = new Dictionary<string, string>();

    /// <summary>Where a polled flow's watermark is kept in the store; it exists once the flow has polled.</summary>
    public static string WatermarkKey(FlowDefinition flow) => "poll:" + flow.Name;

    /// <summary>One poll; true when the source has more waiting now.</summary>
    public async Task<bool> PollOnceAsync(FlowDefinition flow, ScheduleTrigger trigger, IPollSource source, CancellationToken ct)
    {
        var key = WatermarkKey(flow);
        var watermark = await store.GetWatermarkAsync(key, ct).ConfigureAwait(false);
        if (watermark is null)
        {
            // Whole seconds, rounded down: stores date orders to the second, so an order placed in the second the host started
            // (12:00:05.7 stored as 12:00:05) is not before the watermark (12:00:05.3). Seeing an item twice is a duplicate, not a run.
            var now = time.GetUtcNow().UtcDateTime;
            watermark = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            await store.SaveWatermarkAsync(key, watermark, ct).ConfigureAwait(false);
        }
        var batch = await source.PollAsync(trigger.Operation, watermark, trigger.Parameters ?? EmptyParameters, ct).ConfigureAwait(false);
        var labels = $"{HostMetrics.Label("connector", trigger.Connector)},{HostMetrics.Label("event", trigger.Operation)}";
        var accepted = new List<Task<AcceptResult>>();
        foreach (var item in batch.Items)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(item);
            using var document = JsonDocument.Parse(body);
            var id = JsonPath.Text(document.RootElement, flow.IdempotencyKey);
            if (string.IsNullOrEmpty(id))
            {
                logger.LogWarning("Flow {Flow}: a polled item has no '{Key}'; skipped", flow.Name, flow.IdempotencyKey);
                metrics.Increment("maplang_webhooks_total", $"{labels},{HostMetrics.Label("result", "rejected")}");
                continue;
            }
            accepted.Add(store.AcceptAsync(flow.Name, id, body, ct));
        }
        var results = await Task.WhenAll(accepted).ConfigureAwait(false);
        foreach (var r in results)
            metrics.Increment("maplang_webhooks_total", $"{labels},{HostMetrics.Label("result", r.Duplicate ? "duplicate" : "accepted")}");
        if (results.Any(r => !r.Duplicate)) signal.Notify();
        if (batch.AfterCommitAsync is { } acknowledge) await acknowledge(ct).ConfigureAwait(false);
        if (batch.Watermark != watermark) await store.SaveWatermarkAsync(key, batch.Watermark, ct).ConfigureAwait(false);
        return batch.More;
    }
}
