namespace MapLang.Host.Resilience;

/// <summary>Paces calls to one target: waits before a call when the target's quota (for that operation, where quotas are per operation) is spent, learns from each reply.</summary>
public interface IRateGate
{
    ValueTask WaitAsync(string operation, CancellationToken cancellationToken);
    void Observe(string operation, HttpResponseMessage response);
}
