using MapLang.Sandbox.Infrastructure;

namespace MapLang.Sandbox.Stores.BigCommerce;

public sealed class BigCommerceSimulator(BigCommerceOptions options, SandboxClock clock)
{
    public BigCommerceOptions Options { get; } = options;
    internal SandboxClock Clock { get; } = clock;
    public object Counts() => new { };
}
