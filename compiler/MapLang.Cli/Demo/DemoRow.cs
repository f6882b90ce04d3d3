namespace MapLang.Cli.Demo;

/// <summary>
/// One line of the demo's table: a store order, the flow run it became, the M3 order (and how many M3 orders carry its CUOR), what
/// went back to the store (replies), the stock sent back (item and allocatable quantity) and the shipment M3 sent back.
/// </summary>
internal sealed record DemoRow(
    string Store,
    string StoreOrder,
    string Flow,
    string Status,
    string M3Customer,
    string M3Order,
    int M3OrdersWithCuor,
    int Lines,
    IReadOnlyList<string> Replies,
    IReadOnlyList<string> Stock,
    string? Error,
    DemoShipment? Shipment = null);
