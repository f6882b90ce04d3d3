using System.Diagnostics;
using MapLang.Sandbox;
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
        await using var sandbox = await SandboxHost.StartAsync();
        using var project = new TestProject(sandbox);
        await using var host = await MapLangHost.StartAsync(new MapLangHostOptions { ProjectPath = project.Directory, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Error });
        using var http = new HttpClient();
        const int orders = 5000, clients = 32;
        var bodies = Enumerable.Range(100_000, orders).Select(n => TestProject.Order(n)).ToArray();
        var latencies = new double[orders];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < orders)
            {
                var sw = Stopwatch.StartNew();
                using var response = await http.SendAsync(TestProject.Webhook(host.BaseUri, bodies[i]));
                response.EnsureSuccessStatusCode();
                latencies[i] = sw.Elapsed.TotalMilliseconds;
            }
        })));
        var intake = total.Elapsed;
        await TestProject.WaitIdleAsync(http, host.BaseUri, TimeSpan.FromMinutes(10));
        var endToEnd = total.Elapsed;
        Array.Sort(latencies);
        output.WriteLine($"intake: {orders} webhooks, {clients} clients, {orders / intake.TotalSeconds:F0}/s, p50 {latencies[orders / 2]:F1} ms, p99 {latencies[orders * 99 / 100]:F1} ms, max {latencies[^1]:F1} ms");
        output.WriteLine($"end to end: {orders} M3 orders (AddBatchHead + 2 AddBatchLine + Confirm each) in {endToEnd.TotalSeconds:F1} s = {orders / endToEnd.TotalSeconds:F0} orders/s");
    }
}
