namespace MapLang.Sandbox.Stores.Amazon;

/// <summary>The sandbox's SP-API application and seller: LWA credentials, seller id, marketplace, usage plans and feed timing.</summary>
public sealed class AmazonOptions
{
    public string ClientId { get; set; } = "amzn1.application-oa2-client.sandbox";
    public string ClientSecret { get; set; } = "sandbox-lwa-client-secret";
    /// <summary>The seller's long-lived LWA refresh token (from seller authorization in real life).</summary>
    public string RefreshToken { get; set; } = "Atzr|sandbox-refresh-token";
    public string SellerId { get; set; } = "A3TH9S8BH6GOGM";
    public string MarketplaceId { get; set; } = "ATVPDKIKX0DER";
    public string ApplicationId { get; set; } = "amzn1.sellerapps.app.sandbox";
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>Token-bucket usage plan per operation (rate per second, burst). Defaults: <see cref="UsagePlan.Defaults"/>; tests lower them.</summary>
    public Dictionary<string, UsagePlan> UsagePlans { get; set; } = new(UsagePlan.Defaults, StringComparer.Ordinal);

    /// <summary>A feed stays IN_QUEUE this long (sandbox clock), then IN_PROGRESS for <see cref="FeedProcessingTime"/>, then DONE.</summary>
    public TimeSpan FeedQueueTime { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan FeedProcessingTime { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Visibility timeout of a received queue message when the receiver does not give one (SQS default 30 s).</summary>
    public TimeSpan QueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When set, each notification is also POSTed (JSON body, no signature) to this URL, once, besides the queue.</summary>
    public string? NotificationDestinationUrl { get; set; }
}
