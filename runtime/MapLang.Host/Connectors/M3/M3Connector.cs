using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Connectors.M3;

/// <summary>
/// The M3 connection as flows see it: <c>M3.OIS100</c> (the exactly-once order writer), <c>M3.CRS610</c> (find or create the
/// customer of a record's MAIL), <c>M3.GLS840</c> (the exactly-once GL batch writer, <see cref="Gls840Writer"/>), and any MI
/// transaction by <c>PROGRAM/Transaction</c> (reads: Get*, Lst*, Search*; anything else is treated as a write and never repeated
/// blindly). Polled: <c>deliveries.shipped</c> (<see cref="ShippedDeliveries"/>), <c>invoices.issued</c> (<see cref="IssuedInvoices"/>),
/// <c>items.changed</c> (<see cref="ChangedItems"/>), <c>customers.changed</c> (<see cref="ChangedCustomers"/>) and <c>balances.changed</c>
/// (<see cref="ChangedBalances"/>).
/// </summary>
public sealed class M3Connector(string name, M3Client client, ILogger logger) : IConnector, IPollSource
{
    private readonly Ois100Writer _orders = new(client, logger);
    private readonly Gls840Writer _journals = new(client, logger);
    private readonly CustomerResolver _customers = new(client, logger);
    private readonly ShippedDeliveries _shipped = new(client, logger);
    private readonly IssuedInvoices _invoiced = new(client, logger);
    private readonly ChangedItems _items = new(client, logger);
    private readonly ChangedBalances _balances = new(client, logger);
    private readonly ChangedCustomers _changedCustomers = new(client, logger);

    public string Name => name;

    public CustomerResolver Customers => _customers;

    public async Task<JsonNode?> FetchAsync(string operation, string id, CancellationToken cancellationToken)
    {
        var (program, transaction) = Split(operation);
        var records = await client.ExecuteAsync(program, transaction, new Dictionary<string, string> { [KeyField(program)] = id }, false, null, cancellationToken).ConfigureAwait(false);
        return ToJson(records);
    }

    public async Task<JsonNode?> CallAsync(string operation, JsonNode record, ICheckpoints checkpoints, CancellationToken cancellationToken)
    {
        var obj = record as JsonObject ?? throw new PermanentCallException($"{operation} needs a record (a JSON object).");
        switch (operation)
        {
            case "M3.OIS100":
                return await _orders.WriteAsync(obj, checkpoints, cancellationToken).ConfigureAwait(false);
            case "M3.GLS840":
                return await _journals.WriteAsync(obj, checkpoints, cancellationToken).ConfigureAwait(false);
            case "M3.CRS610":
                var mail = obj["MAIL"]?.ToString() ?? throw new PermanentCallException("M3.CRS610: the record has no MAIL to find the customer by.");
                var chosen = obj["CUNO"]?.ToString().Trim() is { Length: > 0 } c ? c : null;
                var cuno = await _customers.FindOrCreateAsync(mail, CustomerResolver.NewCustomerFields(null, obj), checkpoints, cancellationToken, chosen).ConfigureAwait(false);
                return new JsonObject { ["CUNO"] = cuno };
            default:
                var (program, transaction) = Split(operation);
                var write = !(transaction.StartsWith("Get", StringComparison.Ordinal) || transaction.StartsWith("Lst", StringComparison.Ordinal)
                              || transaction.StartsWith("Search", StringComparison.Ordinal));
                var records = await client.ExecuteAsync(program, transaction, M3Fields.From(obj), write, write ? null : 0, cancellationToken).ConfigureAwait(false);
                // A Get transaction answers one record: a map reads it as that record, not as a list of one.
                return transaction.StartsWith("Get", StringComparison.Ordinal) && records.Rows.Count == 1 ? ToJson(records)[0]!.DeepClone() : ToJson(records);
        }
    }

    public Task<PollBatch> PollAsync(string operation, string watermark, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken) =>
        operation switch
        {
            ShippedDeliveries.Operation => _shipped.PollAsync(watermark, parameters, cancellationToken),
            IssuedInvoices.Operation => _invoiced.PollAsync(watermark, parameters, cancellationToken),
            ChangedItems.Operation => _items.PollAsync(watermark, parameters, cancellationToken),
            ChangedBalances.Operation => _balances.PollAsync(watermark, parameters, cancellationToken),
            ChangedCustomers.Operation => _changedCustomers.PollAsync(watermark, parameters, cancellationToken),
            _ => throw new PermanentCallException($"M3 cannot be polled for '{operation}' ({ShippedDeliveries.Operation}, {IssuedInvoices.Operation}, {ChangedItems.Operation}, {ChangedCustomers.Operation}, {ChangedBalances.Operation})."),
        };

    public Task ReplyAsync(string operation, string id, JsonObject fields, CancellationToken cancellationToken) =>
        throw new PermanentCallException($"M3 takes no replies ({operation}).");

    private static (string, string) Split(string operation)
    {
        var slash = operation.IndexOf('/');
        if (slash <= 0) throw new PermanentCallException($"'{operation}' is not an M3 operation (M3.OIS100, M3.CRS610, M3.GLS840 or PROGRAM/Transaction).");
        return (operation[..slash], operation[(slash + 1)..]);
    }

    private static string KeyField(string program) => program switch
    {
        "OIS100MI" => "ORNO",
        "CRS610MI" => "CUNO",
        "MMS200MI" => "ITNO",
        _ => "ID",
    };

    private static JsonArray ToJson(M3Records records) => new(records.Rows.Select(r => (JsonNode)ToJson(r)).ToArray());

    /// <summary>One M3 record as JSON: every field a string, as M3 answered it.</summary>
    internal static JsonObject ToJson(IReadOnlyDictionary<string, string> row) =>
        new(row.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
}
