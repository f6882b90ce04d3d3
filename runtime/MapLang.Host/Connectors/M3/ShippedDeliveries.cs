using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Connectors.M3;

/// <summary>
/// The M3 poll source <c>deliveries.shipped</c>: customer-order deliveries (MWS410) that left the warehouse, one item per delivery,
/// read only through MI transactions. Parameters (both optional): <c>ORTP</c> — only deliveries of orders of that order type;
/// <c>WHLO</c> — only deliveries from that warehouse. Any other parameter is refused (a misspelt filter would select everything).
/// <para>
/// A poll lists the shipments departing from the watermark's date on (DRS100MI.LstShipment 1DDT, paged by CONN, <see cref="PageSize"/>
/// a page by default). A shipment whose lowest status CSTL is below 60 is not shipped yet and is left for a later poll. For each other shipment:
/// DRS100MI.LstByDelivery → per DLIX MWS410MI.GetHead (a delivery below PGRS 60 is skipped and its shipment looked at again next
/// poll), OIS100MI.GetHead of the order (RIDN: ORTP, CUOR), MWS411MI.LstDelLnByOrd (the lines of this DLIX) and OIS100MI.LstLine
/// (CUPO by PONR/POSX), each order read once a poll. A delivery M3 refuses to read is logged and skipped (its shipment is looked at
/// again next poll) rather than failing the whole poll.
/// </para>
/// <para>
/// The item: every MWS410MI.GetHead field as M3 answers it (strings: DLIX, CONN, RIDN, CUOR, PGRS, ETRN, MODL, TEDL, WHLO, TRDT,
/// DTDT, DTHM, DSDT, DSHM, GRW2, CONA…), plus <c>ORTP</c> and <c>CUOR</c> of the order head, <c>lines</c> (each MWS411 delivery line's
/// fields + <c>CUPO</c>, the store's line id), and <c>packages</c>: <c>[{ "PANR": "", "ETRN": head ETRN, "MODL": head MODL }]</c> when
/// ETRN is not blank, else <c>[]</c>. Flows key it by DLIX.
/// </para>
/// <para>
/// The watermark is <c>yyyy-MM-ddTHH:mm:ss.fffffffZ|lineage</c>: an ISO 8601 UTC time, then an id this source gives each flow's
/// watermark on its first poll (the host's first watermark is the bare time). Shipments departing (DSDT DSHM, compared as UTC to the
/// minute) before that time are not returned. The time moves to 00:00 of the newest departure date of a shipped shipment seen — never
/// further, and not past the date of a shipment still in progress (unless that date is more than <see cref="PendingDays"/> days older),
/// so a restart re-reads at most that day (repeats are duplicates by DLIX). Within the date, the shipments already returned under a
/// lineage are kept in memory and not fetched again (lost on restart: fine). Once a poll holds <see cref="MaxItems"/> deliveries (by
/// default) it reads no further shipment and says More without moving the watermark.
/// </para>
/// </summary>
public sealed class ShippedDeliveries(M3Client client, ILogger logger, int pageSize = ShippedDeliveries.PageSize, int maxItems = ShippedDeliveries.MaxItems)
{
    public const string Operation = "deliveries.shipped";
    public const int PageSize = 100;
    public const int MaxItems = 500;
    public const int PendingDays = 7;
    private static readonly string[] Parameters = ["ORTP", "WHLO"];
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(2);

    private readonly ConcurrentDictionary<string, Lineage> _lineages = new(StringComparer.Ordinal);

    /// <summary>The shipments (CONN → departure date yyyyMMdd) one flow's polls returned in full, and when that flow last polled.</summary>
    private sealed class Lineage
    {
        public Dictionary<string, string> Returned { get; } = new(StringComparer.Ordinal);
        public DateTimeOffset LastPoll { get; set; }
    }

