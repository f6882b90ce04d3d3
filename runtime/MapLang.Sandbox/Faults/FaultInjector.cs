namespace MapLang.Sandbox.Faults;

/// <summary>The active fault rules; thread-safe. Tests use it in process, the admin endpoint over HTTP.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<ActiveRule> _rules = [];
    private volatile bool _any;

    public void Add(FaultRule rule)
    {
        if (rule.Probability is < 0 or > 1) throw new ArgumentException("probability must be between 0 and 1");
        lock (_gate)
        {
            _rules.Add(new ActiveRule(rule, rule.Probability is null ? rule.Count ?? 1 : int.MaxValue));
            _any = true;
        }
    }

    public void Clear(string? system = null)
    {
        lock (_gate)
        {
            _rules.RemoveAll(r => system is null || string.Equals(r.Rule.System, system, StringComparison.OrdinalIgnoreCase));
            _any = _rules.Count > 0;
        }
    }

    public IReadOnlyList<FaultRule> Active
    {
        get { lock (_gate) return _rules.Select(r => r.Rule with { Count = r.Remaining == int.MaxValue ? null : r.Remaining }).ToList(); }
    }

    /// <summary>Decides the faults of one request: total added latency and at most one failing fault.</summary>
    public FaultDecision Decide(string system, string operation)
    {
        if (!_any) return FaultDecision.None;
        var latency = 0;
        FaultRule? failure = null;
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var active = _rules[i];
                if (!active.Rule.Matches(system, operation)) continue;
                if (active.Rule.Kind != FaultKind.Latency && failure is not null) continue;
                if (active.Rule.Probability is { } p && Random.Shared.NextDouble() >= p) continue;
                if (active.Rule.Kind == FaultKind.Latency) latency += active.Rule.LatencyMs;
                else failure = active.Rule;
                if (active.Remaining != int.MaxValue && --active.Remaining == 0)
                {
                    _rules.RemoveAt(i);
                    i--;
                }
            }
            _any = _rules.Count > 0;
        }
        return new FaultDecision(latency, failure);
    }

    private sealed class ActiveRule(FaultRule rule, int remaining)
    {
        public FaultRule Rule { get; } = rule;
        public int Remaining { get; set; } = remaining;
    }
}

public readonly record struct FaultDecision(int LatencyMs, FaultRule? Failure)
{
    public static FaultDecision None => default;
}
