using Microsoft.Data.Sqlite;
using static MapLang.Host.Store.SqliteCommands;

namespace MapLang.Host.Store;

/// <summary>
/// The embedded store: one SQLite file per project in WAL mode. Writes go through <see cref="SqliteWriteQueue"/>
/// (group commit on one connection); reads use pooled connections of their own, which WAL lets run beside the writer.
/// </summary>
public sealed class SqliteFlowStore : IFlowStore
{
    private const string RunColumns = "id, flow, key, status, attempts, created_at, updated_at, next_at, error, payload";
    private readonly string _connectionString;
    private readonly string _synchronous;
    private readonly TimeProvider _time;
    private SqliteConnection? _writer;
    private SqliteWriteQueue? _queue;
    private SqliteCheckpointer? _checkpointer;

    /// <param name="synchronous">SQLite <c>PRAGMA synchronous</c>: FULL (default; survives power loss) or NORMAL (survives a killed process).</param>
    public SqliteFlowStore(string path, string synchronous = "FULL", TimeProvider? time = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _synchronous = synchronous.ToUpperInvariant() is "NORMAL" or "OFF" or "EXTRA" ? synchronous.ToUpperInvariant() : "FULL";
        _time = time ?? TimeProvider.System;
    }

    public string Path { get; }

    internal WriteQueueStats WriteStats => Queue.Stats;

