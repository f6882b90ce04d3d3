namespace MapLang.Host.Connectors;

/// <summary>Looking for a write whose outcome was unknown found more than one match: a person must decide.</summary>
public sealed class AmbiguousOutcomeException(string message) : Exception(message);
