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
    public const int PendingDays = DatedWatermark.PendingDays;

    /// <summary>Per flow lineage: the shipments (CONN → departure date yyyyMMdd) its polls returned in full.</summary>
    private readonly DatedWatermark _watermarks = new(Operation);

    public async Task<PollBatch> PollAsync(string watermark, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        var given = M3Pages.Parameters(Operation, parameters, "ORTP", "WHLO");
        var (ortp, whlo) = (given.GetValueOrDefault("ORTP"), given.GetValueOrDefault("WHLO"));
        var (from, id, lineage) = _watermarks.Open(watermark);
        var day = DatedWatermark.Date(from);
        var cutoff = from.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var reads = new OrderReads(client, ct);
        var items = new List<JsonNode>();
        string? newest = null, oldestPending = null;
        var more = false;
        await foreach (var shipment in M3Pages.ListAsync(client, "DRS100MI", "LstShipment", new Dictionary<string, string> { ["1DDT"] = day }, "CONN", null, pageSize, ct)
                           .ConfigureAwait(false))
        {
            var conn = shipment.GetValueOrDefault("CONN", "");
            var departed = shipment.GetValueOrDefault("DSDT", "");
            if (departed.Length != 8 || string.CompareOrdinal(departed + shipment.GetValueOrDefault("DSHM", "").PadLeft(4, '0'), cutoff) < 0) continue;
            if (lineage.Returned.ContainsKey(conn))
            {
                newest = DatedWatermark.Max(newest, departed);
                continue;
            }
            if (whlo is not null && shipment.GetValueOrDefault("WHLO", "") is { Length: > 0 } sw && sw != whlo)
            {
                lineage.Returned[conn] = departed;
                newest = DatedWatermark.Max(newest, departed);
                continue;
            }
            if (shipment.GetValueOrDefault("CSTL", "") is { Length: > 0 } lowest && string.CompareOrdinal(lowest, "60") < 0)
            {
                oldestPending = DatedWatermark.Min(oldestPending, departed);
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
                newest = DatedWatermark.Max(newest, departed);
            }
            else oldestPending = DatedWatermark.Min(oldestPending, departed);
        }
        return new PollBatch(items, DatedWatermark.Next(from, id, lineage, newest, oldestPending, more), more);
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
                line["CUPO"] = cupo.GetValueOrDefault(OrderReads.LineKey(l.GetValueOrDefault("RIDL", ""), l.GetValueOrDefault("RIDX", "")), "");
                return (JsonNode)line;
            }).ToArray());
        var etrn = head.GetValueOrDefault("ETRN", "");
        item["packages"] = etrn.Length == 0
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["PANR"] = "", ["ETRN"] = etrn, ["MODL"] = head.GetValueOrDefault("MODL", "") });
        return item;
    }
}
