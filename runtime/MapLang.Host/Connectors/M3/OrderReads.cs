namespace MapLang.Host.Connectors.M3;

/// <summary>What one poll reads of each customer order, read once: the head, the delivery lines, the CUPO of each order line.</summary>
internal sealed class OrderReads(M3Client client, CancellationToken ct)
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _heads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> _deliveryLines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _cupo = new(StringComparer.Ordinal);

    /// <summary>An order line's key: PONR/POSX, a blank suffix as 0.</summary>
    public static string LineKey(string ponr, string posx) => ponr + "/" + (posx.Length == 0 ? "0" : posx);

    public async Task<IReadOnlyDictionary<string, string>> HeadAsync(string orno)
    {
        if (!_heads.TryGetValue(orno, out var head))
            _heads[orno] = head = (await client.ExecuteAsync("OIS100MI", "GetHead", new Dictionary<string, string> { ["ORNO"] = orno }, false, null, ct).ConfigureAwait(false)).Rows[0];
        return head;
    }

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> DeliveryLinesAsync(string orno)
    {
        if (!_deliveryLines.TryGetValue(orno, out var lines))
            _deliveryLines[orno] = lines = (await client.ExecuteAsync("MWS411MI", "LstDelLnByOrd",
                new Dictionary<string, string> { ["RORC"] = "3", ["RIDN"] = orno }, false, 0, ct).ConfigureAwait(false)).Rows;
        return lines;
    }

    public async Task<Dictionary<string, string>> CustomerLineNumbersAsync(string orno)
    {
        if (!_cupo.TryGetValue(orno, out var cupo))
            _cupo[orno] = cupo = (await client.ExecuteAsync("OIS100MI", "LstLine", new Dictionary<string, string> { ["ORNO"] = orno }, false, 0, ct).ConfigureAwait(false))
                .Rows.GroupBy(l => LineKey(l.GetValueOrDefault("PONR", ""), l.GetValueOrDefault("POSX", "")), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().GetValueOrDefault("CUPO", ""), StringComparer.Ordinal);
        return cupo;
    }
}
