using Microsoft.Data.Sqlite;

namespace MapLang.Host.Store;

/// <summary>
/// Copies the WAL into the database file on a connection and thread of its own (<c>wal_checkpoint(PASSIVE)</c>, which neither
/// waits for nor blocks the writer), so that no COMMIT — and no webhook waiting for one — pays for a checkpoint: with SQLite's
/// automatic checkpoint, every thousandth page made one COMMIT write and sync megabytes of the database. Each checkpoint syncs
/// the WAL before copying and the database after, as SQLite's own does. When writes never pause long enough for the WAL to be
/// wholly copied (SQLite starts it over only then) and it grows past <see cref="RestartFrames"/>, the writer is asked to restart it.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    private const int RestartFrames = 16_384; // 64 MB of 4 KB pages
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly SqliteConnection _connection;
    private readonly SqliteWriteQueue _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public SqliteCheckpointer(SqliteConnection connection, SqliteWriteQueue queue)
    {
        _connection = connection;
        _queue = queue;
        _thread = new Thread(Loop) { IsBackground = true, Name = "MapLang store checkpoint" };
        _thread.Start();
    }

    private void Loop()
    {
        var seen = -1L;
        while (!_stop.Token.WaitHandle.WaitOne(Interval))
        {
            var batches = _queue.Stats.Batches;
            if (batches == seen) continue;
            seen = batches;
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                using var command = _connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                using var reader = command.ExecuteReader();
                if (!reader.Read()) continue;
                var frames = reader.GetInt64(1);
                _queue.Stats.RecordCheckpoint(System.Diagnostics.Stopwatch.GetTimestamp() - started);
                if (frames > RestartFrames) _queue.RequestWalRestart();
            }
            catch (SqliteException)
            {
                // Busy or locked: the next round tries again.
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _connection.Dispose();
        _stop.Dispose();
    }
}
