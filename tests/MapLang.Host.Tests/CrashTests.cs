using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MapLang.Sandbox;
using Xunit.Abstractions;

namespace MapLang.Host.Tests;

/// <summary>
/// The host as a child process (<c>dotnet maplang.dll serve</c>), killed with SIGKILL at random moments while 500 orders arrive:
/// after restarts every acknowledged order is exactly one M3 order (none lost, none twice), counted by CUOR in the sandbox.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Orders = 500;
    private static readonly ConcurrentQueue<string> Log = new();

    [Fact]
    public async Task Killing_the_host_loses_and_duplicates_no_order()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var port = FreePort();
        using var project = new TestProject(sandbox, urls: $"http://127.0.0.1:{port}");
        var hostUri = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var dll = CliLocator.MaplangDll();
        var process = Start(dll, project.Directory);
        await WaitReadyAsync(http, hostUri, process);

        var accepted = new ConcurrentDictionary<int, bool>();
        var next = 0;
        var stopwatch = Stopwatch.StartNew();
        async Task PostAllAsync()
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) <= Orders)
            {
                // A store retries until it gets a 2xx, as BigCommerce and Adobe Commerce do.
                while (true)
                {
                    try
                    {
                        using var response = await http.SendAsync(TestProject.Webhook(hostUri, TestProject.Order(n)));
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            accepted[n] = true;
                            break;
                        }
                    }
                    catch (HttpRequestException) { }
                    catch (TaskCanceledException) { }
                    await Task.Delay(50);
                }
                await Task.Delay(Random.Shared.Next(0, 10));
            }
        }
        var posters = Enumerable.Range(0, 4).Select(_ => Task.Run(PostAllAsync)).ToArray();

        var kills = 0;
        while (!posters.All(p => p.IsCompleted) || kills < 3)
        {
            await Task.Delay(Random.Shared.Next(400, 1500));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            kills++;
            process = Start(dll, project.Directory);
            await WaitReadyAsync(http, hostUri, process);
            if (kills >= 8) break;
        }
        await Task.WhenAll(posters);
        await TestProject.WaitIdleAsync(http, hostUri, TimeSpan.FromSeconds(90));
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();

        var counts = await TestProject.M3OrderCountsAsync(http, sandbox);
        output.WriteLine($"{accepted.Count} orders acknowledged, {kills} kills, {counts.Count} CUORs in M3, {stopwatch.Elapsed.TotalSeconds:F1} s");
        accepted.Count.ShouldBe(Orders);
        var lost = accepted.Keys.Where(n => !counts.ContainsKey(TestProject.Cuor(n))).ToList();
        var twice = counts.Where(c => c.Value > 1).Select(c => c.Key).ToList();
        lost.ShouldBeEmpty("lost orders");
        twice.ShouldBeEmpty("duplicated orders");
    }

    private static Process Start(string dll, string projectDir)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "serve", projectDir }) info.ArgumentList.Add(a);
        var p = Process.Start(info)!;
        p.OutputDataReceived += (_, e) => { if (e.Data is { } line) Log.Enqueue(line); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Log.Enqueue(line); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static async Task WaitReadyAsync(HttpClient http, Uri host, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The host exited with {process.ExitCode}: {string.Join(Environment.NewLine, Log.TakeLast(20))}");
            try
            {
                using var r = await http.GetAsync(new Uri(host, "health/ready"));
                if (r.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("The host did not become ready.");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
