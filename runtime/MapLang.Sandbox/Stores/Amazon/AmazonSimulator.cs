using MapLang.Sandbox.Infrastructure;

namespace MapLang.Sandbox.Stores.Amazon;

public sealed class AmazonSimulator(AmazonOptions options, SandboxClock clock)
{
    public AmazonOptions Options { get; } = options;
    internal SandboxClock Clock { get; } = clock;
    public object Counts() => new { };
}
