using MapLang.Sandbox.M3;
using MapLang.Sandbox.Stores.Amazon;
using MapLang.Sandbox.Stores.BigCommerce;
using MapLang.Sandbox.Stores.Clarity;
using MapLang.Sandbox.Stores.Magento;
using MapLang.Sandbox.Stores.NopCommerce;

namespace MapLang.Sandbox;

/// <summary>Options of one sandbox: where it listens and the settings of each simulated system.</summary>
public sealed class SandboxOptions
{
    /// <summary>Kestrel URL; port 0 picks a free port (read <see cref="SandboxHost.BaseUri"/> after start).</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>When set, the M3 state is loaded from this JSON file at start (if it exists) and saved at stop.</summary>
    public string? StatePath { get; set; }

    public M3Options M3 { get; set; } = new();
    public MagentoOptions Magento { get; set; } = new();
    public BigCommerceOptions BigCommerce { get; set; } = new();
    public NopCommerceOptions NopCommerce { get; set; } = new();
    public AmazonOptions Amazon { get; set; } = new();
    public ClarityOptions Clarity { get; set; } = new();
}
