using Microsoft.Data.Sqlite;

namespace MapLang.Host.Store;

/// <summary>
/// Group commit: all writes go through one connection and one thread that puts every write waiting at that moment into one
/// transaction (each in its own savepoint, so one failing write fails alone). A caller's task completes only once its
/// transaction is on disk, so an acknowledged webhook survives a crash, while a burst of writes costs one fsync, not one each.
/// </summary>
/// <remarks>
/// With a <see cref="WalSync"/> (synchronous FULL, the default) the connection runs with <c>synchronous=NORMAL</c> — COMMIT writes
/// the WAL frames without syncing them — and the queue syncs the WAL file itself before it completes the batch's tasks, on up to
/// <see cref="WalSync.Lanes"/> threads at once: the next batch is executed and committed while the previous one is synced, and
/// a batch that commits during a slow fsync starts its own instead of waiting for that one to end and then for its own. A batch
/// is completed only by an fsync that started after its COMMIT, which is what <c>synchronous=FULL</c> guarantees (SQLite syncs
/// the WAL at COMMIT). Without one (configured NORMAL or OFF) a batch completes at COMMIT.
/// Checkpoints are not run by COMMIT (<c>wal_autocheckpoint=0</c>) but by <see cref="SqliteCheckpointer"/> on a connection of its own.
/// </remarks>
internal sealed class SqliteWriteQueue : IDisposable
{
    private const int MaxBatch = 512;
    private readonly SqliteStatements _statements;
    private readonly WalSync? _sync;
    private readonly object _gate = new();
    private List<IWrite> _pending = new(MaxBatch);
    private List<IWrite> _taking = new(MaxBatch);
    private bool _closed;
    private volatile Exception? _broken;
    private volatile bool _restartWal;
    private readonly Thread _thread;

    /// <param name="walPath">The WAL file to sync before a batch completes, or null when COMMIT is enough (synchronous NORMAL or OFF).</param>
    public SqliteWriteQueue(SqliteConnection connection, string? walPath)
    {
        _statements = new SqliteStatements(connection);
        _sync = walPath is null ? null : new WalSync(walPath, Stats, e => _broken ??= e);
        _thread = new Thread(Loop) { IsBackground = true, Name = "MapLang store writer" };
        _thread.Start();
    }

    public WriteQueueStats Stats { get; } = new();

    /// <summary>Set when an fsync of the WAL failed: every write fails from then on.</summary>
    public Exception? Broken => _broken;

    public Task<T> Enqueue<T>(Func<SqliteStatements, T> write)
    {
        if (_broken is { } broken) return Task.FromException<T>(new InvalidOperationException("The store could not sync its log; restart the host.", broken));
        var item = new Write<T>(write);
        lock (_gate)
        {
            if (_closed) throw new ObjectDisposedException(nameof(SqliteWriteQueue));
            _pending.Add(item);
            if (_pending.Count == 1) Monitor.Pulse(_gate);
        }
        return item.Completion.Task;
    }

    /// <summary>Asks the writer to restart the WAL from its beginning before its next batch (the checkpointer found it too long).</summary>
    public void RequestWalRestart() => _restartWal = true;

    private void Loop()
    {
        while (true)
        {
            lock (_gate)
            {
                while (_pending.Count == 0 && !_closed) Monitor.Wait(_gate);
                if (_pending.Count == 0) return;
                (_taking, _pending) = (_pending, _taking);
            }
            for (var start = 0; start < _taking.Count; start += MaxBatch)
                Commit(_taking.GetRange(start, Math.Min(MaxBatch, _taking.Count - start)));
            _taking.Clear();
        }
    }

