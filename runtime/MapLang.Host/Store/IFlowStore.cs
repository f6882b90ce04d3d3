namespace MapLang.Host.Store;

/// <summary>
/// The durable state of a host: runs (the inbox and the state machine), their checkpoints, dead letters (runs in
/// <see cref="RunStatus.Dead"/>) and the outbox. SQLite (<see cref="SqliteFlowStore"/>) for one host; a PostgreSQL store
/// with competing workers (<c>FOR UPDATE SKIP LOCKED</c> in <see cref="ClaimAsync"/>) follows the same contract.
/// Every method returns only after its change is committed.
/// </summary>
public interface IFlowStore : IAsyncDisposable
{
    /// <summary>Creates the tables; runs a crashed host left <see cref="RunStatus.Running"/> become pending again.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a message as a pending run unless (flow, key) exists. Returns after the commit: only then may a webhook be acknowledged.</summary>
    Task<AcceptResult> AcceptAsync(string flow, string key, byte[] payload, CancellationToken cancellationToken = default);

    /// <summary>Takes up to <paramref name="max"/> runs that are due and marks them running (a lease for one worker).</summary>
    Task<IReadOnlyList<FlowRun>> ClaimAsync(int max, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, string>> LoadCheckpointsAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>Records one step's progress (e.g. "AddBatchHead sent") before or after the call it guards.</summary>
    Task SaveCheckpointAsync(long runId, string key, string value, CancellationToken cancellationToken = default);

    Task CompleteAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>The run failed for a reason that may pass: it waits until <paramref name="nextAttemptAt"/>.</summary>
    Task RetryLaterAsync(long runId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken = default);

    /// <summary>Dead letter: a person must look (mapping error, M3 refusal, ambiguous match, too many attempts).</summary>
    Task DeadLetterAsync(long runId, string reason, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FlowRun>> ListAsync(RunStatus status, int limit, CancellationToken cancellationToken = default);

    Task<FlowRun?> GetAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>Makes a dead run pending again (keeping its checkpoints, so writes already made are found, not repeated).</summary>
    Task<bool> ReplayAsync(long runId, CancellationToken cancellationToken = default);

    Task<int> ReplayAllDeadAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a reply once per (run, step): a retried run does not queue it twice.</summary>
    Task EnqueueOutboxAsync(long runId, string step, string connector, string operation, string targetId, string body, CancellationToken cancellationToken = default);

    /// <summary>Takes due replies, never one whose run has an earlier reply still unsent (a run's replies go out in order).</summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(int max, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task CompleteOutboxAsync(long id, CancellationToken cancellationToken = default);

    Task RetryOutboxAsync(long id, DateTimeOffset nextAttemptAt, string error, bool dead, CancellationToken cancellationToken = default);

    Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>A poller's cursor (e.g. <c>poll:{flow}</c> → the last <c>updated_at</c> seen), or null before its first poll.</summary>
    Task<string?> GetWatermarkAsync(string source, CancellationToken cancellationToken = default);

    Task SaveWatermarkAsync(string source, string value, CancellationToken cancellationToken = default);
}
