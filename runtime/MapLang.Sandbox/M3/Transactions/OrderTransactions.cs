using System.Globalization;
using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Engine;

namespace MapLang.Sandbox.M3.Transactions;

/// <summary>
/// OIS100MI — customer orders through the batch interface: AddBatchHead (temporary number) → AddBatchLine → Confirm (final number).
/// There is no idempotency: every AddBatchHead creates a new batch order, whatever its CUOR.
/// </summary>
internal static class OrderTransactions
{
    private static readonly string[] HeadFields =
    [
        "ORTP", "RLDT", "FACI", "CUOR", "AGNT", "SMCD", "MODL", "TEDL", "YREF", "PROJ", "OTBA", "TEPY", "PYNO", "ADID", "CUCD", "OREF",
        "OFNO", "TEL2", "CUDT", "INRC", "ORDT", "WHLO", "PYCD", "RESP", "PYRE", "BKID", "DLSP", "DSTX", "TECD", "OTDP",
    ];

    private static readonly string[] LineFields =
        ["ORQT", "WHLO", "DWDT", "JDCD", "CUPO", "SAPR", "DIA1", "DIA2", "DIA3", "DIA4", "DIA5", "DIA6", "DLSP", "DLSX", "ALUN", "ITDS", "CUOR", "PROJ", "CODT"];

    /// <summary>
    /// The company's order types: web shop orders, the standard types, and one per channel of the examples (Amazon, B2B, BigCommerce,
    /// nopCommerce).
    /// </summary>
    internal static readonly HashSet<string> OrderTypes = new(StringComparer.Ordinal) { "WEB", "100", "C01", "AMZ", "B2B", "BCE", "NOP" };

    public static void Register(M3TransactionRegistry r)
    {
        r.Add("OIS100MI", "AddBatchHead", AddBatchHead);
        r.Add("OIS100MI", "AddBatchLine", AddBatchLine);
        r.Add("OIS100MI", "AddBatchAddress", AddBatchAddress);
        r.Add("OIS100MI", "Confirm", Confirm);
        r.Add("OIS100MI", "GetBatchHead", c => [Batch(c).Head]);
        r.Add("OIS100MI", "LstBatchHead", c => Filter(c, c.Data.BatchOrders.Values.Select(b => b.Head)));
        r.Add("OIS100MI", "LstBatchLine", c => Batch(c).Lines);
        r.Add("OIS100MI", "GetOrderNo", c => [new M3Row { ["ORNR"] = Batch(c).FinalOrderNumber ?? "" }]);
        r.Add("OIS100MI", "GetHead", c => [Order(c).Head]);
        r.Add("OIS100MI", "LstHead", c => Filter(c, c.Data.Orders.Values.Select(o => o.Head)));
        r.Add("OIS100MI", "GetLine", c => [Order(c).Lines.FirstOrDefault(l => l.Get("PONR") == c.In("PONR") && l.Get("POSX") == (c.Has("POSX") ? c.In("POSX") : "0"))
                                          ?? throw M3Messages.RecordDoesNotExist("PONR")]);
        r.Add("OIS100MI", "LstLine", c => Order(c).Lines
            .Where(l => (!c.Has("ORST") || l.Get("ORST") == c.In("ORST")) && (!c.Has("ITNO") || l.Get("ITNO") == c.In("ITNO"))));
    }

