using System.Diagnostics;

namespace MapLang.Host.Store;

/// <summary>What the SQLite write queue did (batches, writes, time executing and committing): read by the intake benchmark.</summary>
internal sealed class WriteQueueStats
{
    private long _batches, _writes, _execTicks, _commitTicks, _maxBatchTicks, _slowBatches;
    public readonly System.Collections.Concurrent.ConcurrentQueue<(long At, int Count, double ExecMs, double CommitMs)> Slow = new();

    public long Batches => Volatile.Read(ref _batches);
    public long Writes => Volatile.Read(ref _writes);
    public double ExecMs => Volatile.Read(ref _execTicks) * 1000.0 / Stopwatch.Frequency;
    public double CommitMs => Volatile.Read(ref _commitTicks) * 1000.0 / Stopwatch.Frequency;
    public double MaxBatchMs => Volatile.Read(ref _maxBatchTicks) * 1000.0 / Stopwatch.Frequency;
    public long SlowBatches => Volatile.Read(ref _slowBatches);

    public void Record(int count, long execTicks, long commitTicks)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _writes, count);
        Interlocked.Add(ref _execTicks, execTicks);
        Interlocked.Add(ref _commitTicks, commitTicks);
        var total = execTicks + commitTicks;
        if (total > _maxBatchTicks) Volatile.Write(ref _maxBatchTicks, total);
        if (total * 1000.0 / Stopwatch.Frequency > 25)
        {
            Interlocked.Increment(ref _slowBatches);
            if (Slow.Count < 200) Slow.Enqueue((Stopwatch.GetTimestamp(), count, execTicks * 1000.0 / Stopwatch.Frequency, commitTicks * 1000.0 / Stopwatch.Frequency));
        }
    }

    private long _syncs, _syncTicks, _maxSyncTicks;
    public long Syncs => Volatile.Read(ref _syncs);
    public double SyncMs => Volatile.Read(ref _syncTicks) * 1000.0 / Stopwatch.Frequency;
    public double MaxSyncMs => Volatile.Read(ref _maxSyncTicks) * 1000.0 / Stopwatch.Frequency;

    public void RecordSync(long ticks)
    {
        Interlocked.Increment(ref _syncs);
        Interlocked.Add(ref _syncTicks, ticks);
        long max;
        while (ticks > (max = Volatile.Read(ref _maxSyncTicks)) && Interlocked.CompareExchange(ref _maxSyncTicks, ticks, max) != max) { }
    }

    private long _checkpoints, _maxCheckpointTicks;
    public long Checkpoints => Volatile.Read(ref _checkpoints);
    public double MaxCheckpointMs => Volatile.Read(ref _maxCheckpointTicks) * 1000.0 / Stopwatch.Frequency;

    public void RecordCheckpoint(long ticks)
    {
        Interlocked.Increment(ref _checkpoints);
        if (ticks > _maxCheckpointTicks) Volatile.Write(ref _maxCheckpointTicks, ticks);
    }

    public void Reset()
    {
        _batches = _writes = _execTicks = _commitTicks = _maxBatchTicks = _slowBatches = _syncs = _syncTicks = _maxSyncTicks = _checkpoints = _maxCheckpointTicks = 0;
        Slow.Clear();
    }
}
