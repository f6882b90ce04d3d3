using Npgsql;
using static MapLang.Host.Store.SqliteCommands;

namespace MapLang.Host.Store;

/// <summary>
/// The shared store for several hosts on one PostgreSQL database (same tables and state machine as <see cref="SqliteFlowStore"/>).
/// Workers compete: <see cref="ClaimAsync"/> takes due rows with <c>FOR UPDATE SKIP LOCKED</c>, so two hosts never take the same run.
/// A claimed run (or reply) holds a lease: its <c>next_at</c> becomes now + <see cref="Lease"/>, and a run still <c>running</c> after the
/// lease (its host died) is due again — there is no reset at start, which would take runs from hosts that are alive. Every method returns
/// after its transaction committed (PostgreSQL groups concurrent commits into one WAL flush itself).
/// </summary>
public sealed class PostgresFlowStore(string connectionString, TimeSpan? lease = null, TimeProvider? time = null) : IFlowStore
{
    private const string RunColumns = "id, flow, key, status, attempts, created_at, updated_at, next_at, error, payload";
    private readonly NpgsqlDataSource _db = NpgsqlDataSource.Create(Pooled(connectionString));
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>How long a claimed run belongs to its host before another may take it (longer than any attempt: timeouts × calls).</summary>
    public TimeSpan Lease { get; } = lease ?? TimeSpan.FromMinutes(10);

    private long Now => Ms(_time.GetUtcNow());

    /// <summary>Npgsql's default pool (100) per host would exhaust the server's 100 connections with two hosts: 20 unless set.</summary>
    private static string Pooled(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
            builder.MaxPoolSize = 20;
        return builder.ToString();
    }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        // Two hosts starting at once may race on CREATE … IF NOT EXISTS; an advisory lock serialises them.
        await using var connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(727274)", connection)) await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var create = new NpgsqlCommand(PostgresSchema.Create, connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(727274)", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private NpgsqlCommand Command(string sql, params object?[] args)
    {
        var command = _db.CreateCommand(sql);
        foreach (var a in args) command.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
        return command;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object?[] args)
    {
        await using var command = Command(sql, args);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private async Task<List<T>> QueryAsync<T>(Func<NpgsqlDataReader, T> read, string sql, CancellationToken ct, params object?[] args)
    {
        await using var command = Command(sql, args);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var result = new List<T>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) result.Add(read(reader));
        return result;
    }

    public async Task<AcceptResult> AcceptAsync(string flow, string key, byte[] payload, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var created = await QueryAsync(r => r.GetInt64(0),
            "INSERT INTO runs (flow, key, status, created_at, updated_at, next_at, payload) VALUES ($1, $2, 0, $3, $3, $3, $4) " +
            "ON CONFLICT (flow, key) DO NOTHING RETURNING id", cancellationToken, flow, key, now, payload).ConfigureAwait(false);
        if (created.Count == 1) return new AcceptResult(created[0], false);
        var existing = await QueryAsync(r => r.GetInt64(0), "SELECT id FROM runs WHERE flow = $1 AND key = $2", cancellationToken, flow, key).ConfigureAwait(false);
        return new AcceptResult(existing[0], true);
    }

