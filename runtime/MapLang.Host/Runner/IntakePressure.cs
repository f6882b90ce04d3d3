namespace MapLang.Host.Runner;

/// <summary>
/// How many webhooks are being taken in right now (received, not yet answered). A store waits for each answer and retries the ones
/// that come late, so while a burst arrives the workers step back (<see cref="WorkerSettings.ConcurrencyFor"/>): the runs wait in
/// the store, the acknowledgements do not wait for CPU the runs would take.
/// </summary>
public sealed class IntakePressure
{
    private int _inFlight;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Counts one webhook until the returned scope is disposed.</summary>
    public Scope Enter()
    {
        Interlocked.Increment(ref _inFlight);
        return new Scope(this);
    }

    public readonly struct Scope(IntakePressure pressure) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref pressure._inFlight);
    }
}
