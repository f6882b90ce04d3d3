using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Engine;

namespace MapLang.Sandbox.M3.Transactions;

/// <summary>MMS025MI — item alias numbers; the sandbox keeps one alias per item (the storefront SKU, ALWT 2, ALWQ SKU).</summary>
internal static class AliasTransactions
{
    public static void Register(M3TransactionRegistry r)
    {
        r.Add("MMS025MI", "GetItem", c =>
        {
            var hit = c.Data.Items.Values.FirstOrDefault(i => i.Get("POPN") == c.In("POPN") && c.In("ALWT") == "2");
            return hit is null ? throw M3Messages.RecordDoesNotExist("POPN") : [Alias(hit)];
        });
        r.Add("MMS025MI", "LstAlias", c => c.Item().Get("POPN").Length == 0 ? [] : new[] { Alias(c.Item()) });
        r.Add("MMS025MI", "LstItem", c => c.Data.Items.Values.Where(i => i.Get("POPN") == c.In("POPN")).Select(Alias).ToList());
    }

    private static M3Row Alias(M3Row item) => new()
    {
        ["CONO"] = item.Get("CONO"), ["ALWT"] = "2", ["ALWQ"] = "SKU", ["ITNO"] = item.Get("ITNO"), ["POPN"] = item.Get("POPN"),
        ["ALUN"] = item.Get("UNMS"), ["RGDT"] = item.Get("RGDT"), ["LMDT"] = item.Get("LMDT"),
    };
}
