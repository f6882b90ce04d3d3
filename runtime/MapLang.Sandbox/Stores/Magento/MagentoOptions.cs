namespace MapLang.Sandbox.Stores.Magento;

public sealed class MagentoOptions
{
    public string AdminUsername { get; set; } = "admin";
    public string AdminPassword { get; set; } = "sandbox-admin-123";
    /// <summary>Admin tokens last 4 hours by default in Magento.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(4);
}
