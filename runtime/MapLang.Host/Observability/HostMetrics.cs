using System.Collections.Concurrent;

namespace MapLang.Host.Observability;

/// <summary>
/// The host's counters and histograms, written at <c>/metrics</c> in the Prometheus text format. Labels hold flow,
/// connector and operation names only — never payload values.
/// </summary>
public sealed class HostMetrics
{
    private readonly ConcurrentDictionary<(string Name, string Labels), StrongBox> _counters = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), Histogram> _histograms = new();

    private static readonly Dictionary<string, string> Help = new()
    {
        ["maplang_webhooks_total"] = "Webhooks received, by connector, event and result (accepted, duplicate, unauthorized, rejected, unavailable).",
        ["maplang_runs_started_total"] = "Flow run attempts started.",
        ["maplang_runs_completed_total"] = "Flow runs completed.",
        ["maplang_runs_failed_total"] = "Flow run attempts that failed and will be retried.",
        ["maplang_dead_letters_total"] = "Flow runs moved to the dead letters.",
        ["maplang_call_retries_total"] = "Connector calls retried by the resilience pipeline.",
        ["maplang_calls_total"] = "Connector calls, by target, operation and outcome.",
        ["maplang_outcome_lookups_total"] = "Writes whose outcome was unknown and were looked up in the target before going on.",
        ["maplang_webhook_ack_seconds"] = "Time from receiving a webhook to acknowledging it (after the commit).",
        ["maplang_run_seconds"] = "Duration of flow run attempts.",
        ["maplang_call_seconds"] = "Duration of connector calls.",
        ["maplang_reloads_total"] = "Map reloads, by result.",
    };

    public void Increment(string name, string labels = "", long by = 1) =>
        Interlocked.Add(ref _counters.GetOrAdd((name, labels), _ => new StrongBox()).Value, by);

    public void Observe(string name, string labels, TimeSpan elapsed) =>
        _histograms.GetOrAdd((name, labels), _ => new Histogram()).Observe(elapsed);

    public long Get(string name, string labels = "") => _counters.TryGetValue((name, labels), out var box) ? Volatile.Read(ref box.Value) : 0;

    public static string Label(string name, string value) => $"{name}=\"{value.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";

    public void Write(TextWriter w)
    {
        foreach (var group in _counters.GroupBy(c => c.Key.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            WriteHeader(w, group.Key, "counter");
            foreach (var c in group.OrderBy(c => c.Key.Labels, StringComparer.Ordinal))
                w.Write($"{c.Key.Name}{(c.Key.Labels.Length > 0 ? "{" + c.Key.Labels + "}" : "")} {Volatile.Read(ref c.Value.Value)}\n");
        }
        foreach (var group in _histograms.GroupBy(c => c.Key.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            WriteHeader(w, group.Key, "histogram");
            foreach (var h in group.OrderBy(c => c.Key.Labels, StringComparer.Ordinal)) h.Value.Write(w, h.Key.Name, h.Key.Labels);
        }
    }

    private static void WriteHeader(TextWriter w, string name, string type)
    {
        if (Help.TryGetValue(name, out var help)) w.Write($"# HELP {name} {help}\n");
        w.Write($"# TYPE {name} {type}\n");
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}
