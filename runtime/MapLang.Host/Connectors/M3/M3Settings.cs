using MapLang.Host.Resilience;

namespace MapLang.Host.Connectors.M3;

/// <summary>An M3 connection: the .ionapi credentials (or a base URL without auth), API version, company and division.</summary>
public sealed record M3Settings
{
    public required Uri BaseUri { get; init; }
    public IonApiCredentials? IonApi { get; init; }
    /// <summary>"v2" (default) or "v1".</summary>
    public string Api { get; init; } = "v2";
    public string? Cono { get; init; }
    public string? Divi { get; init; }
    public ResilienceSettings Resilience { get; init; } = new();
}
