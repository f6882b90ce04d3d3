using MapLang.Host.Resilience;

namespace MapLang.Host.Connectors.Clarity;

/// <summary>A Clarity eCommerce connection (ASSUMED API, see <see cref="ClarityConnector"/>): the API root and an API key.</summary>
public sealed record ClaritySettings
{
    public required Uri BaseUri { get; init; }
    public required string ApiKey { get; init; }
    public ResilienceSettings Resilience { get; init; } = new();

    public override string ToString() => $"ClaritySettings {{ BaseUri = {BaseUri} }}";
}
