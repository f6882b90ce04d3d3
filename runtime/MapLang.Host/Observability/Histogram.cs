namespace MapLang.Host.Observability;

/// <summary>A Prometheus histogram in seconds with fixed buckets; lock-free updates.</summary>
public sealed class Histogram
{
    public static readonly double[] DefaultBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
    private readonly double[] _bounds;
    private readonly long[] _counts;
    private long _count;
    private long _sumMicros;

    public Histogram(double[]? bounds = null)
    {
        _bounds = bounds ?? DefaultBuckets;
        _counts = new long[_bounds.Length];
    }

    public void Observe(TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds;
        for (var i = 0; i < _bounds.Length; i++)
            if (seconds <= _bounds[i]) Interlocked.Increment(ref _counts[i]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumMicros, (long)(elapsed.TotalMilliseconds * 1000));
    }

    public void Write(TextWriter w, string name, string labels)
    {
        var sep = labels.Length > 0 ? "," : "";
        for (var i = 0; i < _bounds.Length; i++)
            w.Write($"{name}_bucket{{{labels}{sep}le=\"{_bounds[i].ToString(System.Globalization.CultureInfo.InvariantCulture)}\"}} {Volatile.Read(ref _counts[i])}\n");
        var count = Volatile.Read(ref _count);
        w.Write($"{name}_bucket{{{labels}{sep}le=\"+Inf\"}} {count}\n");
        var braces = labels.Length > 0 ? $"{{{labels}}}" : "";
        w.Write($"{name}_sum{braces} {(Volatile.Read(ref _sumMicros) / 1e6).ToString(System.Globalization.CultureInfo.InvariantCulture)}\n");
        w.Write($"{name}_count{braces} {count}\n");
    }
}
