using System.Diagnostics;

namespace MapLang.Benchmarks;

/// <summary>
/// A quick, load-tolerant comparison for development: the methods run in alternating short blocks and the
/// best block of each counts, so a busy machine slows all of them alike. BenchmarkDotNet gives the published figures.
/// </summary>
internal static class QuickRatio
{
    public static void Run()
    {
        foreach (var payload in new[] { "real order", "50 lines" })
        {
            var b = new MapperBenchmarks { Payload = payload };
            b.Setup();
            var methods = new (string Name, Func<int> Run)[]
            {
                ("generated", b.Generated), ("hand-written streaming", b.HandWrittenStreaming), ("hand-written JsonDocument", b.HandWrittenDocument),
            };
            var best = methods.ToDictionary(m => m.Name, _ => double.MaxValue);
            for (var round = 0; round < 15; round++)
            {
                foreach (var (name, run) in methods)
                {
                    var n = 0;
                    var watch = Stopwatch.StartNew();
                    while (watch.ElapsedMilliseconds < 100) { run(); n++; }
                    best[name] = Math.Min(best[name], watch.Elapsed.TotalMicroseconds / n);
                }
            }
            var baseline = best["hand-written streaming"];
            foreach (var (name, value) in best)
                Console.WriteLine($"{payload,-11} {name,-26} {value,9:F2} us  ratio {value / baseline:F2}");
        }
    }
}
