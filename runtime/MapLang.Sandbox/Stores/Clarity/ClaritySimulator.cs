using MapLang.Sandbox.Infrastructure;

namespace MapLang.Sandbox.Stores.Clarity;

public sealed class ClaritySimulator(ClarityOptions options, SandboxClock clock)
{
    public ClarityOptions Options { get; } = options;
    internal SandboxClock Clock { get; } = clock;
    public object Counts() => new { };
}
