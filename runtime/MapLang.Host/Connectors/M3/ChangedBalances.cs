using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Connectors.M3;

/// <summary>
/// The M3 poll source <c>balances.changed</c>: the item/warehouse balances of one warehouse whose allocatable quantity (AVAL) differs
/// from what this flow's polls returned last, read only through MI transactions. Parameters: <c>WHLO</c> (required: the warehouse a
/// store sells from) and <c>ITGR</c> (optional: only items of that item group). Any other parameter is refused.
/// <para>
/// A poll lists the item master (MMS200MI.LstItmByItm, <see cref="PageSize"/> a page), keeps the items of the ITGR filter and reads
/// MMS200MI.GetItmWhsBal of each in WHLO (M3 has no list transaction of item/warehouse balances with AVAL: MMS200MI.LstItmWhsByWhs
/// answers no quantity, LstSumWhsBal needs an alias, MMS060MI.LstBalID lists balance identities per location without AVAL). An item M3
/// refuses to read (no balance in the warehouse, item gone) is skipped and logged (once while the refusal stays the same).
/// </para>
/// <para>
/// The record: every GetItmWhsBal field as M3 answers it (strings: CONO, WHLO, ITNO, STQT, ALQT, AVAL…), so the maps whose source is
/// M3.MMS200MI.GetItmWhsBal read it as they read the order flows' balances, plus <c>BALANCE</c>: <c>WHLO/ITNO/AVAL/poll time</c>,
/// the key flows use — every return of a balance runs (AVAL 10, then 9, then 10 again are three runs, the last one not a duplicate of
/// the first).
/// </para>
/// <para>
/// What a poll returned is remembered per watermark lineage (<see cref="DatedWatermark"/>; the time of the watermark does not move)
/// once the host has committed the batch (<see cref="PollBatch.AfterCommitAsync"/>): a batch the host did not take is returned again.
/// The memory is lost on restart: then every balance of the warehouse is returned once, a full resync that is harmless because the
/// stores' stock writes are absolute. Once a poll holds <see cref="MaxBalances"/> balances it reads no further and says More; the next
/// poll reads the balances after the last one returned, then starts over from the first item.
/// </para>
/// </summary>
public sealed class ChangedBalances(M3Client client, ILogger logger, int pageSize = ChangedBalances.PageSize, int maxBalances = ChangedBalances.MaxBalances)
{
    public const string Operation = "balances.changed";
    public const int PageSize = 100;
    public const int MaxBalances = 500;
    public const string Key = "BALANCE";

    private readonly DatedWatermark _watermarks = new(Operation);

    /// <summary>Per lineage: AVAL by WHLO/ITNO as last returned, and the ITNO the next poll resumes after (More).</summary>
    private readonly ConditionalWeakTable<DatedWatermark.Lineage, Memory> _memories = new();

    /// <summary>Items M3 refused to read (WHLO/ITNO → its message): logged again only when the message changes.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _refused = new(StringComparer.Ordinal);

    private sealed class Memory
    {
        public Dictionary<string, string> Returned { get; } = new(StringComparer.Ordinal);
        public string? ResumeAfter { get; set; }
    }

    public async Task<PollBatch> PollAsync(string watermark, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        var filters = M3Pages.Parameters(Operation, parameters, "WHLO", "ITGR");
        if (!filters.TryGetValue("WHLO", out var whlo))
            throw new PermanentCallException($"M3 {Operation}: the parameter WHLO (the warehouse whose balances are polled) is required.");
        var itgr = filters.GetValueOrDefault("ITGR");
        var (from, id, lineage) = _watermarks.Open(watermark);
        var memory = _memories.GetValue(lineage, _ => new Memory());
        var polled = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss.fffffff'Z'", CultureInfo.InvariantCulture);

        var balances = new List<JsonNode>();
        var returned = new Dictionary<string, string>(StringComparer.Ordinal);
        string? resumeAfter;
        lock (memory) resumeAfter = memory.ResumeAfter;
        string? lastItno = null;
        var more = false;
        await foreach (var row in M3Pages.ListByTextAsync(client, "MMS200MI", "LstItmByItm", "ITNO", pageSize, ct).ConfigureAwait(false))
        {
            var itno = row.GetValueOrDefault("ITNO", "");
            if (resumeAfter is not null && string.CompareOrdinal(itno, resumeAfter) <= 0) continue;
            if (itgr is not null && row.GetValueOrDefault("ITGR", "") != itgr) continue;
            var key = whlo + "/" + itno;
            IReadOnlyDictionary<string, string> balance;
            try
            {
                var reply = await client.ExecuteAsync("MMS200MI", "GetItmWhsBal", new Dictionary<string, string> { ["WHLO"] = whlo, ["ITNO"] = itno }, false, null, ct)
                    .ConfigureAwait(false);
                if (reply.Count == 0) continue;
                balance = reply.Rows[0];
                _refused.TryRemove(key, out _);
            }
            catch (PermanentCallException e)
            {
                if (_refused.TryGetValue(key, out var before) && before == e.Message) continue;
                _refused[key] = e.Message;
                logger.LogWarning("M3 {Operation}: the balance of item {Itno} in warehouse {Whlo} is skipped: {Message}", Operation, itno, whlo, e.Message);
                continue;
            }
            var aval = balance.GetValueOrDefault("AVAL", "");
            lock (memory)
                if (memory.Returned.TryGetValue(key, out var last) && last == aval) continue;
            if (balances.Count >= maxBalances)
            {
                more = true;
                break;
            }
            var record = M3Connector.ToJson(balance);
            record[Key] = $"{whlo}/{itno}/{aval}/{polled}";
            balances.Add(record);
            returned[key] = aval;
            lastItno = itno;
        }

        // Remembered only once the host has committed the batch: a batch it did not take comes back next poll.
        Task Remember(CancellationToken _)
        {
            lock (memory)
            {
                foreach (var (key, aval) in returned) memory.Returned[key] = aval;
                memory.ResumeAfter = more ? lastItno : null;
            }
            return Task.CompletedTask;
        }
        return new PollBatch(balances, DatedWatermark.Next(from, id, lineage, null, null, more), more, Remember);
    }
}
