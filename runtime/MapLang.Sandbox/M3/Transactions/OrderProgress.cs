using System.Globalization;
using MapLang.Sandbox.M3.Data;

namespace MapLang.Sandbox.M3.Transactions;

/// <summary>
/// Moves confirmed orders along as sandbox time passes: picking list (44, delivery created), delivered (66: stock issued,
/// shipment and tracking number ETRN), invoiced (77: OIS350MI invoice and ARS200MI entry). Runs under the data lock; each step is
/// dated when it fell due (ConfirmedAt + PickingAfter, DeliveredAfter, InvoicedAfter), whenever a request first sees it.
/// </summary>
public static class OrderProgress
{
    public static void Apply(M3Data data, M3Options options, DateTimeOffset now)
    {
        if (now < data.NextProgressDue) return;
        var next = DateTimeOffset.MaxValue;
        foreach (var order in data.Orders.Values)
        {
            var stage = order.Head.Get("ORST");
            if (string.CompareOrdinal(stage, "77") >= 0 || string.CompareOrdinal(order.Head.Get("ORSL"), "33") < 0) continue;
            // Each step is dated when it was due, not when a request happened to look: a shipment left at ConfirmedAt + DeliveredAfter.
            if (string.CompareOrdinal(stage, "44") < 0 && now >= order.ConfirmedAt + options.PickingAfter) Pick(data, order, order.ConfirmedAt + options.PickingAfter);
            if (string.CompareOrdinal(order.Head.Get("ORST"), "66") < 0 && now >= order.ConfirmedAt + options.DeliveredAfter)
                Deliver(data, order, order.ConfirmedAt + options.DeliveredAfter);
            if (string.CompareOrdinal(order.Head.Get("ORST"), "77") < 0 && now >= order.ConfirmedAt + options.InvoicedAfter)
                Invoice(data, order, order.ConfirmedAt + options.InvoicedAfter);
            var status = order.Head.Get("ORST");
            var due = status switch
            {
                "33" => order.ConfirmedAt + options.PickingAfter,
                "44" => order.ConfirmedAt + options.DeliveredAfter,
                "66" => order.ConfirmedAt + options.InvoicedAfter,
                _ => DateTimeOffset.MaxValue,
            };
            if (due < next) next = due;
        }
        data.NextProgressDue = next;
    }

    /// <summary>Call after a new confirmed order so the next Apply looks at it.</summary>
    public static void Schedule(M3Data data, DateTimeOffset due)
    {
        if (due < data.NextProgressDue) data.NextProgressDue = due;
    }

    private static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("HHmm", CultureInfo.InvariantCulture);

    private static void Pick(M3Data data, CustomerOrder order, DateTimeOffset now)
    {
        var dlix = (++data.Numbers.Delivery).ToString(CultureInfo.InvariantCulture);
        var head = order.Head;
        // The gross weight is the picked lines' items' weights (GRWE per basic unit); the requested departure is when the delivery was made.
        var weight = order.Lines.Where(l => l.Get("ORST") == "33")
            .Sum(l => l.Number("ORQT") * (data.Items.TryGetValue(l.Get("ITNO"), out var item) ? item.Number("GRWE") : 0m));
        data.Deliveries[dlix] = new M3Row
        {
            ["CONO"] = head.Get("CONO"), ["DLIX"] = dlix, ["RORC"] = "3", ["RIDN"] = head.Get("ORNO"), ["CUOR"] = head.Get("CUOR"),
            ["WHLO"] = head.Get("WHLO"), ["SDES"] = head.Get("WHLO"), ["MODL"] = head.Get("MODL"), ["TEDL"] = head.Get("TEDL"),
            ["MODF"] = head.Get("MODL"), ["TEDF"] = head.Get("TEDL"), ["PGRS"] = "50", ["PIST"] = "50", ["CONA"] = head.Get("CUNO"),
            ["YREF"] = head.Get("YREF"), ["CSCD"] = "", ["ETRN"] = "", ["CONN"] = "0", ["TRDT"] = Date(now), ["TRTM"] = Time(now) + "00",
            ["DTDT"] = Date(now), ["DTHM"] = Time(now), ["SHD4"] = Date(now), ["SHTM"] = Time(now), ["DSDT"] = "", ["DSHM"] = "",
            ["GRW2"] = M3Row.Format(weight), ["NEW2"] = M3Row.Format(weight), ["NRUL"] = "0", ["IVSS"] = "0",
        };
        head["DLIX"] = dlix;
        foreach (var line in order.Lines.Where(l => l.Get("ORST") == "33")) line["ORST"] = "44";
        OrderTransactionsStatus(order);
    }

