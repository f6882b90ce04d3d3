using MapLang.Host.Resilience;

namespace MapLang.Host.Connectors.Magento;

/// <summary>A Magento connection: <c>…/rest/V1/</c>, and an integration token or admin credentials (exchanged for a 4-hour token).</summary>
public sealed record MagentoSettings
{
    public required Uri BaseUri { get; init; }
    public string? Token { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }
    public ResilienceSettings Resilience { get; init; } = new();

    public override string ToString() => $"MagentoSettings {{ BaseUri = {BaseUri} }}";
}
