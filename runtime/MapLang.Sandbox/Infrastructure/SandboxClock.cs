namespace MapLang.Sandbox.Infrastructure;

/// <summary>
/// The sandbox's notion of "now": real time plus an offset that tests and demos move forward
/// (token expiry, M3 order progress) without waiting.
/// </summary>
public sealed class SandboxClock
{
    private long _offsetTicks;
    private readonly TimeProvider _time;

    public SandboxClock(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public DateTimeOffset UtcNow => _time.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