    private static void Deliver(M3Data data, CustomerOrder order, DateTimeOffset now)
    {
        var dlix = order.Head.Get("DLIX");
        var delivery = data.Deliveries[dlix];
        var conn = (++data.Numbers.Shipment).ToString(CultureInfo.InvariantCulture);
        var tracking = "1Z" + dlix.PadLeft(16, '0');
        delivery["PGRS"] = "90";
        delivery["PIST"] = "90";
        delivery["ETRN"] = tracking;
        delivery["CONN"] = conn;
        delivery["DSDT"] = Date(now);
        delivery["DSHM"] = Time(now);
        delivery["FWNO"] = "UPS";
        delivery["TRCA"] = "UPS";
        delivery["NRUL"] = "1";
        // One shipment per delivery: its status range is the delivery's (90), it has departed (DSDT/DSHM) and is closed.
        data.Shipments[conn] = new M3Row
        {
            ["CONO"] = order.Head.Get("CONO"), ["DIVI"] = order.Head.Get("DIVI"), ["CONN"] = conn, ["WHLO"] = order.Head.Get("WHLO"),
            ["DSDT"] = Date(now), ["DSHM"] = Time(now), ["TRCA"] = "UPS", ["FWNO"] = "UPS", ["SDES"] = order.Head.Get("WHLO"),
            ["MMDL"] = delivery.Get("MODL"), ["CSTH"] = "90", ["CSTL"] = "90", ["DSTH"] = "90", ["DSTL"] = "90", ["GRWE"] = delivery.Get("GRW2"),
            ["GRW2"] = delivery.Get("GRW2"), ["NBRP"] = "1", ["NBLP"] = "1", ["SILO"] = "1", ["CLOS"] = "1", ["RGDT"] = Date(now),
            ["RGTM"] = Time(now) + "00", ["LMDT"] = Date(now), ["CHNO"] = "1", ["DLIX"] = dlix,
        };
        foreach (var line in order.Lines.Where(l => l.Get("ORST") == "44"))
        {
            var quantity = line.Number("ORQT");
            if (data.Balances.TryGetValue(M3Data.BalanceKey(line.Get("WHLO"), line.Get("ITNO")), out var balance))
            {
                balance.Set("STQT", balance.Number("STQT") - quantity);
                balance.Set("ALQT", Math.Max(0, balance.Number("ALQT") - quantity));
            }
            line.Set("DLQT", quantity);
            line["ALQT"] = "0";
            line["ORST"] = "66";
        }
        OrderTransactionsStatus(order);
    }

    private static void Invoice(M3Data data, CustomerOrder order, DateTimeOffset now)
    {
        var head = order.Head;
        var year = now.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture);
        var ivno = (++data.Numbers.Invoice).ToString(CultureInfo.InvariantCulture);
        var amount = order.Lines.Where(l => l.Get("ORST") == "66").Sum(l => l.Number("DLQT") * l.Number("SAPR"));
        var customer = data.Customers.GetValueOrDefault(head.Get("CUNO"));
        data.Invoices[year + "/" + ivno] = new M3Row
        {
            ["CONO"] = head.Get("CONO"), ["DIVI"] = head.Get("DIVI"), ["YEA4"] = year, ["IVNO"] = ivno, ["ORNO"] = head.Get("ORNO"),
            ["DLIX"] = head.Get("DLIX"), ["WHLO"] = head.Get("WHLO"), ["CUNO"] = head.Get("CUNO"), ["PYNO"] = head.Get("CUNO"),
            ["CUNM"] = customer?.Get("CUNM") ?? "", ["CUN1"] = customer?.Get("CUNM") ?? "", ["AMT1"] = M3Row.Format(amount),
            ["AMT2"] = M3Row.Format(amount), ["CUCD"] = head.Get("CUCD"), ["IVDT"] = Date(now), ["IDAT"] = Date(now),
            ["DUDT"] = Date(now.AddDays(30)), ["ORST"] = "77", ["FACI"] = head.Get("FACI"), ["IVTP"] = "10", ["TEPY"] = head.Get("TEPY"),
        };
        var jrno = (++data.Numbers.Journal).ToString(CultureInfo.InvariantCulture);
        data.Receivables[year + "/" + jrno + "/1"] = new M3Row
        {
            ["CONO"] = head.Get("CONO"), ["DIVI"] = head.Get("DIVI"), ["YEA4"] = year, ["JRNO"] = jrno, ["JSNO"] = "1", ["TRCD"] = "10",
            ["PYNO"] = head.Get("CUNO"), ["CUNO"] = head.Get("CUNO"), ["CINO"] = ivno, ["INYR"] = year, ["IVTP"] = "10",
            ["CUCD"] = head.Get("CUCD"), ["CUAM"] = M3Row.Format(amount), ["IVDT"] = Date(now), ["DUDT"] = Date(now.AddDays(30)),
            ["ACDT"] = Date(now), ["RECO"] = "0", ["TEPY"] = head.Get("TEPY"),
        };
        foreach (var line in order.Lines.Where(l => l.Get("ORST") == "66"))
        {
            line["IVQT"] = line.Get("DLQT");
            line["ORST"] = "77";
        }
        head["IVNO"] = ivno;
        OrderTransactionsStatus(order);
    }

    private static void OrderTransactionsStatus(CustomerOrder order)
    {
        OrderTransactions.SetStatusRange(order);
        order.Head["STAT"] = order.Head["ORSL"];
    }
}
