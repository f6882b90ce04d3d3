using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Connectors.M3;

/// <summary>
/// The M3 poll source <c>customers.changed</c>: customers (CRS610) changed since the watermark, one per customer version, read only
/// through MI transactions. Parameters (all optional): <c>CUTP</c> customer type, <c>STAT</c> status — only customers with that
/// value. Any other parameter is refused (a misspelt filter would select everything). Customers without an e-mail (MAIL) are left out:
/// a store account needs one.
/// <para>
/// A poll lists every customer (CRS610MI.LstByNumber from CUNO "!", <see cref="PageSize"/> a page, the next page from the last CUNO,
/// its repeated row dropped). LstByNumber does not answer the change date LMDT, so each customer of the filters with a MAIL is read
/// with CRS610MI.GetBasicData — once: a customer is read again only when its list row changed (or after a restart). Those whose LMDT is
/// on or after the watermark's date and whose version was not yet returned are returned. A customer M3 refuses to read is logged, read
/// again next poll and holds the watermark where it is (its change date is unknown), without holding up the others.
/// </para>
/// <para>
/// The customer: every GetBasicData field as M3 answers it (strings: CUNO, CUNM, CUA1…CUA4, PONO, TOWN, CSCD, PHNO, MAIL, CUTP, STAT,
/// LMDT…) plus <c>VERSION</c>: <c>CUNO/LMDT/fingerprint</c> (<see cref="M3Pages.Versioned"/>). Flows key it by VERSION: a customer
/// changed again runs again, an unchanged one read again is a duplicate. Customers the host created from store orders come back too:
/// the store side finds its account by e-mail.
/// </para>
/// <para>
/// The watermark (<see cref="DatedWatermark"/>) moves to 00:00 of the newest change date seen; within that date the versions already
/// returned are remembered. The first watermark's date counts whole. Once a poll has read <see cref="MaxReads"/> customers with
/// GetBasicData it reads no further and says More without moving the watermark (a lineage's first poll reads every customer).
/// A change only to fields LstByNumber does not answer (GEOC, TXID, …) is not seen until the customer's list row changes or the host
/// restarts.
/// </para>
/// </summary>
public sealed class ChangedCustomers(M3Client client, ILogger logger, int pageSize = ChangedCustomers.PageSize, int maxReads = ChangedCustomers.MaxReads)
{
    public const string Operation = "customers.changed";
    public const int PageSize = 100;
    public const int MaxReads = 500;

    /// <summary>Per flow lineage: the versions returned (VERSION → LMDT) and the customers read (CUNO → LMDT/list row fingerprint).</summary>
    private readonly DatedWatermark _watermarks = new(Operation);

    public async Task<PollBatch> PollAsync(string watermark, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        var filters = M3Pages.Parameters(Operation, parameters, "CUTP", "STAT");
        var (from, id, lineage) = _watermarks.Open(watermark);
        var day = DatedWatermark.Date(from);
        var customers = new List<JsonNode>();
        string? newest = null, oldestPending = null;
        var reads = 0;
        var more = false;
        await foreach (var row in M3Pages.ListByTextAsync(client, "CRS610MI", "LstByNumber", "CUNO", pageSize, ct).ConfigureAwait(false))
        {
            if (filters.Any(f => row.GetValueOrDefault(f.Key, "").Trim() != f.Value)) continue;
            if (row.GetValueOrDefault("MAIL", "").Trim().Length == 0) continue;
            var cuno = row["CUNO"];
            var listed = M3Pages.Fingerprint(row);
            string changed;
            if (lineage.Read.TryGetValue(cuno, out var known) && known[(known.IndexOf('/', StringComparison.Ordinal) + 1)..] == listed)
            {
                changed = known[..known.IndexOf('/', StringComparison.Ordinal)];
            }
            else
            {
                if (reads >= maxReads)
                {
                    more = true;
                    break;
                }
                reads++;
                IReadOnlyDictionary<string, string> basic;
                try
                {
                    var reply = await client.ExecuteAsync("CRS610MI", "GetBasicData", new Dictionary<string, string> { ["CUNO"] = cuno }, false, null, ct).ConfigureAwait(false);
                    if (reply.Count == 0) continue;
                    basic = reply.Rows[0];
                }
                catch (PermanentCallException e)
                {
                    logger.LogWarning("M3 {Operation}: customer {Cuno} skipped for now: {Message}", Operation, cuno, e.Message);
                    oldestPending = day;
                    continue;
                }
                changed = basic.GetValueOrDefault("LMDT", "");
                lineage.Read[cuno] = changed + "/" + listed;
                if (changed.Length == 8 && string.CompareOrdinal(changed, day) >= 0 && basic.GetValueOrDefault("MAIL", "").Trim().Length > 0)
                {
                    var customer = M3Pages.Versioned(basic, "CUNO");
                    if (lineage.Returned.TryAdd(customer["VERSION"]!.GetValue<string>(), changed)) customers.Add(customer);
                }
            }
            if (changed.Length == 8 && string.CompareOrdinal(changed, day) >= 0) newest = DatedWatermark.Max(newest, changed);
        }
        return new PollBatch(customers, DatedWatermark.Next(from, id, lineage, newest, oldestPending, more), more);
    }
}
