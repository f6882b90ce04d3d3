using MapLang.Host.Resilience;

namespace MapLang.Host.Configuration;

/// <summary>One entry of <c>connections</c>: its type (m3, magento, bigcommerce, nopcommerce, amazon, clarity), where it is, its credentials and its webhooks.</summary>
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
    /// <summary>nopCommerce: the admin's e-mail for Authenticate/GetToken (or <see cref="Username"/>).</summary>
    public string? Email { get; set; }
    /// <summary>Clarity: the API key (X-Api-Key).</summary>
    public string? ApiKey { get; set; }
    /// <summary>Amazon: the Login with Amazon token endpoint (default https://api.amazon.com/auth/o2/token).</summary>
    public string? TokenUrl { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? RefreshToken { get; set; }
    public string? SellerId { get; set; }
    public string? MarketplaceId { get; set; }
    /// <summary>Amazon: the queue ORDER_CHANGE notifications are delivered to (the sandbox's <c>…/_sandbox/amazon/queue/</c>).</summary>
    public string? QueueUrl { get; set; }
    public int? QueueVisibilitySeconds { get; set; }
    public ResilienceSettings Resilience { get; set; } = new();
    public WebhookSecurity Webhook { get; set; } = new();
}
