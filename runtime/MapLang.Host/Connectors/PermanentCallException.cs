namespace MapLang.Host.Connectors;

/// <summary>
/// The target refused the request (an M3 business error, a store's 4xx): retrying cannot help; the run is dead-lettered.
/// A store's refusal keeps its HTTP <see cref="Status"/> and whole <see cref="Body"/> (the message holds a shortened body).
/// </summary>
public sealed class PermanentCallException(string message, string? code = null, string? field = null, int? status = null, string? body = null)
    : Exception(message)
{
    public string? Code { get; } = code;
    public string? Field { get; } = field;
    public int? Status { get; } = status;
    public string? Body { get; } = body;
}
