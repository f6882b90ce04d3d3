using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace MapLang.Host.Store;

/// <summary>
/// Group commit: all writes go through one connection and one loop that puts every write waiting at that moment into
/// one transaction (each in its own savepoint, so one failing write fails alone). A caller's task completes after COMMIT,
/// so an acknowledged webhook is on disk, while a burst of webhooks costs one fsync, not one each.
/// </summary>
internal sealed class SqliteWriteQueue : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private readonly SqliteConnection _connection;
    private readonly Channel<IWrite> _writes = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public SqliteWriteQueue(SqliteConnection connection)
    {
        _connection = connection;
        _loop = Task.Run(LoopAsync);
    }

    public Task<T> Enqueue<T>(Func<SqliteConnection, T> write)
    {
        var item = new Write<T>(write);
        if (!_writes.Writer.TryWrite(item)) throw new ObjectDisposedException(nameof(SqliteWriteQueue));
        return item.Completion.Task;
    }

    private async Task LoopAsync()
    {
        var batch = new List<IWrite>(MaxBatch);
        while (await _writes.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var w)) batch.Add(w);
            if (batch.Count == 0) continue;
            try
            {
                Exec("BEGIN IMMEDIATE");
                foreach (var w in batch)
                {
                    Exec("SAVEPOINT w");
                    if (w.Run(_connection)) Exec("RELEASE w");
                    else
                    {
                        Exec("ROLLBACK TO w");
                        Exec("RELEASE w");
                    }
                }
                Exec("COMMIT");
                foreach (var w in batch) w.Publish();
            }
            catch (Exception e)
            {
                try { Exec("ROLLBACK"); } catch (SqliteException) { /* nothing was open */ }
                foreach (var w in batch) w.Fail(e);
            }
        }
    }

    private void Exec(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private interface IWrite
    {
        /// <summary>Runs the write inside the open transaction; false when it threw (its savepoint is rolled back).</summary>
        bool Run(SqliteConnection connection);
        void Publish();
        void Fail(Exception e);
    }

    private sealed class Write<T>(Func<SqliteConnection, T> write) : IWrite
    {
        private T? _result;
        private Exception? _error;
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Run(SqliteConnection connection)
        {
            try
            {
                _result = write(connection);
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
}
