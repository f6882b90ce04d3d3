using MapLang.Sandbox.Infrastructure;

namespace MapLang.Sandbox.Stores.NopCommerce;

public sealed class NopCommerceSimulator(NopCommerceOptions options, SandboxClock clock)
{
    public NopCommerceOptions Options { get; } = options;
    internal SandboxClock Clock { get; } = clock;
    public object Counts() => new { };
}
