using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Connectors.M3;

/// <summary>
/// The M3 poll source <c>items.changed</c>: items of the item master (MMS200) changed since the watermark, one item per item version,
/// read only through MI transactions. Parameters (all optional): <c>ITGR</c> item group, <c>STAT</c> status, <c>ITTY</c> item type —
/// only items with that value. Any other parameter is refused (a misspelt filter would select everything).
/// <para>
/// A poll lists the whole item master (MMS200MI.LstItmByItm from ITNO "!", <see cref="PageSize"/> a page by default: the next
/// page starts at the last ITNO, whose repeated row is dropped) and keeps the items of the filters whose change date LMDT is on or
/// after the watermark's date. For each one not yet returned in that version, MMS200MI.GetItmBasic. An item M3 refuses to read is
/// logged and looked at again next poll, without holding up the others.
/// </para>
/// <para>
/// The item: every GetItmBasic field as M3 answers it (strings: ITNO, ITDS, FUDS, STAT, ITTY, ITGR, UNMS, NEWE, GRWE, LMDT…) plus
/// <c>VERSION</c>: <c>ITNO/LMDT/fingerprint</c>, the fingerprint being 12 hex digits of SHA-256 over the GetItmBasic fields. M3 keeps a
/// change number (CHNO) on the item but no MMS200MI transaction answers it, and LMDT is a date: two changes on one day are told apart by
/// what changed. Flows key it by VERSION: an item changed again runs again, an unchanged one read again is a duplicate.
/// </para>
/// <para>
/// The watermark (<see cref="DatedWatermark"/>) moves to 00:00 of the newest change date seen (held back by an item M3 refused to
/// read); within that date the item versions already returned are remembered (a list row read again unchanged is not read with
/// GetItmBasic again). The first watermark's date counts whole: items changed earlier that day are returned. Once a poll holds
/// <see cref="MaxItems"/> items it reads no further and says More without moving the watermark.
/// </para>
/// </summary>
public sealed class ChangedItems(M3Client client, ILogger logger, int pageSize = ChangedItems.PageSize, int maxItems = ChangedItems.MaxItems)
{
    public const string Operation = "items.changed";
    public const int PageSize = 100;
    public const int MaxItems = 500;

    /// <summary>Per flow lineage: the item list rows (ITNO/fingerprint of the row → LMDT) whose items were returned.</summary>
    private readonly DatedWatermark _watermarks = new(Operation);

    public async Task<PollBatch> PollAsync(string watermark, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        var filters = M3Pages.Parameters(Operation, parameters, "ITGR", "STAT", "ITTY");
        var (from, id, lineage) = _watermarks.Open(watermark);
        var day = DatedWatermark.Date(from);
        var items = new List<JsonNode>();
        string? newest = null, oldestPending = null;
        var more = false;
        await foreach (var row in M3Pages.ListByTextAsync(client, "MMS200MI", "LstItmByItm", "ITNO", pageSize, ct).ConfigureAwait(false))
        {
            var changed = row.GetValueOrDefault("LMDT", "");
            if (changed.Length != 8 || string.CompareOrdinal(changed, day) < 0) continue;
            if (filters.Any(f => row.GetValueOrDefault(f.Key, "") != f.Value)) continue;
            var seen = row.GetValueOrDefault("ITNO", "") + "/" + M3Pages.Fingerprint(row);
            if (!lineage.Returned.ContainsKey(seen))
            {
                if (items.Count >= maxItems)
                {
                    more = true;
                    break;
                }
                try
                {
                    var basic = await client.ExecuteAsync("MMS200MI", "GetItmBasic", new Dictionary<string, string> { ["ITNO"] = row["ITNO"] }, false, null, ct)
                        .ConfigureAwait(false);
                    if (basic.Count > 0) items.Add(M3Pages.Versioned(basic.Rows[0], "ITNO"));
                    lineage.Returned[seen] = changed;
                }
                catch (PermanentCallException e)
                {
                    logger.LogWarning("M3 {Operation}: item {Itno} skipped for now: {Message}", Operation, row["ITNO"], e.Message);
                    oldestPending = DatedWatermark.Min(oldestPending, changed);
                    continue;
                }
            }
            newest = DatedWatermark.Max(newest, changed);
        }
        return new PollBatch(items, DatedWatermark.Next(from, id, lineage, newest, oldestPending, more), more);
    }
}
