namespace MapLang.Host.Connectors;

/// <summary>The target refused the request (an M3 business error, a store's 4xx): retrying cannot help; the run is dead-lettered.</summary>
public sealed class PermanentCallException(string message, string? code = null, string? field = null) : Exception(message)
{
    public string? Code { get; } = code;
    public string? Field { get; } = field;
}
