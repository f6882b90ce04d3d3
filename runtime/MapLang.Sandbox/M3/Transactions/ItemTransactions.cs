using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Engine;

namespace MapLang.Sandbox.M3.Transactions;

/// <summary>
/// MMS200MI items and warehouse balances; MMS060MI balance identities (one location per balance here). An item keeps its change
/// date LMDT and change number CHNO as the item master does: UpdItmBasic sets the fields given (blank = unchanged), then LMDT is
/// today and CHNO one more — but only when a value changed. GetItmBasic and LstItmByItm answer LMDT; CHNO is in no MMS200MI reply.
/// </summary>
internal static class ItemTransactions
{
    // Fields UpdItmBasic may set on the item.
    private static readonly string[] Writable =
        ["STAT", "ITDS", "FUDS", "DWNO", "RESP", "UNMS", "ITGR", "ITCL", "BUAR", "ITTY", "TPCD", "CHCD", "STCD", "BACD", "VOL3", "NEWE", "GRWE", "PRGP"];

    public static void Register(M3TransactionRegistry r)
    {
        r.Add("MMS200MI", "GetItmBasic", c => [c.Item()]);
        r.Add("MMS200MI", "LstItmByItm", c => c.Data.Items.Values
            .Where(i => string.CompareOrdinal(i.Get("ITNO"), c.In("ITNO")) >= 0).OrderBy(i => i.Get("ITNO"), StringComparer.Ordinal));
        r.Add("MMS200MI", "UpdItmBasic", UpdItmBasic);
        r.Add("MMS200MI", "GetItmWhsBal", GetItmWhsBal);
        r.Add("MMS060MI", "LstBalID", LstBalID);
    }

    private static IEnumerable<M3Row> UpdItmBasic(M3Context c)
    {
        var item = c.Item();
        if (c.Has("STAT") && c.In("STAT") is not ("10" or "20" or "50" or "80" or "90")) throw M3Messages.Fail("WST0301", "STAT", c.In("STAT"));
        var changed = false;
        foreach (var f in Writable.Where(c.Has))
        {
            changed |= item.Get(f) != c.In(f);
            item[f] = c.In(f);
        }
        if (!changed) return [];
        item["LMDT"] = c.Today;
        item.Set("CHNO", item.Number("CHNO") + 1);
        return [];
    }

    private static IEnumerable<M3Row> GetItmWhsBal(M3Context c)
    {
        c.Warehouse(c.In("WHLO"));
        c.Item();
        return c.Data.Balances.TryGetValue(M3Data.BalanceKey(c.In("WHLO"), c.In("ITNO")), out var balance)
            ? [WithAvailable(balance)]
            : throw M3Messages.RecordDoesNotExist("ITNO");
    }

    private static IEnumerable<M3Row> LstBalID(M3Context c)
    {
        var warehouse = c.Warehouse(c.In("WHLO"));
        var itno = c.In("ITNO");
        foreach (var balance in c.Data.Balances.Values.Where(b => b.Get("WHLO") == c.In("WHLO") && (itno.Length == 0 || b.Get("ITNO") == itno))
                     .OrderBy(b => b.Get("ITNO"), StringComparer.Ordinal).ToList())
        {
            var item = c.Data.Items[balance.Get("ITNO")];
            var row = WithAvailable(balance);
            row["WHNM"] = warehouse.Get("WHNM");
            row["ITDS"] = item.Get("ITDS");
            row["UNMS"] = item.Get("UNMS");
            row["WHSL"] = balance.Get("WHSL");
            row["STAS"] = "2";
            row["ALOC"] = "1";
            yield return row;
        }
    }

    /// <summary>AVAL (allocatable) = on hand − allocated, never below zero.</summary>
    internal static M3Row WithAvailable(M3Row balance)
    {
        var row = balance.Copy();
        row.Set("AVAL", Math.Max(0, balance.Number("STQT") - balance.Number("ALQT")));
        return row;
    }
}