    public async Task<PollBatch> PollAsync(string watermark, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        foreach (var name in parameters.Keys.Where(k => !Parameters.Contains(k, StringComparer.Ordinal)))
            throw new PermanentCallException($"M3 {Operation}: unknown parameter '{name}' (ORTP, WHLO).");
        var ortp = parameters.GetValueOrDefault("ORTP")?.Trim() is { Length: > 0 } o ? o : null;
        var whlo = parameters.GetValueOrDefault("WHLO")?.Trim() is { Length: > 0 } w ? w : null;
        var (from, id) = ParseWatermark(watermark);
        var day = Date(from);
        var cutoff = from.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var lineage = Remember(id);
        var reads = new OrderReads(client, ct);
        var items = new List<JsonNode>();
        string? newest = null, oldestPending = null;
        var more = false;
        await foreach (var shipment in ShipmentsAsync(day, ct).ConfigureAwait(false))
        {
            var conn = shipment.GetValueOrDefault("CONN", "");
            var departed = shipment.GetValueOrDefault("DSDT", "");
            if (departed.Length != 8 || string.CompareOrdinal(departed + shipment.GetValueOrDefault("DSHM", "").PadLeft(4, '0'), cutoff) < 0) continue;
            if (lineage.Returned.ContainsKey(conn))
            {
                newest = Max(newest, departed);
                continue;
            }
            if (whlo is not null && shipment.GetValueOrDefault("WHLO", "") is { Length: > 0 } sw && sw != whlo)
            {
                lineage.Returned[conn] = departed;
                newest = Max(newest, departed);
                continue;
            }
            if (shipment.GetValueOrDefault("CSTL", "") is { Length: > 0 } lowest && string.CompareOrdinal(lowest, "60") < 0)
            {
                oldestPending = Min(oldestPending, departed);
                continue;
            }
            if (items.Count >= maxItems)
            {
                more = true;
                break;
            }
            var complete = await DeliveriesAsync(conn, whlo, ortp, reads, items, ct).ConfigureAwait(false);
            if (complete)
            {
                lineage.Returned[conn] = departed;
                newest = Max(newest, departed);
            }
            else oldestPending = Min(oldestPending, departed);
        }
        var next = more ? day : NextDate(day, newest, oldestPending);
        foreach (var old in lineage.Returned.Where(r => string.CompareOrdinal(r.Value, next) < 0).Select(r => r.Key).ToList()) lineage.Returned.Remove(old);
        var nextFrom = next == day ? from : DateTime.ParseExact(next, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return new PollBatch(items, nextFrom.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "|" + id, more);
    }

    /// <summary>
    /// Adds the shipment's shipped deliveries (of the warehouse and order type) to the items; false when one has not left yet or M3
    /// refused to read it — the shipment is looked at again next poll. A refusal is logged and does not stop the other deliveries.
    /// </summary>
    private async Task<bool> DeliveriesAsync(string conn, string? whlo, string? ortp, OrderReads reads, List<JsonNode> items, CancellationToken ct)
    {
        var complete = true;
        var deliveries = await client.ExecuteAsync("DRS100MI", "LstByDelivery", new Dictionary<string, string> { ["CONN"] = conn }, false, 0, ct).ConfigureAwait(false);
        foreach (var dlix in deliveries.Rows.Select(r => r.GetValueOrDefault("DLIX", "")).Where(d => d.Length > 0).Distinct())
        {
            try
            {
                var head = (await client.ExecuteAsync("MWS410MI", "GetHead", new Dictionary<string, string> { ["DLIX"] = dlix }, false, null, ct).ConfigureAwait(false)).Rows[0];
                if (string.CompareOrdinal(head.GetValueOrDefault("PGRS", ""), "60") < 0)
                {
                    complete = false;
                    continue;
                }
                if (whlo is not null && head.GetValueOrDefault("WHLO", "") != whlo) continue;
                if (head.GetValueOrDefault("RORC", "3") is not ("3" or "")) continue;
                if (await ComposeAsync(head, reads, ortp).ConfigureAwait(false) is { } item) items.Add(item);
            }
            catch (PermanentCallException e)
            {
                logger.LogWarning("M3 {Operation}: delivery {Dlix} of shipment {Conn} skipped for now: {Message}", Operation, dlix, conn, e.Message);
                complete = false;
            }
        }
        return complete;
    }

    /// <summary>One delivery as a flow sees it, or null when its order is not of the wanted order type.</summary>
    private static async Task<JsonObject?> ComposeAsync(IReadOnlyDictionary<string, string> head, OrderReads reads, string? ortp)
    {
        var orno = head.GetValueOrDefault("RIDN", "");
        var order = await reads.HeadAsync(orno).ConfigureAwait(false);
        if (ortp is not null && order.GetValueOrDefault("ORTP", "") != ortp) return null;
        var item = M3Connector.ToJson(head);
        item["ORTP"] = order.GetValueOrDefault("ORTP", "");
        if (order.GetValueOrDefault("CUOR", "") is { Length: > 0 } cuor) item["CUOR"] = cuor;
        var cupo = await reads.CustomerLineNumbersAsync(orno).ConfigureAwait(false);
        var dlix = head.GetValueOrDefault("DLIX", "");
        item["lines"] = new JsonArray((await reads.DeliveryLinesAsync(orno).ConfigureAwait(false)).Where(l => l.GetValueOrDefault("DLIX", "") == dlix)
            .Select(l =>
            {
                var line = M3Connector.ToJson(l);
                line["CUPO"] = cupo.GetValueOrDefault(LineKey(l.GetValueOrDefault("RIDL", ""), l.GetValueOrDefault("RIDX", "")), "");
                return (JsonNode)line;
            }).ToArray());
        var etrn = head.GetValueOrDefault("ETRN", "");
        item["packages"] = etrn.Length == 0
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["PANR"] = "", ["ETRN"] = etrn, ["MODL"] = head.GetValueOrDefault("MODL", "") });
        return item;
    }

    /// <summary>DRS100MI.LstShipment from the date on, a page (maxrecs) at a time, the next page from the last CONN + 1.</summary>
    private async IAsyncEnumerable<IReadOnlyDictionary<string, string>> ShipmentsAsync(string from, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var start = "";
        while (true)
        {
            var fields = new Dictionary<string, string> { ["1DDT"] = from };
            if (start.Length > 0) fields["CONN"] = start;
            var page = await client.ExecuteAsync("DRS100MI", "LstShipment", fields, false, pageSize, ct).ConfigureAwait(false);
            foreach (var row in page.Rows) yield return row;
            if (page.Count < pageSize || !long.TryParse(page.Rows[^1].GetValueOrDefault("CONN", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var last)) yield break;
            start = (last + 1).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The newest shipped date, held back by an older shipment still in progress (unless older than <see cref="PendingDays"/>).</summary>
    private static string NextDate(string day, string? newest, string? oldestPending)
    {
        if (newest is null) return day;
        var next = newest;
        var holdsUntil = Date(DateTime.ParseExact(newest, "yyyyMMdd", CultureInfo.InvariantCulture).AddDays(-PendingDays));
        if (oldestPending is not null && string.CompareOrdinal(oldestPending, next) < 0 && string.CompareOrdinal(oldestPending, holdsUntil) >= 0) next = oldestPending;
        return string.CompareOrdinal(next, day) > 0 ? next : day;
    }

    private static (DateTime From, string Lineage) ParseWatermark(string watermark)
    {
        var bar = watermark.IndexOf('|', StringComparison.Ordinal);
        var time = bar < 0 ? watermark : watermark[..bar];
        if (!DateTime.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var from))
            throw new PermanentCallException($"M3 {Operation}: '{watermark}' is not a watermark (an ISO 8601 UTC time, then '|' and a lineage id).");
        return (from, bar < 0 || bar == watermark.Length - 1 ? Guid.NewGuid().ToString("N")[..12] : watermark[(bar + 1)..]);
    }

    private Lineage Remember(string id)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var stale in _lineages.Where(l => now - l.Value.LastPoll > ForgetAfter).Select(l => l.Key).ToList()) _lineages.TryRemove(stale, out _);
        var lineage = _lineages.GetOrAdd(id, _ => new Lineage());
        lineage.LastPoll = now;
        return lineage;
    }

    private static string Date(DateTime t) => t.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    private static string Max(string? a, string b) => a is null || string.CompareOrdinal(b, a) > 0 ? b : a;
    private static string Min(string? a, string b) => a is null || string.CompareOrdinal(b, a) < 0 ? b : a;
    private static string LineKey(string ponr, string posx) => ponr + "/" + (posx.Length == 0 ? "0" : posx);

    /// <summary>What one poll reads of each customer order, read once: the head, the delivery lines, the CUPO of each order line.</summary>
    private sealed class OrderReads(M3Client client, CancellationToken ct)
    {
        private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _heads = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> _deliveryLines = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, string>> _cupo = new(StringComparer.Ordinal);

        public async Task<IReadOnlyDictionary<string, string>> HeadAsync(string orno)
        {
            if (!_heads.TryGetValue(orno, out var head))
                _heads[orno] = head = (await client.ExecuteAsync("OIS100MI", "GetHead", new Dictionary<string, string> { ["ORNO"] = orno }, false, null, ct).ConfigureAwait(false)).Rows[0];
            return head;
        }

        public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> DeliveryLinesAsync(string orno)
        {
            if (!_deliveryLines.TryGetValue(orno, out var lines))
                _deliveryLines[orno] = lines = (await client.ExecuteAsync("MWS411MI", "LstDelLnByOrd",
                    new Dictionary<string, string> { ["RORC"] = "3", ["RIDN"] = orno }, false, 0, ct).ConfigureAwait(false)).Rows;
            return lines;
        }

        public async Task<Dictionary<string, string>> CustomerLineNumbersAsync(string orno)
        {
            if (!_cupo.TryGetValue(orno, out var cupo))
                _cupo[orno] = cupo = (await client.ExecuteAsync("OIS100MI", "LstLine", new Dictionary<string, string> { ["ORNO"] = orno }, false, 0, ct).ConfigureAwait(false))
                    .Rows.GroupBy(l => LineKey(l.GetValueOrDefault("PONR", ""), l.GetValueOrDefault("POSX", "")), StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.First().GetValueOrDefault("CUPO", ""), StringComparer.Ordinal);
            return cupo;
        }
    }
}
