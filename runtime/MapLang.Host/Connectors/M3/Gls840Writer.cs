using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Connectors.M3;

/// <summary>
/// Writes one M3.GLS840 record — GLS840MI.AddBatchHead (KEY1), AddBatchLine per line (LINE, PARM), UpdBatch — so that one payment
/// is one GL batch, posted once. KEY1 is the batch's identity and LINE each line's. Each call is checkpointed as "sent" before it
/// goes out and "done" after; a checkpoint left at "sent" means the outcome is unknown (timeout, 5xx, dropped connection, a crash).
/// GLS840MI has no Get or Lst transaction, so M3 is asked through its keys: AddBatchHead and AddBatchLine are sent again and
/// "record already exists" (XRE0104) means the earlier call went through (a line M3 took twice would unbalance the batch, which
/// UpdBatch refuses). UpdBatch is never sent again on its own: nothing in GLS840MI tells whether the batch was updated, so a
/// person looks in GLS840 and replays the dead letter only if the batch is still open.
/// </summary>
public sealed class Gls840Writer(M3Client m3, ILogger logger)
{
    private const string Program = "GLS840MI";
    private const string Sent = "sent";
    private const string Done = "done";
    /// <summary>UpdBatch went unanswered and a person was asked: a replay means "the batch is still open, send it again".</summary>
    private const string Asked = "asked";
    /// <summary>M3 refused UpdBatch (an unbalanced batch): a replay sends it again once the batch is corrected in GLS840.</summary>
    private const string Refused = "refused";
    /// <summary>UpdBatch was refused before M3 handled it (the reply says so): nothing to look for.</summary>
    private const string NotSent = "not sent";
    /// <summary>The batch key was already in M3 before this run sent anything.</summary>
    private const string Foreign = "foreign";

    public async Task<JsonObject> WriteAsync(JsonObject record, ICheckpoints checkpoints, CancellationToken ct)
    {
        var key1 = M3Fields.Text(record, "KEY1") ?? throw new PermanentCallException("M3.GLS840: the record has no KEY1 (the batch key); without it the batch could not be found again.");
        var lines = Lines(key1, record);
        var batch = new Dictionary<string, string>(StringComparer.Ordinal) { ["KEY1"] = key1 };
        foreach (var name in new[] { "CONO", "DIVI" })
            if (M3Fields.Text(record, name) is { } value) batch[name] = value;
        var p = $"gls840:{key1}:";

        if (checkpoints.Get(p + "update") == Done) return Result(key1, batch, lines.Count, checkpoints.Get(p + "cono"));

        var head = checkpoints.Get(p + "head");
        if (head == Foreign) throw NotOurs(key1, null);
        if (head != Done)
        {
            await checkpoints.SetAsync(p + "head", Sent, ct).ConfigureAwait(false);
            try
            {
                var answer = await m3.ExecuteAsync(Program, "AddBatchHead", M3Fields.From(record, "lines"), write: true, null, ct).ConfigureAwait(false);
                if (answer.First("CONO") is { Length: > 0 } cono) await checkpoints.SetAsync(p + "cono", cono, ct).ConfigureAwait(false);
            }
            catch (PermanentCallException e) when (e.Code == "XRE0104")
            {
                if (head != Sent)
                {
                    // Left at "foreign", not "sent": a replay must not take the batch for this run's own.
                    await checkpoints.SetAsync(p + "head", Foreign, ct).ConfigureAwait(false);
                    throw NotOurs(key1, e.Code);
                }
                // The earlier, unanswered AddBatchHead went through: the batch is ours, carry on with its lines.
                logger.LogInformation("M3.GLS840: batch head already in M3 after an unanswered AddBatchHead; continuing with its lines");
            }
            await checkpoints.SetAsync(p + "head", Done, ct).ConfigureAwait(false);
        }

        foreach (var (number, parm) in lines)
        {
            var key = $"{p}line:{number}";
            var state = checkpoints.Get(key);
            if (state == Done) continue;
            var fields = new Dictionary<string, string>(batch) { ["LINE"] = number, ["PARM"] = parm };
            await checkpoints.SetAsync(key, Sent, ct).ConfigureAwait(false);
            try
            {
                await m3.ExecuteAsync(Program, "AddBatchLine", fields, write: true, null, ct).ConfigureAwait(false);
            }
            catch (PermanentCallException e) when (e.Code == "XRE0104" && state == Sent)
            {
                // Line {number} is already on the batch: the earlier, unanswered call went through.
            }
            catch (PermanentCallException e) when (e.Code == "XRE0104")
            {
                throw new PermanentCallException(
                    $"M3 GL batch {key1} already holds line {number}, which this run never sent: the batch may not be this payment's. Look at batch {key1} in GLS840.",
                    e.Code, "LINE");
            }
            await checkpoints.SetAsync(key, Done, ct).ConfigureAwait(false);
        }

        var update = checkpoints.Get(p + "update");
        if (update == Sent)
        {
            await checkpoints.SetAsync(p + "update", Asked, ct).ConfigureAwait(false);
            throw new AmbiguousOutcomeException(
                $"M3 GLS840MI/UpdBatch of GL batch {key1} ({lines.Count} lines) was sent but not answered, and GLS840MI cannot tell whether it was updated. " +
                $"Look at batch {key1} in GLS840: if it is gone or updated, the payment is posted and this dead letter must not be replayed; " +
                "if it is still open (status 10), replay it to send UpdBatch again.");
        }
        await checkpoints.SetAsync(p + "update", Sent, ct).ConfigureAwait(false);
        try
        {
            var answer = await m3.ExecuteAsync(Program, "UpdBatch", batch, write: true, null, ct).ConfigureAwait(false);
            if (answer.First("CONO") is { Length: > 0 } cono) await checkpoints.SetAsync(p + "cono", cono, ct).ConfigureAwait(false);
        }
        catch (TransientCallException e) when (!e.OutcomeUnknown)
        {
            // Not executed (429, connection refused, an open circuit): the next attempt may send it without asking anyone.
            await checkpoints.SetAsync(p + "update", NotSent, ct).ConfigureAwait(false);
            throw;
        }
        catch (PermanentCallException e)
        {
            await checkpoints.SetAsync(p + "update", Refused, ct).ConfigureAwait(false);
            throw new PermanentCallException(
                $"{e.Message} — GL batch {key1} stays open in GLS840 with its {lines.Count} lines; correct it there (or delete it and fix the map), then replay to update it.",
                e.Code, e.Field);
        }
        await checkpoints.SetAsync(p + "update", Done, ct).ConfigureAwait(false);
        return Result(key1, batch, lines.Count, checkpoints.Get(p + "cono"));
    }

