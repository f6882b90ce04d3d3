using MapLang.Host.Resilience;

namespace MapLang.Host.Connectors.NopCommerce;

/// <summary>A nopCommerce connection through the official Web API plugin: <c>…/api-backend/</c> and an admin's e-mail (or user name) and password.</summary>
public sealed record NopCommerceSettings
{
    public required Uri BaseUri { get; init; }
    public string? Email { get; init; }
    public string? Username { get; init; }
    public required string Password { get; init; }
    public ResilienceSettings Resilience { get; init; } = new();

    public override string ToString() => $"NopCommerceSettings {{ BaseUri = {BaseUri} }}";
}
