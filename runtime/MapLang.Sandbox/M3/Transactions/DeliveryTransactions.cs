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