    private SqliteWriteQueue Queue => _queue ?? throw new InvalidOperationException("InitializeAsync first.");

    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _writer = Open();
        _writer.Execute("PRAGMA journal_mode=WAL");
        _writer.Execute(SqliteSchema.Create);
        _writer.Execute("UPDATE runs SET status = $1 WHERE status = $2", (int)RunStatus.Pending, (int)RunStatus.Running);
        _writer.Execute("UPDATE outbox SET status = 0 WHERE status = 1");
        // FULL (and EXTRA): the write queue syncs the WAL itself before it answers, so COMMIT need not (see SqliteWriteQueue).
        var queueSyncs = _synchronous is "FULL" or "EXTRA";
        if (queueSyncs) _writer.Execute("PRAGMA synchronous=NORMAL");
        _writer.Execute("PRAGMA wal_autocheckpoint=0");
        _queue = new SqliteWriteQueue(_writer, queueSyncs ? Path + "-wal" : null);
        _checkpointer = new SqliteCheckpointer(Open(), _queue);
        return Task.CompletedTask;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA busy_timeout=30000");
        connection.Execute($"PRAGMA synchronous={_synchronous}");
        return connection;
    }

    private T Read<T>(Func<SqliteConnection, T> read)
    {
        using var connection = Open();
        return read(connection);
    }

    private long Now => Ms(_time.GetUtcNow());

    public Task<AcceptResult> AcceptAsync(string flow, string key, byte[] payload, CancellationToken cancellationToken = default)
    {
        var now = Now;
        return Queue.Enqueue(c =>
        {
            var id = c.Scalar("INSERT INTO runs (flow, key, status, created_at, updated_at, next_at, payload) VALUES ($1, $2, 0, $3, $3, $3, $4) " +
                              "ON CONFLICT (flow, key) DO NOTHING RETURNING id", flow, key, now, payload);
            if (id is long created) return new AcceptResult(created, false);
            return new AcceptResult((long)c.Scalar("SELECT id FROM runs WHERE flow = $1 AND key = $2", flow, key)!, true);
        });
    }

    public Task<IReadOnlyList<FlowRun>> ClaimAsync(int max, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var at = Ms(now);
        return Queue.Enqueue<IReadOnlyList<FlowRun>>(c => c.Query(ReadRun,
            $"UPDATE runs SET status = 1, attempts = attempts + 1, updated_at = $1 WHERE id IN " +
            $"(SELECT id FROM runs WHERE status IN (0, 2) AND next_at <= $1 ORDER BY next_at, id LIMIT $2) RETURNING {RunColumns}", at, max));
    }

    public Task<IReadOnlyDictionary<string, string>> LoadCheckpointsAsync(long runId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(Read(c =>
            c.Query(r => (r.GetString(0), r.GetString(1)), "SELECT key, value FROM checkpoints WHERE run_id = $1", runId)
                .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal)));

    public Task SaveCheckpointAsync(long runId, string key, string value, CancellationToken cancellationToken = default)
    {
        var now = Now;
        return Queue.Enqueue(c => c.Execute(
            "INSERT INTO checkpoints (run_id, key, value, at) VALUES ($1, $2, $3, $4) ON CONFLICT (run_id, key) DO UPDATE SET value = $3, at = $4",
            runId, key, value, now));
    }

    public Task CompleteAsync(long runId, CancellationToken cancellationToken = default) =>
        SetStatus(runId, RunStatus.Done, null, Now);

    public Task RetryLaterAsync(long runId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken = default) =>
        SetStatus(runId, RunStatus.Waiting, error, Ms(nextAttemptAt));

    public Task DeadLetterAsync(long runId, string reason, CancellationToken cancellationToken = default) =>
        SetStatus(runId, RunStatus.Dead, reason, Now);

    private Task SetStatus(long runId, RunStatus status, string? error, long nextAt)
    {
        var now = Now;
        return Queue.Enqueue(c => c.Execute("UPDATE runs SET status = $2, error = $3, next_at = $4, updated_at = $5 WHERE id = $1",
            runId, (int)status, error, nextAt, now));
    }

    public Task<IReadOnlyList<FlowRun>> ListAsync(RunStatus status, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FlowRun>>(Read(c =>
            c.Query(ReadRun, $"SELECT {RunColumns} FROM runs WHERE status = $1 ORDER BY id LIMIT $2", (int)status, limit)));

    public Task<FlowRun?> GetAsync(long runId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(c => c.Query(ReadRun, $"SELECT {RunColumns} FROM runs WHERE id = $1", runId).FirstOrDefault()));

    public Task<bool> ReplayAsync(long runId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        return Queue.Enqueue(c => c.Execute("UPDATE runs SET status = 0, attempts = 0, next_at = $2, updated_at = $2 WHERE id = $1 AND status = 4",
            runId, now) == 1);
    }

    public Task<int> ReplayAllDeadAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        return Queue.Enqueue(c => c.Execute("UPDATE runs SET status = 0, attempts = 0, next_at = $1, updated_at = $1 WHERE status = 4", now));
    }

    public Task EnqueueOutboxAsync(long runId, string step, string connector, string operation, string targetId, string body,
        CancellationToken cancellationToken = default)
    {
        var now = Now;
        return Queue.Enqueue(c => c.Execute(
            "INSERT INTO outbox (run_id, step, connector, operation, target_id, body, status, next_at) VALUES ($1, $2, $3, $4, $5, $6, 0, $7) " +
            "ON CONFLICT (run_id, step) DO NOTHING", runId, step, connector, operation, targetId, body, now));
    }

    public Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(int max, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var at = Ms(now);
        return Queue.Enqueue<IReadOnlyList<OutboxMessage>>(c => c.Query(
            r => new OutboxMessage(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6),
                r.IsDBNull(7) ? null : r.GetString(7)),
            "UPDATE outbox SET status = 1, attempts = attempts + 1 WHERE id IN " +
            "(SELECT id FROM outbox o WHERE status = 0 AND next_at <= $1 " +
            // A run's replies go out in order: one waits while an earlier one of its run is unsent (a dead one no longer holds it back).
            "AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.run_id = o.run_id AND e.id < o.id AND e.status IN (0, 1)) " +
            "ORDER BY next_at, id LIMIT $2) " +
            "RETURNING id, run_id, connector, operation, target_id, body, attempts, error", at, max));
    }

    public Task CompleteOutboxAsync(long id, CancellationToken cancellationToken = default) =>
        Queue.Enqueue(c => c.Execute("UPDATE outbox SET status = 2, error = NULL WHERE id = $1", id));

    public Task RetryOutboxAsync(long id, DateTimeOffset nextAttemptAt, string error, bool dead, CancellationToken cancellationToken = default)
    {
        var at = Ms(nextAttemptAt);
        return Queue.Enqueue(c => c.Execute("UPDATE outbox SET status = $2, next_at = $3, error = $4 WHERE id = $1", id, dead ? 3 : 0, at, error));
    }

    public Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(c =>
        {
            var runs = c.Query(r => (((RunStatus)r.GetInt32(0)).ToString().ToLowerInvariant(), r.GetInt64(1)),
                "SELECT status, COUNT(*) FROM runs GROUP BY status").ToDictionary(p => p.Item1, p => p.Item2);
            var pending = (long)c.Scalar("SELECT COUNT(*) FROM outbox WHERE status IN (0, 1)")!;
            var dead = (long)c.Scalar("SELECT COUNT(*) FROM outbox WHERE status = 3")!;
            return new StoreCounts(runs, pending, dead);
        }));

    public Task<string?> GetWatermarkAsync(string source, CancellationToken cancellationToken = default) =>
        Task.FromResult(Read(c => c.Scalar("SELECT value FROM watermarks WHERE source = $1", source) as string));

    public Task SaveWatermarkAsync(string source, string value, CancellationToken cancellationToken = default)
    {
        var now = Now;
        return Queue.Enqueue(c => c.Execute(
            "INSERT INTO watermarks (source, value, at) VALUES ($1, $2, $3) ON CONFLICT (source) DO UPDATE SET value = $2, at = $3", source, value, now));
    }

    private static FlowRun ReadRun(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), (RunStatus)r.GetInt32(3), r.GetInt32(4), Time(r.GetInt64(5)), Time(r.GetInt64(6)),
        Time(r.GetInt64(7)), r.IsDBNull(8) ? null : r.GetString(8), (byte[])r.GetValue(9));

    public async ValueTask DisposeAsync()
    {
        _checkpointer?.Dispose();
        _queue?.Dispose();
        if (_writer is not null) await _writer.DisposeAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
    }
}
