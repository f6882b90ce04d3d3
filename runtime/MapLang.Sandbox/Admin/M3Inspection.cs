using MapLang.Sandbox.M3;
using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Transactions;

namespace MapLang.Sandbox.Admin;

/// <summary>Read-only views of the M3 state for tests and demos (and one lever: advance an order to its next status).</summary>
public static class M3Inspection
{
    public sealed record OrderView(string Kind, string Orno, string TemporaryOrno, string Cuno, string Cuor, string Status, string LowestStatus,
        string HighestStatus, IReadOnlyList<IReadOnlyDictionary<string, string>> Lines, string OrderType);

    public static IReadOnlyList<OrderView> Orders(M3Simulator m3, string? cuor, string? cuno)
    {
        lock (m3.Data.Gate)
        {
            bool Match(M3Row h) => (cuor is null || h.Get("CUOR") == cuor) && (cuno is null || h.Get("CUNO") == cuno);
            var orders = m3.Data.Orders.Values.Where(o => Match(o.Head))
                .Select(o => new OrderView("order", o.Head.Get("ORNO"), o.TemporaryNumber, o.Head.Get("CUNO"), o.Head.Get("CUOR"), o.Head.Get("STAT"),
                    o.Head.Get("ORSL"), o.Head.Get("ORST"), o.Lines.Select(l => (IReadOnlyDictionary<string, string>)l.Copy()).ToList(), o.Head.Get("ORTP")));
            var batches = m3.Data.BatchOrders.Values.Where(b => b.FinalOrderNumber is null && Match(b.Head))
                .Select(b => new OrderView("batch", "", b.Head.Get("ORNO"), b.Head.Get("CUNO"), b.Head.Get("CUOR"), b.Head.Get("STAT"), "", "",
                    b.Lines.Select(l => (IReadOnlyDictionary<string, string>)l.Copy()).ToList(), b.Head.Get("ORTP")));
            return orders.Concat(batches).OrderBy(o => o.TemporaryOrno, StringComparer.Ordinal).ToList();
        }
    }

    public sealed record DeliveryView(string Dlix, string Orno, string Cuor, string Ortp, string Status, string Tracking);

    /// <summary>The deliveries of a customer order (picked: progress status 50; shipped: 90, with the tracking number ETRN).</summary>
    public static IReadOnlyList<DeliveryView> Deliveries(M3Simulator m3, string orno)
    {
        lock (m3.Data.Gate)
        {
            var ortp = m3.Data.Orders.TryGetValue(orno, out var order) ? order.Head.Get("ORTP") : "";
            return m3.Data.Deliveries.Values.Where(d => d.Get("RIDN") == orno)
                .Select(d => new DeliveryView(d.Get("DLIX"), orno, d.Get("CUOR"), ortp, d.Get("PGRS"), d.Get("ETRN"))).ToList();
        }
    }

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Customers(M3Simulator m3, string? mail)
    {
        lock (m3.Data.Gate)
            return m3.Data.Customers.Values.Where(c => mail is null || string.Equals(c.Get("MAIL"), mail, StringComparison.OrdinalIgnoreCase))
                .Select(c => (IReadOnlyDictionary<string, string>)c.Copy()).ToList();
    }

    public static IReadOnlyList<object> Items(M3Simulator m3)
    {
        lock (m3.Data.Gate)
            return m3.Data.Items.Values.Select(i => (object)new
            {
                itno = i.Get("ITNO"), sku = i.Get("POPN"), status = i.Get("STAT"),
                balances = m3.Data.Balances.Values.Where(b => b.Get("ITNO") == i.Get("ITNO"))
                    .ToDictionary(b => b.Get("WHLO"), b => new { onHand = b.Number("STQT"), allocated = b.Number("ALQT") }),
            }).ToList();
    }

    public static object Counts(M3Simulator m3)
    {
        lock (m3.Data.Gate)
            return new
            {
                customers = m3.Data.Customers.Count, items = m3.Data.Items.Count, batchOrders = m3.Data.BatchOrders.Count,
                orders = m3.Data.Orders.Count, deliveries = m3.Data.Deliveries.Count, invoices = m3.Data.Invoices.Count,
                glBatches = m3.Data.GlBatches.Count,
            };
    }

    /// <summary>Moves a confirmed order to its next status (44, 66, 77) by back-dating its confirmation; returns the new highest status.</summary>
    public static string? Advance(M3Simulator m3, DateTimeOffset now, string orno)
    {
        lock (m3.Data.Gate)
        {
            if (!m3.Data.Orders.TryGetValue(orno, out var order)) return null;
            var o = m3.Options;
            var needed = order.Head.Get("ORST") switch { "33" => o.PickingAfter, "44" => o.DeliveredAfter, "66" => o.InvoicedAfter, _ => TimeSpan.Zero };
            if (now - order.ConfirmedAt < needed) order.ConfirmedAt = now - needed;
            m3.Data.NextProgressDue = DateTimeOffset.MinValue;
            OrderProgress.Apply(m3.Data, o, now);
            return order.Head.Get("ORST");
        }
    }
}