    private static IEnumerable<M3Row> AddBatchHead(M3Context c)
    {
        var customer = c.Customer();
        var ortp = c.Has("ORTP") ? c.In("ORTP") : customer.Get("ORTP").Length > 0 ? customer.Get("ORTP") : "WEB";
        if (!OrderTypes.Contains(ortp)) throw M3Messages.DoesNotExist("ORTP", "Order type", ortp);
        var whlo = c.Has("WHLO") ? c.In("WHLO") : customer.Get("WHLO").Length > 0 ? customer.Get("WHLO") : "100";
        var warehouse = c.Warehouse(whlo);
        if (c.Has("FACI") && c.In("FACI") != warehouse.Get("FACI")) throw M3Messages.DoesNotExist("FACI", "Facility", c.In("FACI"));

        var orno = (++c.Data.Numbers.TemporaryOrder).ToString(CultureInfo.InvariantCulture);
        var head = c.Standard(new M3Row
        {
            ["ORNO"] = orno, ["CUNO"] = customer.Get("CUNO"), ["ORTP"] = ortp, ["WHLO"] = whlo, ["FACI"] = warehouse.Get("FACI"),
            ["CUCD"] = customer.Get("CUCD"), ["MODL"] = customer.Get("MODL"), ["TEDL"] = customer.Get("TEDL"), ["TEPY"] = customer.Get("TEPY"),
            ["ORDT"] = c.Today, ["RLDT"] = c.Today, ["STAT"] = "10", ["ORSL"] = "", ["ORST"] = "", ["ORNR"] = "",
        });
        foreach (var f in HeadFields) if (c.Has(f)) head[f] = c.In(f);
        c.Data.BatchOrders[orno] = new BatchOrder { Head = head };
        return [new M3Row { ["ORNO"] = orno }];
    }

    private static IEnumerable<M3Row> AddBatchLine(M3Context c)
    {
        var batch = Batch(c);
        if (batch.FinalOrderNumber is not null) throw M3Messages.Fail("WST0301", "ORNO", batch.Head.Get("STAT"));
        var item = c.Item();
        if (item.Get("STAT") is not ("20" or "50")) throw M3Messages.Fail("XIT0107", "ITNO", item.Get("STAT"));
        var whlo = c.Has("WHLO") ? c.In("WHLO") : batch.Head.Get("WHLO");
        c.Warehouse(whlo);
        var quantity = c.Has("ORQT") ? c.Number("ORQT") : 1m;
        if (quantity <= 0) throw M3Messages.Fail("XNU0003", "ORQT");
        if (c.Has("SAPR") && c.Number("SAPR") < 0) throw M3Messages.Fail("XNU0003", "SAPR");

        var line = c.Standard(new M3Row
        {
            ["ORNO"] = batch.Head.Get("ORNO"), ["PONR"] = (batch.Lines.Count + 1).ToString(CultureInfo.InvariantCulture), ["POSX"] = "0",
            ["ATNR"] = "0", ["ITNO"] = item.Get("ITNO"), ["ITDS"] = item.Get("ITDS"), ["ALUN"] = item.Get("UNMS"), ["SPUN"] = item.Get("UNMS"),
            ["SAPR"] = item.Get("SAPR"), ["CUCD"] = batch.Head.Get("CUCD"), ["DWDT"] = batch.Head.Get("RLDT"), ["CUOR"] = batch.Head.Get("CUOR"),
        });
        foreach (var f in LineFields) if (c.Has(f)) line[f] = c.In(f);
        line["WHLO"] = whlo;
        line.Set("ORQT", quantity);
        c.Data.BatchOrders[batch.Head.Get("ORNO")].Lines.Add(line);
        return [new M3Row { ["PONR"] = line["PONR"], ["POSX"] = "0", ["ATNR"] = "0" }];
    }

    private static readonly string[] AddressFields =
        ["ADID", "CUNM", "CUA1", "CUA2", "CUA3", "CUA4", "PONO", "PHNO", "TFNO", "CSCD", "VRNO", "EDES", "ECAR", "YREF", "MODL", "TEDL", "TOWN"];

    /// <summary>
    /// A one-off address of a batch order (ADRT 1 delivery, 3 invoice). A second address of the same type and id is refused
    /// as an existing record, so a blind retry after a lost reply is visible rather than silently doubled.
    /// </summary>
    private static IEnumerable<M3Row> AddBatchAddress(M3Context c)
    {
        var batch = Batch(c);
        if (batch.FinalOrderNumber is not null) throw M3Messages.Fail("WST0301", "ORNO", batch.Head.Get("STAT"));
        var adrt = c.In("ADRT");
        if (adrt is not ("1" or "3")) throw M3Messages.DoesNotExist("ADRT", "Address type", adrt);
        var adid = c.Has("ADID") ? c.In("ADID") : "";
        if (batch.Addresses.Any(a => a.Get("ADRT") == adrt && a.Get("ADID") == adid)) throw M3Messages.RecordAlreadyExists("ADRT");
        var address = c.Standard(new M3Row { ["ORNO"] = batch.Head.Get("ORNO"), ["ADRT"] = adrt, ["ADID"] = adid });
        foreach (var f in AddressFields) if (c.Has(f)) address[f] = c.In(f);
        batch.Addresses.Add(address);
        return [];
    }

