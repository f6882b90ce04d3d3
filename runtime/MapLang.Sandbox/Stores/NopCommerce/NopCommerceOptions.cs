namespace MapLang.Sandbox.Stores.NopCommerce;

/// <summary>The store account of the official Web API plugin (backend) and its token settings.</summary>
public sealed class NopCommerceOptions
{
    /// <summary>The account's e-mail (also accepted as user name), as in the nopCommerce demo data of the examples.</summary>
    public string Email { get; set; } = "admin@yourStore.com";
    public string Password { get; set; } = "sandbox-nop-123";
    /// <summary>The plugin signs its JWTs with a secret generated on its configuration page; this one is the sandbox's.</summary>
    public string JwtSecret { get; set; } = "sandbox-nop-webapi-secret-key-0123456789";
    /// <summary>Lifetime of an issued token (the plugin's own default is not documented in the reference).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);
}
