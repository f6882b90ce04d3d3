using System.Text.Json.Nodes;
using MapLang.Host.Flows;
using MapLang.Host.Store;
using MapLang.Sandbox;
using MapLang.Sandbox.Admin;
using MapLang.Sandbox.Seed;

namespace MapLang.Cli.Demo;

/// <summary>
/// Reads what became of each sample order from the host's own records (the run and its step checkpoints: the mapped M3 order, M3's
/// reply, the replies queued for the store, the stock sent back) and counts the M3 orders carrying its CUOR in the M3 simulator.
/// </summary>
internal static class DemoReport
{
    public static async Task<DemoRow> RowAsync(SampleOrder order, FlowDefinition? flow, FlowRun? run, IFlowStore store, SandboxHost sandbox, CancellationToken ct)
    {
        if (flow is null || run is null)
            return new DemoRow(order.Store, order.OrderId, flow?.Name ?? "-", "not received", "", "", 0, 0, [], [], null);
        var checkpoints = await store.LoadCheckpointsAsync(run.Id, ct).ConfigureAwait(false);
        var done = Done(flow.Steps, "", checkpoints).ToList();
        JsonNode? Output(string name) => checkpoints.TryGetValue("step:" + name, out var json) ? JsonNode.Parse(json) : null;

        var m3Call = done.FirstOrDefault(d => d.Step is CallStep { Operation: "M3.OIS100" });
        var record = m3Call.Step is CallStep call ? done.Where(d => d.Step is MapStep m && m.Output == call.Input).Select(d => Output(d.Name)).FirstOrDefault() : null;
        var cuno = Text(record?["CUNO"]);
        var cuor = Text(record?["CUOR"]);
        var orno = m3Call.Name is null ? "" : Text(Output(m3Call.Name)?["ORNO"]);
        var m3Orders = cuor.Length == 0 ? 0 : M3Inspection.Orders(sandbox.M3, cuor, cuno).Count;

        var replies = done.Where(d => d.Step is ReplyStep).Select(d => ((ReplyStep)d.Step).Operation).ToList();
        var stock = new List<string>();
        foreach (var iteration in done.Where(d => d.Step is CallStep { Connector: not "m3" }).GroupBy(d => Scope(d.Name)))
        {
            var balance = done.Where(d => Scope(d.Name) == iteration.Key && d.Step is CallStep { Operation: "MMS200MI/GetItmWhsBal" })
                .Select(d => First(Output(d.Name))).FirstOrDefault();
            if (balance is not null) stock.Add($"{Text(balance["ITNO"]).TrimEnd()} {Text(balance["AVAL"])}");
        }
        return new DemoRow(order.Store, order.OrderId, flow.Name, Describe(run), cuno, orno, m3Orders, (record?["lines"] as JsonArray)?.Count ?? 0,
            replies, stock, run.Status == RunStatus.Dead ? run.Error : null);
    }

    /// <summary>The steps of a flow that have a checkpoint, with the names the runner gave them (loops and branches included).</summary>
    private static IEnumerable<(string Name, FlowStep Step)> Done(IReadOnlyList<FlowStep> steps, string scope, IReadOnlyDictionary<string, string> checkpoints)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var name = scope + (steps[i].Name ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            switch (steps[i])
            {
                case ForEachStep each:
                    for (var k = 0; checkpoints.Keys.Any(key => key.StartsWith($"step:{name}[{k}].", StringComparison.Ordinal)); k++)
                        foreach (var inner in Done(each.Steps, $"{name}[{k}].", checkpoints)) yield return inner;
                    break;
                case ConditionStep condition:
                    foreach (var inner in Done(condition.Then, name + ".then.", checkpoints)) yield return inner;
                    foreach (var inner in Done(condition.Else ?? [], name + ".else.", checkpoints)) yield return inner;
                    break;
                default:
                    if (checkpoints.ContainsKey("step:" + name)) yield return (name, steps[i]);
                    break;
            }
        }
    }

    private static string Scope(string name) => name.LastIndexOf('.') is var dot and > 0 ? name[..dot] : "";

    private static string Describe(FlowRun run) => run.Status switch
    {
        RunStatus.Done => "done",
        RunStatus.Dead => "dead letter",
        RunStatus.Waiting => $"retrying ({run.Attempts})",
        _ => run.Status.ToString().ToLowerInvariant(),
    };

    private static JsonNode? First(JsonNode? node) => node is JsonArray a ? a.FirstOrDefault() : node;

    private static string Text(JsonNode? node) => node?.ToString() ?? "";

    /// <summary>Prints the rows as a table that fits a terminal.</summary>
    public static void Print(TextWriter output, IReadOnlyList<DemoRow> rows, bool earlierRun)
    {
        string[] header = ["store", "store order", "run", "M3 customer", "M3 order", "lines", "back to the store", "stock sent back (item allocatable)", "shipment back (tracking)"];
        var cells = rows.Select(r => new[]
        {
            r.Store, r.StoreOrder, r.Status, r.M3Customer, r.M3OrdersWithCuor > 1 ? $"{r.M3Order} (×{r.M3OrdersWithCuor}!)" : r.M3Order,
            r.Lines.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Replies.Count == 0 ? "-" : string.Join(", ", r.Replies),
            r.Stock.Count == 0 ? "-" : string.Join(", ", r.Stock), r.Shipment?.Describe(earlierRun) ?? "-",
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Select(c => c[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        string Line(string[] values) => string.Join("  ", values.Select((v, i) => v.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Line(header));
        output.WriteLine(Line(widths.Select(w => new string('-', w)).ToArray()));
        foreach (var c in cells) output.WriteLine(Line(c));
        foreach (var r in rows.Where(r => r.Error is not null)) output.WriteLine($"  {r.Store} {r.StoreOrder}: {r.Error}");
    }
}