    private static IEnumerable<M3Row> Confirm(M3Context c)
    {
        var batch = Batch(c);
        if (batch.FinalOrderNumber is not null) throw M3Messages.Fail("WST0301", "ORNO", batch.Head.Get("STAT"));

        var orno = (++c.Data.Numbers.Order).ToString(CultureInfo.InvariantCulture);
        var order = new CustomerOrder { Head = batch.Head.Copy(), ConfirmedAt = c.Now, TemporaryNumber = batch.Head.Get("ORNO") };
        order.Head["ORNO"] = orno;
        decimal total = 0;
        foreach (var batchLine in batch.Lines)
        {
            var line = batchLine.Copy();
            line["ORNO"] = orno;
            var quantity = line.Number("ORQT");
            var balance = c.Data.Balances.GetValueOrDefault(M3Data.BalanceKey(line.Get("WHLO"), line.Get("ITNO")));
            var allocatable = balance is null ? 0 : balance.Number("STQT") - balance.Number("ALQT");
            if (balance is not null && allocatable >= quantity)
            {
                balance.Set("ALQT", balance.Number("ALQT") + quantity);
                line.Set("ALQT", quantity);
                line["ORST"] = "33";
            }
            else
            {
                line["ALQT"] = "0";
                line["ORST"] = "22";
            }
            line["DLQT"] = "0";
            line["IVQT"] = "0";
            line.Set("NLAM", quantity * line.Number("SAPR"));
            total += quantity * line.Number("SAPR");
            order.Lines.Add(line);
        }
        SetStatusRange(order);
        order.Head.Set("NTAM", total);
        order.Head.Set("ONET", total);
        order.Head["STAT"] = order.Head["ORSL"];
        c.Data.Orders[orno] = order;
        OrderProgress.Schedule(c.Data, c.Now + c.Options.PickingAfter);

        batch.FinalOrderNumber = orno;
        batch.Head["STAT"] = "90";
        batch.Head["ORNR"] = orno;
        batch.Head["ORSL"] = order.Head["ORSL"];
        batch.Head["ORST"] = order.Head["ORST"];
        return [new M3Row { ["ORNO"] = orno, ["STAT"] = "90" }];
    }

    internal static void SetStatusRange(CustomerOrder order)
    {
        var statuses = order.Lines.Select(l => l.Get("ORST")).DefaultIfEmpty("22").ToList();
        order.Head["ORSL"] = statuses.Min(StringComparer.Ordinal)!;
        order.Head["ORST"] = statuses.Max(StringComparer.Ordinal)!;
    }

    private static BatchOrder Batch(M3Context c) =>
        c.Data.BatchOrders.TryGetValue(c.In("ORNO"), out var b) ? b : throw M3Messages.DoesNotExist("ORNO", "Customer order number", c.In("ORNO"));

    private static CustomerOrder Order(M3Context c) =>
        c.Data.Orders.TryGetValue(c.In("ORNO"), out var o) ? o : throw M3Messages.RecordDoesNotExist("ORNO");

    /// <summary>LstHead/LstBatchHead: the customer's orders with lowest status ≥ ORSL and highest ≤ ORST (when given).</summary>
    private static IEnumerable<M3Row> Filter(M3Context c, IEnumerable<M3Row> heads)
    {
        c.Customer();
        var cuno = c.In("CUNO");
        return heads.Where(h => h.Get("CUNO") == cuno
                                && (!c.Has("ORSL") || string.CompareOrdinal(h.Get("ORSL"), c.In("ORSL")) >= 0)
                                && (!c.Has("ORST") || string.CompareOrdinal(h.Get("ORST"), c.In("ORST")) <= 0))
            .OrderBy(h => h.Get("ORNO"), StringComparer.Ordinal).ToList();
    }
}
