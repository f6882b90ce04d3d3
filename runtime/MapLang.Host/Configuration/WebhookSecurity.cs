namespace MapLang.Host.Configuration;

/// <summary>
/// How a connector's webhooks prove where they come from: an HMAC-SHA256 of the raw body in <see cref="SignatureHeader"/> (hex or
/// base64, optionally prefixed <c>sha256=</c>) where the store signs, or a shared secret in <see cref="SecretHeader"/> where it does not.
/// </summary>
public sealed class WebhookSecurity
{
    public string? SignatureHeader { get; set; }
    public string? SecretHeader { get; set; }
    /// <summary>The HMAC key or the shared secret (<c>env:</c>/<c>file:</c> allowed).</summary>
    public string? Secret { get; set; }
    /// <summary>Only for local trials: accept webhooks without any check.</summary>
    public bool AllowUnsigned { get; set; }
}
