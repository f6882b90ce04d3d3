namespace MapLang.Host;

/// <summary>What <c>maplang serve</c> passes: the project folder (its .map files and <c>maplang.json</c>), an optional extra config file and URL.</summary>
public sealed record MapLangHostOptions
{
    public required string ProjectPath { get; init; }
    public string? ConfigPath { get; init; }
    /// <summary>Overrides the configured <c>urls</c> (e.g. <c>http://127.0.0.1:0</c> for a free port).</summary>
    public string? Urls { get; init; }
    public Microsoft.Extensions.Logging.LogLevel MinimumLogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;
}
