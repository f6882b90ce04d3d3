using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Engine;

namespace MapLang.Sandbox.M3.Transactions;

/// <summary>MWS410MI delivery heads, MWS411MI delivery lines, DRS100MI shipments — created by <see cref="OrderProgress"/>.</summary>
internal static class DeliveryTransactions
{
    public static void Register(M3TransactionRegistry r)
    {
        r.Add("MWS410MI", "GetHead", c => [Delivery(c)]);
        r.Add("MWS411MI", "LstDelLnByOrd", LinesByOrder);
        r.Add("MWS411MI", "LstDeliveryLine", c => Lines(c, Delivery(c)));
        r.Add("DRS100MI", "GetShipment", c => [Shipment(c)]);
        r.Add("DRS100MI", "LstByDelivery", c => c.Data.Deliveries.Values
            .Where(d => d.Get("CONN") == Shipment(c).Get("CONN")).Select(d => new M3Row { ["CONN"] = d.Get("CONN"), ["DLIX"] = d.Get("DLIX") }));
        r.Add("DRS100MI", "LstShipment", ListShipments);
    }

    /// <summary>
    /// DRS100MI.LstShipment: shipments in shipment-number order from CONN on (M3 positions a list on its key), departing between
    /// 1DDT and 2DDT (or on DSDT), highest status CSTH within FCSH–TCSH, lowest CSTL within FCSL–TCSL, and the place, route,
    /// forwarder, equipment, loading platform and ready-for-loading flag when given. maxrecs is the engine's.
    /// </summary>
    private static readonly string[] ShipmentFilters = ["DSDT", "SDES", "ROUT", "FWNO", "TRCA", "LODO", "SILO"];

    private static IEnumerable<M3Row> ListShipments(M3Context c)
    {
        var from = c.Has("CONN") ? c.Number("CONN") : 0m;
        bool Equal(M3Row s, string field) => !c.Has(field) || s.Get(field) == c.In(field);
        bool Within(string value, string low, string high) =>
            (!c.Has(low) || string.CompareOrdinal(value, c.In(low)) >= 0) && (!c.Has(high) || string.CompareOrdinal(value, c.In(high)) <= 0);
        return c.Data.Shipments.Values
            .Where(s => s.Number("CONN") >= from && Within(s.Get("DSDT"), "1DDT", "2DDT") && Within(s.Get("CSTH"), "FCSH", "TCSH")
                        && Within(s.Get("CSTL"), "FCSL", "TCSL")
                        && ShipmentFilters.All(f => Equal(s, f)))
            .OrderBy(s => s.Number("CONN")).ToList();
    }

    private static M3Row Delivery(M3Context c)
    {
        if (!c.Has("DLIX")) throw M3Messages.MustBeEntered("DLIX", "Delivery number");
        return c.Data.Deliveries.TryGetValue(c.In("DLIX"), out var d) ? d : throw M3Messages.DoesNotExist("DLIX", "Delivery number", c.In("DLIX"));
    }

    private static M3Row Shipment(M3Context c) =>
        c.Data.Shipments.TryGetValue(c.In("CONN"), out var s) ? s : throw M3Messages.RecordDoesNotExist("CONN");

    private static IEnumerable<M3Row> LinesByOrder(M3Context c)
    {
        var orno = c.In("RIDN");
        if (orno.Length == 0) throw M3Messages.MustBeEntered("RIDN", "Order number");
        if (!c.Data.Orders.ContainsKey(orno)) throw M3Messages.DoesNotExist("ORNO", "Customer order number", orno);
        return c.Data.Deliveries.Values.Where(d => d.Get("RIDN") == orno).SelectMany(d => Lines(c, d))
            .Where(l => !c.Has("RIDL") || l.Get("RIDL") == c.In("RIDL")).ToList();
    }

    private static IEnumerable<M3Row> Lines(M3Context c, M3Row delivery)
    {
        if (!c.Data.Orders.TryGetValue(delivery.Get("RIDN"), out var order)) yield break;
        foreach (var line in order.Lines.Where(l => string.CompareOrdinal(l.Get("ORST"), "44") >= 0))
            yield return new M3Row
            {
                ["DLIX"] = delivery.Get("DLIX"), ["RORC"] = "3", ["RIDN"] = order.Head.Get("ORNO"), ["RIDL"] = line.Get("PONR"), ["RIDX"] = "0",
                ["ITNO"] = line.Get("ITNO"), ["FACI"] = order.Head.Get("FACI"), ["WHLO"] = line.Get("WHLO"), ["TRQT"] = line.Get("ORQT"),
                ["PLQT"] = line.Get("ORQT"), ["ALUN"] = line.Get("ALUN"), ["RGDT"] = delivery.Get("TRDT"),
            };
    }
}
