using System.Diagnostics;
using System.Runtime;
using System.Text.Json.Nodes;
using MapLang.Host.Store;
using MapLang.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MapLang.Host.Tests;

/// <summary>
/// Not a test: figures for docs/benchmarks.md. Runs only with MAPLANG_BENCH=1
/// (<c>MAPLANG_BENCH=1 dotnet test tests/MapLang.Host.Tests -c Release --filter IntakeBenchmark --logger "console;verbosity=detailed"</c>).
/// </summary>
public sealed class IntakeBenchmark(ITestOutputHelper output)
{
    [Fact]
    public async Task Webhook_intake_and_end_to_end()
    {
        if (Environment.GetEnvironmentVariable("MAPLANG_BENCH") != "1") return;
        var workers = Environment.GetEnvironmentVariable("MAPLANG_BENCH_WORKERS") != "0";
        var synchronous = Environment.GetEnvironmentVariable("MAPLANG_BENCH_SYNC") ?? "FULL";
        var warmup = int.TryParse(Environment.GetEnvironmentVariable("MAPLANG_BENCH_WARMUP"), out var w) ? w : 500;
        var trace = Environment.GetEnvironmentVariable("MAPLANG_BENCH_TRACE") == "1";
        var burstGate = Environment.GetEnvironmentVariable("MAPLANG_BENCH_BURST") != "off";
        await using var sandbox = await SandboxHost.StartAsync();
        using var project = new TestProject(sandbox, synchronous: synchronous);
        if (!workers || !burstGate)
        {
            var file = Path.Combine(project.Directory, "maplang.json");
            var config = JsonNode.Parse(File.ReadAllText(file))!;
            if (!workers) config["workers"]!["concurrency"] = 0;
            if (!burstGate) config["workers"]!["burstAbove"] = int.MaxValue;
            File.WriteAllText(file, config.ToJsonString());
        }
        await using var host = await MapLangHost.StartAsync(new MapLangHostOptions { ProjectPath = project.Directory, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Error });
        var stats = (host.Services.GetRequiredService<IFlowStore>() as SqliteFlowStore)?.WriteStats;
        using var http = new HttpClient();
        const int orders = 5000, clients = 32;
        output.WriteLine($"variant: workers {(workers ? "on (8)" : "paused")}, burst gate {(burstGate ? "on" : "off")}, synchronous={synchronous}, warm-up {warmup}, GC server={GCSettings.IsServerGC} " +
                         $"concurrent={AppContext.GetData("System.GC.Concurrent") ?? "default"}, latency mode {GCSettings.LatencyMode}, cores {Environment.ProcessorCount}");
        var all = Stopwatch.StartNew();
        if (warmup > 0)
        {
            // A fresh process: the first requests JIT Kestrel, the endpoint, SQLite and the HTTP client and open the 32 connections.
            // Timed apart (the cold start), not in the figures below; the workers start on the warm-up orders and keep running.
            var cold = new double[warmup];
            var next0 = -1;
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next0)) < warmup)
                {
                    var sw = Stopwatch.StartNew();
                    using var response = await http.SendAsync(TestProject.Webhook(host.BaseUri, TestProject.Order(900_000 + i)));
                    response.EnsureSuccessStatusCode();
                    cold[i] = sw.Elapsed.TotalMilliseconds;
                }
            })));
            output.WriteLine($"cold start: first {warmup} webhooks p50 {Percentile(cold, 50):F1} ms, p99 {Percentile(cold, 99):F1} ms, max {cold.Max():F1} ms");
        }
        var bodies = Enumerable.Range(100_000, orders).Select(n => TestProject.Order(n)).ToArray();
        var latencies = new double[orders];
        var startedAt = new long[orders];
        var next = -1;
        stats?.Reset();
        var gcBefore = (G0: GC.CollectionCount(0), G1: GC.CollectionCount(1), G2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration());
        var t0 = Stopwatch.GetTimestamp();
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < orders)
            {
                startedAt[i] = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(TestProject.Webhook(host.BaseUri, bodies[i]));
                response.EnsureSuccessStatusCode();
                latencies[i] = Stopwatch.GetElapsedTime(startedAt[i]).TotalMilliseconds;
            }
        })));
        var intake = total.Elapsed;
        var pause = GC.GetTotalPauseDuration() - gcBefore.Pause;
        var gc = $"gc during intake: gen0 {GC.CollectionCount(0) - gcBefore.G0}, gen1 {GC.CollectionCount(1) - gcBefore.G1}, gen2 {GC.CollectionCount(2) - gcBefore.G2}, " +
                 $"pause {pause.TotalMilliseconds:F0} ms; thread pool {ThreadPool.ThreadCount} threads";
        var store = stats is null ? "" : $"store during intake: {stats.Writes} writes in {stats.Batches} batches ({(double)stats.Writes / Math.Max(1, stats.Batches):F1}/batch), " +
            $"exec {stats.ExecMs / Math.Max(1, stats.Batches):F2} ms + commit {stats.CommitMs / Math.Max(1, stats.Batches):F2} ms per batch, max {stats.MaxBatchMs:F0} ms, {stats.SlowBatches} over 25 ms; " +
            $"{stats.Syncs} WAL fsyncs by the queue, {stats.SyncMs / Math.Max(1, stats.Syncs):F2} ms each, max {stats.MaxSyncMs:F0} ms; {stats.Checkpoints} background checkpoints, max {stats.MaxCheckpointMs:F0} ms";
        if (trace)
        {
            // Slow acknowledgements by the 100 ms window they started in, beside the store's slow batches (when they ended).
            double At(long ts) => (ts - t0) * 1000.0 / Stopwatch.Frequency;
            var slow = Enumerable.Range(0, orders).Where(i => latencies[i] > 50).GroupBy(i => (int)(At(startedAt[i]) / 100))
                .OrderBy(g => g.Key).Select(g => $"{g.Key * 100}ms:{g.Count()}(max {g.Max(i => latencies[i]):F0})");
            output.WriteLine("slow acks (>50 ms) by start window: " + string.Join(" ", slow));
            if (stats is not null)
                output.WriteLine("slow batches (end, writes, exec+commit ms): " + string.Join(" ", stats.Slow.Select(s => $"{At(s.At):F0}:{s.Count}:{s.ExecMs:F0}+{s.CommitMs:F0}")));
        }
        TimeSpan? endToEnd = null;
        if (workers && Environment.GetEnvironmentVariable("MAPLANG_BENCH_E2E") != "0")
        {
            await TestProject.WaitIdleAsync(http, host.BaseUri, TimeSpan.FromMinutes(10));
            endToEnd = all.Elapsed; // from the first webhook of the warm-up
        }
        output.WriteLine($"intake: {orders} webhooks, {clients} clients, {orders / intake.TotalSeconds:F0}/s, p50 {Percentile(latencies, 50):F1} ms, " +
                         $"p99 {Percentile(latencies, 99):F1} ms, max {latencies.Max():F1} ms");
        output.WriteLine(gc);
        if (store.Length > 0) output.WriteLine(store);
        if (endToEnd is { } e2e)
            output.WriteLine($"end to end: {orders + warmup} M3 orders (AddBatchHead + 2 AddBatchLine + Confirm each) in {e2e.TotalSeconds:F1} s = {(orders + warmup) / e2e.TotalSeconds:F0} orders/s");
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(double[] values, int p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];
    }
}
