namespace MapLang.Host.Resilience;

/// <summary>Paces calls to one target: waits before a call when the target's quota is spent, learns from each reply.</summary>
public interface IRateGate
{
    ValueTask WaitAsync(CancellationToken cancellationToken);
    void Observe(HttpResponseMessage response);
}
