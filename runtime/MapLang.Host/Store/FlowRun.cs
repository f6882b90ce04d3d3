namespace MapLang.Host.Store;

/// <summary>One run of a flow for one message, as stored.</summary>
public sealed record FlowRun(
    long Id,
    string Flow,
    string Key,
    RunStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset NextAttemptAt,
    string? Error,
    byte[] Payload);
