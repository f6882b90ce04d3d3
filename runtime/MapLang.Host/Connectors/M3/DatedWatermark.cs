using System.Collections.Concurrent;
using System.Globalization;

namespace MapLang.Host.Connectors.M3;

/// <summary>
/// The watermark of an M3 poll source that reads by date (<see cref="ShippedDeliveries"/>, <see cref="IssuedInvoices"/>):
/// <c>yyyy-MM-ddTHH:mm:ss.fffffffZ|lineage</c>, an ISO 8601 UTC time, then an id the source gives each flow's watermark on its first
/// poll (the host's first watermark is the bare time). The time only ever moves to 00:00 of a date the source saw; within that date,
/// the things already returned under a lineage are kept in memory (lost on restart: the repeats are duplicates by the flow's key).
/// </summary>
internal sealed class DatedWatermark(string operation)
{
    public const int PendingDays = 7;
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(2);

    private readonly ConcurrentDictionary<string, Lineage> _lineages = new(StringComparer.Ordinal);

    /// <summary>What one flow's polls returned in full (key → date yyyyMMdd), and when that flow last polled.</summary>
    public sealed class Lineage
    {
        public Dictionary<string, string> Returned { get; } = new(StringComparer.Ordinal);

        /// <summary>Where a source may resume a list it reads each poll (e.g. the first IVNO of a year still of interest).</summary>
        public Dictionary<string, string> Starts { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// Where a source reads a record's date only by reading the record: what it read, whatever its date (key → date/fingerprint of
        /// the list row it was read under), not read again while its list row stays the same.
        /// </summary>
        public Dictionary<string, string> Read { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset LastPoll { get; set; }
    }

    /// <summary>The watermark's time and the lineage remembered under its id (a new id when it has none).</summary>
    public (DateTime From, string Id, Lineage Lineage) Open(string watermark)
    {
        var bar = watermark.IndexOf('|', StringComparison.Ordinal);
        var time = bar < 0 ? watermark : watermark[..bar];
        if (!DateTime.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var from))
            throw new PermanentCallException($"M3 {operation}: '{watermark}' is not a watermark (an ISO 8601 UTC time, then '|' and a lineage id).");
        var id = bar < 0 || bar == watermark.Length - 1 ? Guid.NewGuid().ToString("N")[..12] : watermark[(bar + 1)..];
        var now = DateTimeOffset.UtcNow;
        foreach (var stale in _lineages.Where(l => now - l.Value.LastPoll > ForgetAfter).Select(l => l.Key).ToList()) _lineages.TryRemove(stale, out _);
        var lineage = _lineages.GetOrAdd(id, _ => new Lineage());
        lineage.LastPoll = now;
        return (from, id, lineage);
    }

    /// <summary>
    /// The next watermark: the newest date seen, held back by an older one still pending (unless older than <see cref="PendingDays"/>),
    /// never before the poll's own date (then the time stays); the lineage forgets what lies before it.
    /// </summary>
    public static string Next(DateTime from, string id, Lineage lineage, string? newest, string? oldestPending, bool more)
    {
        var day = Date(from);
        var next = NextDay(from, newest, oldestPending, more);
        foreach (var old in lineage.Returned.Where(r => string.CompareOrdinal(r.Value, next) < 0).Select(r => r.Key).ToList()) lineage.Returned.Remove(old);
        var nextFrom = next == day ? from : DateTime.ParseExact(next, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return nextFrom.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "|" + id;
    }

    /// <summary>The date (yyyyMMdd) the next watermark starts at: see <see cref="Next"/>.</summary>
    public static string NextDay(DateTime from, string? newest, string? oldestPending, bool more)
    {
        var day = Date(from);
        if (more || newest is null) return day;
        var next = newest;
        var holdsUntil = Date(DateTime.ParseExact(newest, "yyyyMMdd", CultureInfo.InvariantCulture).AddDays(-PendingDays));
        if (oldestPending is not null && string.CompareOrdinal(oldestPending, next) < 0 && string.CompareOrdinal(oldestPending, holdsUntil) >= 0) next = oldestPending;
        return string.CompareOrdinal(next, day) > 0 ? next : day;
    }

    public static string Date(DateTime t) => t.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    public static string Max(string? a, string b) => a is null || string.CompareOrdinal(b, a) > 0 ? b : a;
    public static string Min(string? a, string b) => a is null || string.CompareOrdinal(b, a) < 0 ? b : a;
}
