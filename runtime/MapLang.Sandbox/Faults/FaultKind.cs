namespace MapLang.Sandbox.Faults;

public enum FaultKind
{
    /// <summary>Adds <see cref="FaultRule.LatencyMs"/> before the request is handled; combines with other faults.</summary>
    Latency,
    /// <summary>Replies with a 5xx (<see cref="FaultRule.StatusCode"/>, 503 by default) without handling the request.</summary>
    ServerError,
    /// <summary>Replies 429 with <c>Retry-After</c> without handling the request.</summary>
    TooManyRequests,
    /// <summary>Aborts the connection without handling the request.</summary>
    ConnectionReset,
    /// <summary>Handles the request (the write happens), then loses the reply: 500 instead.</summary>
    CommitThenFail,
    /// <summary>Handles the request (the write happens), then aborts the connection instead of replying.</summary>
    CommitThenReset,
    /// <summary>Expires every token of the system; the request (and later ones) get 401 until a new token is fetched.</summary>
    TokenExpiry,
    /// <summary>M3 list transactions only: the list stops after <see cref="FaultRule.AfterRecords"/> records and ends with an error.</summary>
    PartialFailure,
}
