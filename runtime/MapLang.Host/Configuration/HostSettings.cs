using MapLang.Host.Runner;

namespace MapLang.Host.Configuration;

/// <summary>The host configuration (appsettings.json, <c>maplang.json</c> in the project, <c>--config</c>, <c>MAPLANG_</c> environment variables).</summary>
public sealed class HostSettings
{
    /// <summary>Kestrel address, e.g. <c>http://127.0.0.1:5080</c>.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";
    public StoreSettings Store { get; set; } = new();
    public WorkerSettings Workers { get; set; } = new();
    public WebhookLimits Webhooks { get; set; } = new();
    public Dictionary<string, ConnectionSettings> Connections { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Static values for <c>lookup(key)</c> without a resolver: name → key → value.</summary>
    public Dictionary<string, Dictionary<string, string>> Lookups { get; set; } = new();
}

public sealed class StoreSettings
{
    /// <summary>The SQLite file (relative to the project folder); default <c>.maplang/host.db</c>.</summary>
    public string Path { get; set; } = ".maplang/host.db";
    public string Synchronous { get; set; } = "FULL";
    /// <summary>A PostgreSQL connection string (or <c>env:</c>/<c>file:</c>): the shared store of several hosts instead of the SQLite file.</summary>
    public string? Postgres { get; set; }
}

public sealed class WebhookLimits
{
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
    public int MaxDepth { get; set; } = 64;
}
