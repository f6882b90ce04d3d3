namespace MapLang.Sandbox.M3.Data;

/// <summary>
/// The simulated M3 company's tables. Not thread-safe by itself: the engine runs every transaction under <see cref="Gate"/>,
/// so a transaction sees and leaves a consistent state (and writes nothing when it fails).
/// </summary>
public sealed class M3Data
{
    [System.Text.Json.Serialization.JsonIgnore]
    public object Gate { get; } = new();

    public Dictionary<string, M3Row> Customers { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, M3Row> Items { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, M3Row> Warehouses { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Key: WHLO + "/" + ITNO.</summary>
    public Dictionary<string, M3Row> Balances { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, BatchOrder> BatchOrders { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, CustomerOrder> Orders { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, M3Row> Deliveries { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, M3Row> Shipments { get; init; } = new(StringComparer.Ordinal);
    /// <summary>OIS350MI customer-order invoices, key YEA4 + "/" + IVNO.</summary>
    public Dictionary<string, M3Row> Invoices { get; init; } = new(StringComparer.Ordinal);
    /// <summary>ARS200MI accounts-receivable entries, key YEA4/JRNO/JSNO.</summary>
    public Dictionary<string, M3Row> Receivables { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, GlBatch> GlBatches { get; init; } = new(StringComparer.Ordinal);
    public NumberSeries Numbers { get; init; } = new();
    /// <summary>Earliest time an order moves on (see OrderProgress).</summary>
    public DateTimeOffset NextProgressDue { get; set; } = DateTimeOffset.MaxValue;

    public static string BalanceKey(string whlo, string itno) => whlo + "/" + itno;
}

public sealed class BatchOrder
{
    public required M3Row Head { get; init; }
    public List<M3Row> Lines { get; init; } = [];
    public List<M3Row> Addresses { get; init; } = [];
    /// <summary>The final order number once confirmed (GetOrderNo).</summary>
    public string? FinalOrderNumber { get; set; }
}

public sealed class CustomerOrder
{
    public required M3Row Head { get; init; }
    public List<M3Row> Lines { get; init; } = [];
    public required DateTimeOffset ConfirmedAt { get; set; }
    public string TemporaryNumber { get; init; } = "";
}

public sealed class GlBatch
{
    public required M3Row Head { get; init; }
    public SortedDictionary<int, string> Lines { get; init; } = [];
    /// <summary>"10" entered, "90" updated (posted).</summary>
    public string Status { get; set; } = "10";
}

public sealed class NumberSeries
{
    public long TemporaryOrder { get; set; } = 5_000_000_000;
    public long Order { get; set; } = 1_000_000_000;
    public long Delivery { get; set; } = 100_000_000;
    public long Shipment { get; set; } = 1_000_000;
    public long Invoice { get; set; } = 100_000_000;
    public long Journal { get; set; } = 1_000;
    public long Customer { get; set; } = 20_000;
}
