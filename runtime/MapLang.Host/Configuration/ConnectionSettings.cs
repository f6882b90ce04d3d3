using MapLang.Host.Resilience;

namespace MapLang.Host.Configuration;

/// <summary>One entry of <c>connections</c>: its type (m3, magento, bigcommerce), where it is, its credentials and its webhooks.</summary>
public sealed class ConnectionSettings
{
    public string Type { get; set; } = "";
    public string? BaseUrl { get; set; }
    /// <summary>M3: path of the .ionapi file (or <c>file:</c>/<c>env:</c> holding its JSON).</summary>
    public string? IonApi { get; set; }
    public string? Api { get; set; }
    public string? Cono { get; set; }
    public string? Divi { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? Token { get; set; }
    public string? AccessToken { get; set; }
    public ResilienceSettings Resilience { get; set; } = new();
    public WebhookSecurity Webhook { get; set; } = new();
}
