using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Connectors.M3;

/// <summary>
/// Writes one M3.OIS100 record — AddBatchHead, AddBatchAddress per address, AddBatchLine per line, Confirm — so that one store
/// order gives exactly one M3 order. CUOR carries the store order id and CUPO the store line id. Each call is checkpointed
/// as "sent" before it goes out and with its result after; a checkpoint left at "sent" means the outcome is unknown (timeout,
/// 5xx, dropped connection, a crash), and M3 is asked first: LstBatchHead/LstHead by CUOR, LstBatchLine for the CUPO,
/// GetOrderNo after Confirm. Only when M3 has nothing is the call sent again; two matches go to a person.
/// </summary>
public sealed class Ois100Writer(M3Client m3, ILogger logger)
{
    private const string Sent = "sent";
    private const string Done = "done";

    public async Task<JsonObject> WriteAsync(JsonObject record, ICheckpoints checkpoints, CancellationToken ct)
    {
        var cuor = M3Fields.Text(record, "CUOR") ?? throw new PermanentCallException("M3.OIS100: the record has no CUOR (the store order id); without it the order could not be found again.");
        var cuno = M3Fields.Text(record, "CUNO") ?? throw new PermanentCallException("M3.OIS100: the record has no CUNO.");
        var lines = (record["lines"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var addresses = (record["addresses"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        CheckLineIds(cuor, lines);
        var p = $"ois100:{cuor}:";

        if (checkpoints.Get(p + "final") is { } known) return Result(known, checkpoints.Get(p + "orno"), cuor, lines.Count);

        var orno = checkpoints.Get(p + "orno");
        if (orno is null)
        {
            if (checkpoints.Get(p + "head") == Sent)
            {
                var found = await FindOrderAsync(cuno, cuor, ct).ConfigureAwait(false);
                if (found.Final is { } final)
                {
                    logger.LogWarning("M3.OIS100: order for CUOR of run already confirmed in M3; not writing again");
                    await checkpoints.SetAsync(p + "final", final, ct).ConfigureAwait(false);
                    return Result(final, found.Temporary, cuor, lines.Count);
                }
                orno = found.Temporary;
            }
            if (orno is null)
            {
                await checkpoints.SetAsync(p + "head", Sent, ct).ConfigureAwait(false);
                var head = await m3.ExecuteAsync("OIS100MI", "AddBatchHead", M3Fields.From(record, "lines", "addresses"), write: true, null, ct).ConfigureAwait(false);
                orno = head.First("ORNO") ?? throw new PermanentCallException("M3 OIS100MI/AddBatchHead returned no ORNO.");
            }
            await checkpoints.SetAsync(p + "orno", orno, ct).ConfigureAwait(false);
        }

        for (var i = 0; i < addresses.Count; i++)
        {
            var key = $"{p}address:{i}";
            if (checkpoints.Get(key) == Done) continue;
            var fields = M3Fields.From(addresses[i]);
            fields["ORNO"] = orno;
            await checkpoints.SetAsync(key, Sent, ct).ConfigureAwait(false);
            try
            {
                await m3.ExecuteAsync("OIS100MI", "AddBatchAddress", fields, write: true, null, ct).ConfigureAwait(false);
            }
            catch (PermanentCallException e) when (e.Code == "XRE0104" && checkpoints.Get(key) == Sent)
            {
                // An address of this type is already on the batch order: the earlier, unanswered call went through.
            }
            await checkpoints.SetAsync(key, Done, ct).ConfigureAwait(false);
        }

        M3Records? existingLines = null;
        foreach (var line in lines)
        {
            var cupo = M3Fields.Text(line, "CUPO")!;
            var key = $"{p}line:{cupo}";
            var state = checkpoints.Get(key);
            if (state == Done) continue;
            if (state == Sent)
            {
                existingLines ??= await m3.ExecuteAsync("OIS100MI", "LstBatchLine", new Dictionary<string, string> { ["ORNO"] = orno }, false, 0, ct).ConfigureAwait(false);
                var matches = existingLines.Rows.Count(r => r.GetValueOrDefault("CUPO") == cupo);
                if (matches > 1) throw new AmbiguousOutcomeException($"M3 batch order {orno} (CUOR {cuor}) holds {matches} lines with CUPO {cupo}.");
                if (matches == 1)
                {
                    await checkpoints.SetAsync(key, Done, ct).ConfigureAwait(false);
                    continue;
                }
            }
            var fields = M3Fields.From(line);
            fields["ORNO"] = orno;
            await checkpoints.SetAsync(key, Sent, ct).ConfigureAwait(false);
            await m3.ExecuteAsync("OIS100MI", "AddBatchLine", fields, write: true, null, ct).ConfigureAwait(false);
            await checkpoints.SetAsync(key, Done, ct).ConfigureAwait(false);
        }

        if (checkpoints.Get(p + "confirm") == Sent)
        {
            var number = await m3.ExecuteAsync("OIS100MI", "GetOrderNo", new Dictionary<string, string> { ["ORNO"] = orno }, false, null, ct).ConfigureAwait(false);
            if (number.First("ORNR") is { Length: > 0 } confirmed)
            {
                await checkpoints.SetAsync(p + "final", confirmed, ct).ConfigureAwait(false);
                return Result(confirmed, orno, cuor, lines.Count);
            }
        }
        await checkpoints.SetAsync(p + "confirm", Sent, ct).ConfigureAwait(false);
        var confirm = await m3.ExecuteAsync("OIS100MI", "Confirm", new Dictionary<string, string> { ["ORNO"] = orno }, write: true, null, ct).ConfigureAwait(false);
        var stat = confirm.First("STAT");
        if (stat is { Length: > 0 } && stat != "90")
            throw new PermanentCallException($"M3 rejected batch order {orno} (CUOR {cuor}) with status {stat}: see OIS275 for the reason.");
        var finalNumber = confirm.First("ORNO") ?? orno;
        await checkpoints.SetAsync(p + "final", finalNumber, ct).ConfigureAwait(false);
        return Result(finalNumber, orno, cuor, lines.Count);
    }

    /// <summary>Batch and confirmed orders of the customer whose CUOR is the store order id.</summary>
    private async Task<(string? Temporary, string? Final)> FindOrderAsync(string cuno, string cuor, CancellationToken ct)
    {
        var query = new Dictionary<string, string> { ["CUNO"] = cuno };
        var batches = (await m3.ExecuteAsync("OIS100MI", "LstBatchHead", query, false, 0, ct).ConfigureAwait(false))
            .Rows.Where(r => r.GetValueOrDefault("CUOR") == cuor).ToList();
        var orders = (await m3.ExecuteAsync("OIS100MI", "LstHead", query, false, 0, ct).ConfigureAwait(false))
            .Rows.Where(r => r.GetValueOrDefault("CUOR") == cuor).ToList();
        var finals = batches.Select(b => b.GetValueOrDefault("ORNR")).Where(n => !string.IsNullOrEmpty(n))
            .Concat(orders.Select(o => o.GetValueOrDefault("ORNO"))).Distinct().ToList();
        var open = batches.Where(b => string.IsNullOrEmpty(b.GetValueOrDefault("ORNR"))).Select(b => b.GetValueOrDefault("ORNO")!).ToList();
        if (finals.Count + open.Count > 1)
            throw new AmbiguousOutcomeException($"M3 holds {finals.Count + open.Count} orders with CUOR {cuor} (customer {cuno}): {string.Join(", ", finals.Concat(open))}.");
        return (open.FirstOrDefault(), finals.FirstOrDefault());
    }

    private static void CheckLineIds(string cuor, List<JsonObject> lines)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var cupo = M3Fields.Text(lines[i], "CUPO") ?? throw new PermanentCallException($"M3.OIS100 (CUOR {cuor}): line {i + 1} has no CUPO (the store line id); without it the line could not be found again.");
            if (!seen.Add(cupo)) throw new PermanentCallException($"M3.OIS100 (CUOR {cuor}): two lines carry CUPO {cupo}.");
        }
    }

    private static JsonObject Result(string orno, string? temporary, string cuor, int lines) =>
        new() { ["ORNO"] = orno, ["temporaryORNO"] = temporary, ["CUOR"] = cuor, ["lines"] = lines };
}
