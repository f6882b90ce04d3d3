using System.Diagnostics;
using MapLang.Compiler.Semantics;

namespace MapLang.Benchmarks;

/// <summary>`maplang check` of 50 map files, warm: the time an editor or CI pays per check once the process runs.</summary>
internal static class CompilerTimings
{
    public static void Run()
    {
        var dir = Path.Combine(Path.GetTempPath(), "maplang-check-50");
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        Directory.CreateDirectory(dir);
        var example = File.ReadAllText(RepositoryRoot.Combine("examples", "magento", "order-to-m3.map"));
        for (var i = 0; i < 50; i++)
        {
            // Each file keeps its maps' names unique across the project.
            var text = example
                .Replace("map Magento.Order -> M3.OIS100", $"map Order{i}: Magento.Order -> M3.OIS100", StringComparison.Ordinal)
                .Replace("DeliveryAddress", $"DeliveryAddress{i}", StringComparison.Ordinal)
                .Replace("OrderLine", $"OrderLine{i}", StringComparison.Ordinal)
                .Replace("DeliveryMethods", $"DeliveryMethods{i}", StringComparison.Ordinal)
                .Replace("const COMPANY", $"const COMPANY{i}", StringComparison.Ordinal).Replace("= COMPANY", $"= COMPANY{i}", StringComparison.Ordinal)
                .Replace("const WAREHOUSE", $"const WAREHOUSE{i}", StringComparison.Ordinal).Replace("= WAREHOUSE", $"= WAREHOUSE{i}", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir, $"order{i:D2}.map"), text);
        }
        var lines = Directory.GetFiles(dir).Sum(f => File.ReadAllLines(f).Length);

        var first = Stopwatch.StartNew();
        var compilation = MapProject.Compile(dir);
        first.Stop();
        if (compilation.HasErrors) throw new InvalidOperationException(string.Join("\n", compilation.Diagnostics.Take(5)));

        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            MapProject.Compile(dir);
            watch.Stop();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"check of 50 files ({lines} lines, {compilation.Maps.Count} maps): first (cold, includes stdlib schema load and JIT) {first.Elapsed.TotalMilliseconds:F0} ms; " +
            $"warm median {times[times.Count / 2]:F1} ms, max {times[^1]:F1} ms over {times.Count} runs");
    }
}