    private void Commit(List<IWrite> batch)
    {
        var begin = System.Diagnostics.Stopwatch.GetTimestamp();
        if (_broken is { } broken)
        {
            foreach (var w in batch) w.Fail(broken);
            return;
        }
        try
        {
            if (_restartWal)
            {
                // Rare: the background checkpoints could not catch up with a long stream of writes (the WAL is reset only when it is
                // wholly copied into the database at the start of a write). Copy it here, between transactions, and start it over.
                _restartWal = false;
                _statements.Execute("PRAGMA wal_checkpoint(RESTART)");
            }
            _statements.Execute("BEGIN IMMEDIATE");
            foreach (var w in batch)
            {
                _statements.Execute("SAVEPOINT w");
                if (w.Run(_statements)) _statements.Execute("RELEASE w");
                else
                {
                    _statements.Execute("ROLLBACK TO w");
                    _statements.Execute("RELEASE w");
                }
            }
            var beforeCommit = System.Diagnostics.Stopwatch.GetTimestamp();
            _statements.Execute("COMMIT");
            Stats.Record(batch.Count, beforeCommit - begin, System.Diagnostics.Stopwatch.GetTimestamp() - beforeCommit);
        }
        catch (Exception e)
        {
            try { _statements.Execute("ROLLBACK"); } catch (SqliteException) { /* nothing was open */ }
            foreach (var w in batch) w.Fail(e);
            return;
        }
        if (_sync is null) Publish(batch);
        // The batch list is the writer's (a slice of its taking list); the lanes keep it until their fsync ends.
        else _sync.Add(batch);
    }

    private static void Publish(List<IWrite> batch)
    {
        foreach (var w in batch) w.Publish();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.Pulse(_gate);
        }
        _thread.Join();
        _sync?.Dispose();
        _statements.Dispose();
    }

    internal interface IWrite
    {
        /// <summary>Runs the write inside the open transaction; false when it threw (its savepoint is rolled back).</summary>
        bool Run(SqliteStatements statements);
        void Publish();
        void Fail(Exception e);
    }

    private sealed class Write<T>(Func<SqliteStatements, T> write) : IWrite
    {
        private T? _result;
        private Exception? _error;
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Run(SqliteStatements statements)
        {
            try
            {
                _result = write(statements);
                return true;
            }
            catch (Exception e)
            {
                _error = e;
                return false;
            }
        }

        public void Publish()
        {
            if (_error is not null) Completion.TrySetException(_error);
            else Completion.TrySetResult(_result!);
        }

        public void Fail(Exception e) => Completion.TrySetException(e);
    }

    /// <summary>
    /// Syncs the WAL file after COMMIT on up to <see cref="Lanes"/> threads at once and then completes the batches it covered.
    /// A lane takes every batch committed so far, so each batch is completed by an fsync that began after its COMMIT. A failed
    /// fsync fails its batches and every later write (after an fsync error the kernel may have dropped the dirty pages, so a later
    /// fsync that succeeds proves nothing): the store answers 503 until the host is restarted.
    /// </summary>
    internal sealed class WalSync : IDisposable
    {
        public const int Lanes = 3;
        private readonly FileStream _wal;
        private readonly Action<Exception> _broken;
        private readonly WriteQueueStats _stats;
        private readonly object _gate = new();
        private List<IWrite> _committed = [];
        private int _syncing;
        private bool _closed;
        private readonly Thread[] _threads;

        public WalSync(string walPath, WriteQueueStats stats, Action<Exception> broken)
        {
            // The WAL exists while the writer connection is open (it was created by the schema's first write); SQLite keeps the
            // same file for the life of the connection, so this handle syncs the file COMMIT writes to.
            _wal = new FileStream(walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            _broken = broken;
            _stats = stats;
            _threads = Enumerable.Range(0, Lanes).Select(i => new Thread(Lane) { IsBackground = true, Name = $"MapLang store sync {i + 1}" }).ToArray();
            foreach (var t in _threads) t.Start();
        }

        public void Add(List<IWrite> batch)
        {
            lock (_gate)
            {
                _committed.AddRange(batch);
                Monitor.Pulse(_gate);
            }
        }

        private void Lane()
        {
            while (true)
            {
                List<IWrite> mine;
                lock (_gate)
                {
                    while ((_committed.Count == 0 || _syncing >= Lanes) && !_closed) Monitor.Wait(_gate);
                    if (_committed.Count == 0) return;
                    mine = _committed;
                    _committed = [];
                    _syncing++;
                }
                try
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    _wal.Flush(flushToDisk: true);
                    _stats.RecordSync(System.Diagnostics.Stopwatch.GetTimestamp() - started);
                    Publish(mine);
                }
                catch (Exception e)
                {
                    _broken(e);
                    foreach (var w in mine) w.Fail(e);
                }
                finally
                {
                    lock (_gate)
                    {
                        _syncing--;
                        Monitor.Pulse(_gate);
                    }
                }
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _closed = true;
                Monitor.PulseAll(_gate);
            }
            foreach (var t in _threads) t.Join();
            _wal.Dispose();
        }
    }
}
