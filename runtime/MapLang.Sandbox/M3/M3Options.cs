namespace MapLang.Sandbox.M3;

/// <summary>The simulated M3 tenant: company, ION API credentials (.ionapi values) and the order timeline.</summary>
public sealed class M3Options
{
    public int Company { get; set; } = 100;
    public string Division { get; set; } = "AAA";
    /// <summary>ION API tenant (<c>ti</c>); the gateway base is <c>{iu}/{ti}/M3/m3api-rest</c>.</summary>
    public string Tenant { get; set; } = "SANDBOX_TST";
    public string ClientId { get; set; } = "SANDBOX_TST~maplang-sandbox";
    public string ClientSecret { get; set; } = "sandbox-client-secret";
    public string ServiceAccountAccessKey { get; set; } = "SANDBOX_TST#maplang-saak";
    public string ServiceAccountSecretKey { get; set; } = "sandbox-sask";
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(2);
    /// <summary>After Confirm, time until the order lines are on a picking list (status 44).</summary>
    public TimeSpan PickingAfter { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>After Confirm, time until the order is delivered (66) with a delivery and tracking number.</summary>
    public TimeSpan DeliveredAfter { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>After Confirm, time until the order is invoiced (77).</summary>
    public TimeSpan InvoicedAfter { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>Default <c>maxrecs</c> when a list request gives none (M3's default is 100).</summary>
    public int DefaultMaxRecords { get; set; } = 100;
}
