using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Connectors.M3;

/// <summary>
/// The M3 poll source <c>invoices.issued</c>: customer-order invoices (OIS350) issued since the watermark, one item per invoice, read
/// only through MI transactions. Parameters (both optional): <c>ORTP</c> — only invoices of orders of that order type; <c>DIVI</c> — the
/// division whose invoices are listed (else the user's). Any other parameter is refused (a misspelt filter would select everything).
/// <para>
/// A poll lists the invoice heads of each year from the watermark's year to this one (OIS350MI.LstInvHead YEA4, paged by IVNO,
/// <see cref="PageSize"/> a page by default) and keeps those whose invoice date IDAT is on or after the watermark's date (and, when M3
/// gives the entry date and time RGDT RGTM, entered at or after its time, to the minute). For each new one: OIS350MI.GetInvHead,
/// OIS350MI.LstInvLine (the order ORNO of its first line that names one: an invoice without is no customer-order invoice and is
/// skipped) and OIS100MI.GetHead of that order (ORTP, CUOR), each order read once a poll. An invoice M3 refuses to read is logged and
/// looked at again next poll, without holding up the others.
/// </para>
/// <para>
/// The item: the LstInvHead fields overlaid with every GetInvHead field as M3 answers them (strings: IDAT, DUDT, CUNO, PYNO, CUCD, AMT1,
/// AMT2, IVTP, EXIN…), plus <c>YEA4</c>, <c>IVNO</c>, <c>invoice</c> (<c>YEA4-IVNO</c>, the key flows use), <c>ORNO</c>, <c>ORTP</c>
/// and <c>CUOR</c> of the order, and <c>lines</c> (every LstInvLine row, with the invoice's YEA4 and IVNO).
/// </para>
/// <para>
/// The watermark (<see cref="DatedWatermark"/>) moves to 00:00 of the newest invoice date seen, held back by an invoice M3 refused
/// to read; within the date, the invoices already returned are remembered, and each year's list is resumed from the first invoice
/// number still on or after that date (in memory: invoice numbers grow with time; a restart reads the year from its start once). Once
/// a poll holds <see cref="MaxItems"/> invoices it reads no further and says More without moving the watermark.
/// </para>
/// </summary>
public sealed class IssuedInvoices(M3Client client, ILogger logger, int pageSize = IssuedInvoices.PageSize, int maxItems = IssuedInvoices.MaxItems)
{
    public const string Operation = "invoices.issued";
    public const int PageSize = 100;
    public const int MaxItems = 500;

    /// <summary>Per flow lineage: the invoices (YEA4-IVNO → invoice date) returned, and per year the IVNO to list from.</summary>
    private readonly DatedWatermark _watermarks = new(Operation);

