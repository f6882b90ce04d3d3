using MapLang.Sandbox.Faults;
using MapLang.Sandbox.Infrastructure;
using MapLang.Sandbox.M3;
using MapLang.Sandbox.Stores.Amazon;
using MapLang.Sandbox.Stores.BigCommerce;
using MapLang.Sandbox.Stores.Clarity;
using MapLang.Sandbox.Stores.Magento;
using MapLang.Sandbox.Stores.NopCommerce;

namespace MapLang.Sandbox;

/// <summary>Everything one sandbox holds in memory.</summary>
internal sealed class SandboxState
{
    public required SandboxOptions Options { get; init; }
    public required SandboxClock Clock { get; init; }
    public required TokenStore Tokens { get; init; }
    public required FaultInjector Faults { get; init; }
    public required RequestCounters Counters { get; init; }
    public required M3Simulator M3 { get; init; }
    public required MagentoSimulator Magento { get; init; }
    public required BigCommerceSimulator BigCommerce { get; init; }
    public required NopCommerceSimulator NopCommerce { get; init; }
    public required AmazonSimulator Amazon { get; init; }
    public required ClaritySimulator Clarity { get; init; }
    public Uri BaseUri { get; set; } = new("http://127.0.0.1/");

    public static SandboxState Create(SandboxOptions options)
    {
        var clock = new SandboxClock();
        var data = options.StatePath is { } path && File.Exists(path) ? StatePersistence.Load(path) : null;
        return new SandboxState
        {
            Options = options,
            Clock = clock,
            Tokens = new TokenStore(clock),
            Faults = new FaultInjector(),
            Counters = new RequestCounters(),
            M3 = new M3Simulator(options.M3, clock, data),
            Magento = new MagentoSimulator(options.Magento, clock),
            BigCommerce = new BigCommerceSimulator(options.BigCommerce, clock),
            NopCommerce = new NopCommerceSimulator(options.NopCommerce, clock),
            Amazon = new AmazonSimulator(options.Amazon, clock),
            Clarity = new ClaritySimulator(options.Clarity, clock),
        };
    }
}
