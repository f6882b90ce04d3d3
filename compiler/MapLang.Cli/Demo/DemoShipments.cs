using MapLang.Host.Flows;
using MapLang.Host.Runner;
using MapLang.Host.Store;
using MapLang.Sandbox;
using MapLang.Sandbox.Admin;

namespace MapLang.Cli.Demo;

/// <summary>What became of an M3 order's delivery: its tracking number, the run of the store's shipment flow, and whether the store holds it.</summary>
internal sealed record DemoShipment(string Tracking, RunStatus? Run, bool InStore)
{
    public bool Finished => Run is RunStatus.Done or RunStatus.Dead;

    public string Describe(bool earlierRun) => Run switch
    {
        null => $"{Tracking} (waiting)",
        RunStatus.Done when InStore => $"{Tracking} in the store",
        RunStatus.Done when earlierRun => $"{Tracking} (sent by an earlier run)",
        RunStatus.Done => $"{Tracking} not in the store!",
        RunStatus.Dead => $"{Tracking} dead letter",
        _ => $"{Tracking} ({Run.ToString()!.ToLowerInvariant()})",
    };
}

/// <summary>
/// Follows the shipments back: M3's warehouse ships the demo's orders (the sandbox moves them along within seconds) and the host's
/// M3 → store flows (<c>on schedule m3 "deliveries.shipped" … { ORTP = … }</c>) send each delivery to the store it came from.
/// </summary>
internal static class DemoShipments
{
    /// <summary>The flow that takes the shipped deliveries of an M3 order type, if the examples have one.</summary>
    public static FlowDefinition? FlowFor(FlowCatalog flows, string orderType) =>
        flows.All.FirstOrDefault(f => f.Trigger is ScheduleTrigger { Connector: "m3", Operation: "deliveries.shipped" } s
                                      && (s.Parameters?.GetValueOrDefault("ORTP") ?? orderType) == orderType);

    /// <summary>The shipment of a store order's M3 order, or null while M3 has not shipped it (or no flow sends shipments to that store).</summary>
    public static DemoShipment? Of(string store, string storeOrder, string orno, FlowCatalog flows, IReadOnlyDictionary<(string Flow, string Key), FlowRun> runs, SandboxHost sandbox)
    {
        if (orno.Length == 0) return null;
        var delivery = M3Inspection.Deliveries(sandbox.M3, orno).FirstOrDefault(d => string.CompareOrdinal(d.Status, "60") >= 0);
        if (delivery is null || FlowFor(flows, delivery.Ortp) is not { } flow) return null;
        var run = runs.TryGetValue((flow.Name, delivery.Dlix), out var r) ? r.Status : (RunStatus?)null;
        var inStore = StoreShipments.TrackingNumbers(sandbox, store, storeOrder).Contains(delivery.Tracking.Trim());
        return new DemoShipment(delivery.Tracking.Trim(), run, inStore);
    }

    /// <summary>Whether an M3 order gets its shipment sent back in these examples (a flow listens for its order type's deliveries).</summary>
    public static bool Expected(FlowCatalog flows, string orno, SandboxHost sandbox) =>
        orno.Length > 0 && M3Inspection.Orders(sandbox.M3, null, null).FirstOrDefault(o => o.Orno == orno) is { } order
                        && FlowFor(flows, order.OrderType) is not null;
}
