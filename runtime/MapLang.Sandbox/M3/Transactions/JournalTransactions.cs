using System.Globalization;
using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Engine;

namespace MapLang.Sandbox.M3.Transactions;

/// <summary>
/// GLS840MI — GL journal batches: AddBatchHead → AddBatchLine (PARM) → CtrlBatch / UpdBatch.
/// The real PARM is a fixed-position record whose layout depends on the interface (INTN); the sandbox assumes one layout,
/// documented in docs/sandbox.md: ACDT 1–8 (yyyyMMdd), AIT1–AIT7 9–64 (8 each), CUAM 65–81 (signed amount), CUCD 82–84, VTXT 85–124.
/// UpdBatch refuses a batch whose amounts do not sum to zero (debit = credit).
/// </summary>
internal static class JournalTransactions
{
    public static void Register(M3TransactionRegistry r)
    {
        r.Add("GLS840MI", "AddBatchHead", AddBatchHead);
        r.Add("GLS840MI", "AddBatchLine", AddBatchLine);
        r.Add("GLS840MI", "CtrlBatch", c => { Balance(Batch(c)); return [Echo(c)]; });
        r.Add("GLS840MI", "UpdBatch", UpdBatch);
    }

    private static M3Row Echo(M3Context c) => new() { ["CONO"] = c.Options.Company.ToString(CultureInfo.InvariantCulture) };

    private static IEnumerable<M3Row> AddBatchHead(M3Context c)
    {
        if (c.Data.GlBatches.ContainsKey(c.In("KEY1"))) throw M3Messages.RecordAlreadyExists("KEY1");
        var head = c.Standard(new M3Row { ["KEY1"] = c.In("KEY1"), ["INTN"] = c.In("INTN"), ["DESC"] = c.In("DESC"), ["USID"] = c.In("USID"), ["RGDT"] = c.Today });
        c.Data.GlBatches[c.In("KEY1")] = new GlBatch { Head = head };
        return [Echo(c)];
    }

    private static IEnumerable<M3Row> AddBatchLine(M3Context c)
    {
        var batch = Batch(c);
        if (batch.Status != "10") throw M3Messages.Fail("WST0301", "KEY1", batch.Status);
        var line = int.Parse(c.In("LINE"), NumberStyles.Integer, CultureInfo.InvariantCulture);
        if (batch.Lines.ContainsKey(line)) throw M3Messages.RecordAlreadyExists("LINE");
        var parm = c.In("PARM");
        if (!M3Validator.IsDate(Slice(parm, 0, 8))) throw M3Messages.Fail("XDT0001", "PARM");
        if (Amount(parm) is null) throw M3Messages.Fail("XNU0000", "PARM");
        batch.Lines[line] = parm;
        return [Echo(c)];
    }

    private static IEnumerable<M3Row> UpdBatch(M3Context c)
    {
        var batch = Batch(c);
        if (batch.Status != "10") throw M3Messages.Fail("WST0301", "KEY1", batch.Status);
        Balance(batch);
        batch.Status = "90";
        batch.Head["STAT"] = "90";
        return [Echo(c)];
    }

    private static GlBatch Batch(M3Context c) =>
        c.Data.GlBatches.TryGetValue(c.In("KEY1"), out var b) ? b : throw M3Messages.RecordDoesNotExist("KEY1");

    /// <summary>Sandbox-specific code (not from the M3 catalogue): the batch does not balance.</summary>
    private static void Balance(GlBatch batch)
    {
        if (batch.Lines.Count == 0) throw M3Messages.RecordDoesNotExist("LINE");
        var amounts = batch.Lines.Values.Select(p => Amount(p) ?? 0).ToList();
        var sum = amounts.Sum();
        if (sum != 0)
        {
            var debit = amounts.Where(a => a > 0).Sum();
            var credit = -amounts.Where(a => a < 0).Sum();
            throw new M3ErrorException(new M3Error(M3Error.NotOk, "XBA0001", "CUAM",
                $"Batch {batch.Head.Get("KEY1")} does not balance: debit {M3Row.Format(debit)}, credit {M3Row.Format(credit)}"));
        }
    }

    internal static decimal? Amount(string parm) =>
        decimal.TryParse(Slice(parm, 64, 17).Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static string Slice(string s, int start, int length) => s.Length <= start ? "" : s.Substring(start, Math.Min(length, s.Length - start));
}
