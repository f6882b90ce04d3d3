namespace MapLang.Sandbox.Stores.BigCommerce;

public sealed class BigCommerceOptions
{
    public string StoreHash { get; set; } = "sandbox1";
    public string StoreId { get; set; } = "1025646";
    /// <summary>The API account's access token, sent as <c>X-Auth-Token</c>.</summary>
    public string AccessToken { get; set; } = "sandbox-bc-access-token";
    public string ClientId { get; set; } = "sandbox-bc-client-id";
    /// <summary>Requests per window per store (150 on Standard plans; 450 on Pro).</summary>
    public int RateLimitQuota { get; set; } = 150;
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Delays between webhook delivery attempts (BigCommerce retries for about 48 h; shortened here).</summary>
    public TimeSpan[] WebhookRetryDelays { get; set; } = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];
}