    private static PermanentCallException NotOurs(string key1, string? code) => new(
        $"M3 already holds GL batch {key1}, which this run did not write: the payment may have been posted by another run or by hand, " +
        $"or another batch uses the key. Look at batch {key1} in GLS840; if it is this payment there is nothing more to do, otherwise the map must give the payment a key of its own.",
        code ?? "XRE0104", "KEY1");

    /// <summary>The lines as (LINE, PARM), each LINE a whole number given once: M3 keys the batch's lines by it.</summary>
    private static List<(string Line, string Parm)> Lines(string key1, JsonObject record)
    {
        var lines = (record["lines"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        if (lines.Count == 0) throw new PermanentCallException($"M3.GLS840 (KEY1 {key1}): the batch has no lines; a journal needs a debit and a credit.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(string, string)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var number = M3Fields.Text(lines[i], "LINE") is { } l && long.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? n.ToString(CultureInfo.InvariantCulture)
                : throw new PermanentCallException($"M3.GLS840 (KEY1 {key1}): line {i + 1} has no whole LINE number; without it the line could not be found again.");
            if (!seen.Add(number)) throw new PermanentCallException($"M3.GLS840 (KEY1 {key1}): two lines carry LINE {number}.");
            var parm = lines[i]["PARM"] is JsonValue v && v.ToString() is { Length: > 0 } s
                ? s : throw new PermanentCallException($"M3.GLS840 (KEY1 {key1}): line {number} has no PARM.");
            result.Add((number, parm));
        }
        return result;
    }

    private static JsonObject Result(string key1, Dictionary<string, string> batch, int lines, string? cono) =>
        new()
        {
            ["KEY1"] = key1,
            ["CONO"] = cono ?? batch.GetValueOrDefault("CONO"),
            ["DIVI"] = batch.GetValueOrDefault("DIVI"),
            ["lines"] = lines,
            ["updated"] = true,
        };
}