    public async Task<IReadOnlyList<FlowRun>> ClaimAsync(int max, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var at = Ms(now);
        return await QueryAsync(ReadRun,
            $"UPDATE runs SET status = 1, attempts = attempts + 1, updated_at = $1, next_at = $3 WHERE id IN " +
            $"(SELECT id FROM runs WHERE status IN (0, 1, 2) AND next_at <= $1 ORDER BY next_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) RETURNING {RunColumns}",
            cancellationToken, at, max, at + (long)Lease.TotalMilliseconds).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, string>> LoadCheckpointsAsync(long runId, CancellationToken cancellationToken = default) =>
        (await QueryAsync(r => (r.GetString(0), r.GetString(1)), "SELECT key, value FROM checkpoints WHERE run_id = $1", cancellationToken, runId).ConfigureAwait(false))
        .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    public Task SaveCheckpointAsync(long runId, string key, string value, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO checkpoints (run_id, key, value, at) VALUES ($1, $2, $3, $4) ON CONFLICT (run_id, key) DO UPDATE SET value = $3, at = $4",
            cancellationToken, runId, key, value, Now);

    public Task CompleteAsync(long runId, CancellationToken cancellationToken = default) => SetStatus(runId, RunStatus.Done, null, Now, cancellationToken);

    public Task RetryLaterAsync(long runId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken = default) =>
        SetStatus(runId, RunStatus.Waiting, error, Ms(nextAttemptAt), cancellationToken);

    public Task DeadLetterAsync(long runId, string reason, CancellationToken cancellationToken = default) => SetStatus(runId, RunStatus.Dead, reason, Now, cancellationToken);

    private Task SetStatus(long runId, RunStatus status, string? error, long nextAt, CancellationToken ct) =>
        ExecuteAsync("UPDATE runs SET status = $2, error = $3, next_at = $4, updated_at = $5 WHERE id = $1", ct, runId, (int)status, error, nextAt, Now);

    public async Task<IReadOnlyList<FlowRun>> ListAsync(RunStatus status, int limit, CancellationToken cancellationToken = default) =>
        await QueryAsync(ReadRun, $"SELECT {RunColumns} FROM runs WHERE status = $1 ORDER BY id LIMIT $2", cancellationToken, (int)status, limit).ConfigureAwait(false);

    public async Task<FlowRun?> GetAsync(long runId, CancellationToken cancellationToken = default) =>
        (await QueryAsync(ReadRun, $"SELECT {RunColumns} FROM runs WHERE id = $1", cancellationToken, runId).ConfigureAwait(false)).FirstOrDefault();

    public async Task<bool> ReplayAsync(long runId, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("UPDATE runs SET status = 0, attempts = 0, next_at = $2, updated_at = $2 WHERE id = $1 AND status = 4", cancellationToken, runId, Now)
            .ConfigureAwait(false) == 1;

    public Task<int> ReplayAllDeadAsync(CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE runs SET status = 0, attempts = 0, next_at = $1, updated_at = $1 WHERE status = 4", cancellationToken, Now);

    public Task EnqueueOutboxAsync(long runId, string step, string connector, string operation, string targetId, string body, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO outbox (run_id, step, connector, operation, target_id, body, status, next_at) VALUES ($1, $2, $3, $4, $5, $6, 0, $7) " +
                     "ON CONFLICT (run_id, step) DO NOTHING", cancellationToken, runId, step, connector, operation, targetId, body, Now);

    public async Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(int max, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var at = Ms(now);
        return await QueryAsync(
            r => new OutboxMessage(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6),
                r.IsDBNull(7) ? null : r.GetString(7)),
            "UPDATE outbox SET status = 1, attempts = attempts + 1, next_at = $3 WHERE id IN " +
            "(SELECT id FROM outbox o WHERE status IN (0, 1) AND next_at <= $1 " +
            "AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.run_id = o.run_id AND e.id < o.id AND e.status IN (0, 1)) " +
            "ORDER BY next_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) " +
            "RETURNING id, run_id, connector, operation, target_id, body, attempts, error", cancellationToken, at, max, at + (long)Lease.TotalMilliseconds).ConfigureAwait(false);
    }

    public Task CompleteOutboxAsync(long id, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE outbox SET status = 2, error = NULL WHERE id = $1", cancellationToken, id);

    public Task RetryOutboxAsync(long id, DateTimeOffset nextAttemptAt, string error, bool dead, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE outbox SET status = $2, next_at = $3, error = $4 WHERE id = $1", cancellationToken, id, dead ? 3 : 0, Ms(nextAttemptAt), error);

    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        var runs = (await QueryAsync(r => (((RunStatus)r.GetInt32(0)).ToString().ToLowerInvariant(), r.GetInt64(1)),
            "SELECT status, COUNT(*) FROM runs GROUP BY status", cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Item1, p => p.Item2);
        var outbox = await QueryAsync(r => (r.GetInt64(0), r.GetInt64(1)),
            "SELECT COUNT(*) FILTER (WHERE status IN (0, 1)), COUNT(*) FILTER (WHERE status = 3) FROM outbox", cancellationToken).ConfigureAwait(false);
        return new StoreCounts(runs, outbox[0].Item1, outbox[0].Item2);
    }

    public async Task<string?> GetWatermarkAsync(string source, CancellationToken cancellationToken = default) =>
        (await QueryAsync(r => r.GetString(0), "SELECT value FROM watermarks WHERE source = $1", cancellationToken, source).ConfigureAwait(false)).FirstOrDefault();

    public Task SaveWatermarkAsync(string source, string value, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO watermarks (source, value, at) VALUES ($1, $2, $3) ON CONFLICT (source) DO UPDATE SET value = $2, at = $3",
            cancellationToken, source, value, Now);

    private static FlowRun ReadRun(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), (RunStatus)r.GetInt32(3), r.GetInt32(4), Time(r.GetInt64(5)), Time(r.GetInt64(6)),
        Time(r.GetInt64(7)), r.IsDBNull(8) ? null : r.GetString(8), (byte[])r.GetValue(9));

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