    public async Task<PollBatch> PollAsync(string watermark, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        var given = M3Pages.Parameters(Operation, parameters, "ORTP", "DIVI");
        var (ortp, divi) = (given.GetValueOrDefault("ORTP"), given.GetValueOrDefault("DIVI"));
        var (from, id, lineage) = _watermarks.Open(watermark);
        var day = DatedWatermark.Date(from);
        var cutoff = from.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var reads = new OrderReads(client, ct);
        var items = new List<JsonNode>();
        var listed = new List<(string Year, long Ivno, string Date)>();
        string? newest = null, oldestPending = null;
        var more = false;
        for (var year = from.Year; year <= Math.Max(from.Year, DateTime.UtcNow.AddDays(1).Year) && !more; year++)
        {
            var yea4 = year.ToString(CultureInfo.InvariantCulture);
            var list = new Dictionary<string, string> { ["YEA4"] = yea4 };
            if (divi is not null) list["DIVI"] = divi;
            await foreach (var row in M3Pages.ListAsync(client, "OIS350MI", "LstInvHead", list, "IVNO", lineage.Starts.GetValueOrDefault(yea4), pageSize, ct)
                               .ConfigureAwait(false))
            {
                var ivno = row.GetValueOrDefault("IVNO", "");
                var date = row.GetValueOrDefault("IDAT", "") is { Length: 8 } idat ? idat : row.GetValueOrDefault("IVDT", "");
                if (!long.TryParse(ivno, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || date.Length != 8) continue;
                listed.Add((yea4, number, date));
                if (string.CompareOrdinal(date, day) < 0 || Entered(row) is { } entered && string.CompareOrdinal(entered, cutoff) < 0) continue;
                var key = yea4 + "-" + ivno;
                if (!lineage.Returned.ContainsKey(key))
                {
                    if (items.Count >= maxItems)
                    {
                        more = true;
                        break;
                    }
                    try
                    {
                        if (await ComposeAsync(row, yea4, divi, reads, ortp, ct).ConfigureAwait(false) is { } item) items.Add(item);
                        lineage.Returned[key] = date;
                    }
                    catch (PermanentCallException e)
                    {
                        logger.LogWarning("M3 {Operation}: invoice {Invoice} skipped for now: {Message}", Operation, key, e.Message);
                        oldestPending = DatedWatermark.Min(oldestPending, date);
                        continue;
                    }
                }
                newest = DatedWatermark.Max(newest, date);
            }
        }
        var next = DatedWatermark.NextDay(from, newest, oldestPending, more);
        foreach (var year in listed.Select(l => l.Year).Distinct())
        {
            var inYear = listed.Where(l => l.Year == year).ToList();
            var first = inYear.Where(l => string.CompareOrdinal(l.Date, next) >= 0).Select(l => (long?)l.Ivno).Min() ?? inYear.Max(l => l.Ivno) + 1;
            lineage.Starts[year] = first.ToString(CultureInfo.InvariantCulture);
        }
        return new PollBatch(items, DatedWatermark.Next(from, id, lineage, newest, oldestPending, more), more);
    }

    /// <summary>RGDT + RGTM (HHmm) when M3 gives the entry date and time, else null.</summary>
    private static string? Entered(IReadOnlyDictionary<string, string> row) =>
        row.GetValueOrDefault("RGDT", "") is { Length: 8 } rgdt && row.GetValueOrDefault("RGTM", "") is { Length: > 0 } rgtm
            ? rgdt + rgtm.PadLeft(6, '0')[..4]
            : null;

    /// <summary>One invoice as a flow sees it, or null when it is no customer-order invoice or its order is not of the wanted type.</summary>
    private async Task<JsonObject?> ComposeAsync(IReadOnlyDictionary<string, string> row, string yea4, string? divi, OrderReads reads, string? ortp, CancellationToken ct)
    {
        var ivno = row.GetValueOrDefault("IVNO", "");
        var key = new Dictionary<string, string> { ["YEA4"] = yea4, ["IVNO"] = ivno };
        if (divi is not null) key["DIVI"] = divi;
        var lines = (await client.ExecuteAsync("OIS350MI", "LstInvLine", key, false, 0, ct).ConfigureAwait(false)).Rows;
        if (lines.Select(l => l.GetValueOrDefault("ORNO", "")).FirstOrDefault(n => n.Length > 0) is not { } orno) return null;
        var order = await reads.HeadAsync(orno).ConfigureAwait(false);
        if (ortp is not null && order.GetValueOrDefault("ORTP", "") != ortp) return null;
        var head = (await client.ExecuteAsync("OIS350MI", "GetInvHead", key, false, null, ct).ConfigureAwait(false)).Rows[0];
        var item = M3Connector.ToJson(row);
        foreach (var (field, value) in head) item[field] = value;
        item["YEA4"] = yea4;
        item["IVNO"] = ivno;
        item["invoice"] = yea4 + "-" + ivno;
        item["ORNO"] = orno;
        item["ORTP"] = order.GetValueOrDefault("ORTP", "");
        item["CUOR"] = order.GetValueOrDefault("CUOR", "");
        item["lines"] = new JsonArray(lines.Select(l =>
        {
            var line = M3Connector.ToJson(l);
            (line["YEA4"], line["IVNO"]) = (yea4, ivno);
            return (JsonNode)line;
        }).ToArray());
        return item;
    }
}
