using MapLang.Host.Resilience;

namespace MapLang.Host.Connectors.BigCommerce;

/// <summary>A BigCommerce connection: <c>…/stores/{hash}/</c> and the API account's access token (X-Auth-Token).</summary>
public sealed record BigCommerceSettings
{
    public required Uri BaseUri { get; init; }
    public required string AccessToken { get; init; }
    public ResilienceSettings Resilience { get; init; } = new();

    public override string ToString() => $"BigCommerceSettings {{ BaseUri = {BaseUri} }}";
}
