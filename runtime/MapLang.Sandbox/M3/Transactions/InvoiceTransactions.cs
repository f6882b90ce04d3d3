using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Engine;

namespace MapLang.Sandbox.M3.Transactions;

/// <summary>OIS350MI customer-order invoices and ARS200MI receivables — created by <see cref="OrderProgress"/> at status 77.</summary>
internal static class InvoiceTransactions
{
    public static void Register(M3TransactionRegistry r)
    {
        r.Add("OIS350MI", "LstInvHeadByCo", c =>
        {
            if (!c.Data.Orders.ContainsKey(c.In("ORNO"))) throw M3Messages.DoesNotExist("ORNO", "Customer order number", c.In("ORNO"));
            return c.Data.Invoices.Values.Where(i => i.Get("ORNO") == c.In("ORNO")).ToList();
        });
        r.Add("OIS350MI", "LstAllInvByCO", c => c.Data.Invoices.Values.Where(i => i.Get("ORNO") == c.In("ORNO")).ToList());
        r.Add("OIS350MI", "GetInvHead", c =>
            [c.Data.Invoices.TryGetValue(c.In("YEA4") + "/" + c.In("IVNO"), out var i) ? i : throw M3Messages.RecordDoesNotExist("IVNO")]);
        r.Add("OIS350MI", "LstInvHead", c => c.Data.Invoices.Values
            .Where(i => i.Get("YEA4") == c.In("YEA4") && (!c.Has("IVNO") || string.CompareOrdinal(i.Get("IVNO").PadLeft(9, '0'), c.In("IVNO").PadLeft(9, '0')) >= 0))
            .OrderBy(i => i.Get("IVNO").PadLeft(9, '0'), StringComparer.Ordinal).ToList());
        // The invoice's lines as OIS350MI.LstInvLine answers them: the sandbox invoices a whole delivery at once, so one goods line
        // (information type 10) per invoice with its order, delivery and amounts; no VAT.
        r.Add("OIS350MI", "LstInvLine", c =>
        {
            var invoice = c.Data.Invoices.TryGetValue(c.In("YEA4") + "/" + c.In("IVNO"), out var i) ? i : throw M3Messages.RecordDoesNotExist("IVNO");
            return
            [
                new M3Row
                {
                    ["IVTP"] = "10", ["ORNO"] = invoice.Get("ORNO"), ["DLIX"] = invoice.Get("DLIX"), ["WHLO"] = invoice.Get("WHLO"), ["IVRF"] = "",
                    ["AMT1"] = invoice.Get("AMT1"), ["AMT2"] = invoice.Get("AMT2"), ["AMT3"] = invoice.Get("AMT2"), ["PYNO"] = invoice.Get("PYNO"),
                    ["CUNM"] = invoice.Get("CUNM"), ["VTAM"] = "0", ["VTCD"] = "0", ["CVTM"] = "0", ["CVBA"] = "0", ["VTP1"] = "0", ["VTP2"] = "0",
                },
            ];
        });
        r.Add("ARS200MI", "LstInvoices", c =>
        {
            c.Customer();
            return c.Data.Receivables.Values.Where(x => x.Get("CUNO") == c.In("CUNO") && (!c.Has("IVDT") || string.CompareOrdinal(x.Get("IVDT"), c.In("IVDT")) >= 0)).ToList();
        });
        r.Add("ARS200MI", "GetInvoice", c =>
            [c.Data.Receivables.TryGetValue(c.In("YEA4") + "/" + c.In("JRNO") + "/" + c.In("JSNO"), out var x) ? x : throw M3Messages.RecordDoesNotExist("JRNO")]);
    }
}
