using System.Globalization;
using System.Text.Json.Nodes;

namespace MapLang.Host.Connectors;

/// <summary>
/// What a store's <c>order.ship</c> reply may still ship: the lines a mapped shipment asks for, each cut to the quantity the order
/// has left to ship (so a reply retried after the store already took it ships nothing twice), or everything left when none are asked for.
/// </summary>
public static class ShipmentLines
{
    /// <summary>A JSON number or numeric string (mapped records and store replies hold either), null otherwise.</summary>
    public static decimal? Number(JsonNode? node) =>
        node is JsonValue v && decimal.TryParse(v.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>
    /// The lines to ship: <paramref name="requested"/> (item id, quantity; a null quantity means all that is left) cut to <paramref name="left"/>,
    /// or, when nothing is requested, every item with something left. Items with nothing left are dropped; an unknown item id is refused.
    /// </summary>
    public static List<(TId Id, decimal Quantity)> Plan<TId>(IReadOnlyList<(TId Id, decimal? Quantity)>? requested, IReadOnlyDictionary<TId, decimal> left, string store)
        where TId : notnull
    {
        if (requested is null || requested.Count == 0)
            return left.Where(l => l.Value > 0).Select(l => (l.Key, l.Value)).ToList();
        var open = new Dictionary<TId, decimal>(left);
        var plan = new List<(TId Id, decimal Quantity)>();
        foreach (var (id, quantity) in requested)
        {
            if (!open.TryGetValue(id, out var rest)) throw new PermanentCallException($"{store} order.ship: the order has no item {id}.");
            var ship = Math.Min(quantity ?? rest, rest);
            if (ship <= 0) continue;
            open[id] = rest - ship;
            // Two M3 lines of one store item (a split line) are one line of the store's shipment.
            var at = plan.FindIndex(p => EqualityComparer<TId>.Default.Equals(p.Id, id));
            if (at >= 0) plan[at] = (id, plan[at].Quantity + ship);
            else plan.Add((id, ship));
        }
        return plan;
    }
}
