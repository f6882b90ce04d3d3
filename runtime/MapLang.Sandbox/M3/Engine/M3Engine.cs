using MapLang.Sandbox.Infrastructure;
using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Metadata;
using MapLang.Sandbox.M3.Transactions;

namespace MapLang.Sandbox.M3.Engine;

/// <summary>Runs MI transactions against <see cref="M3Data"/>: metadata lookup, validation, then the handler under the data lock.</summary>
public sealed class M3Engine
{
    private readonly M3TransactionRegistry _registry = new();
    private readonly SandboxClock _clock;

    public M3Engine(M3Data data, M3Options options, SandboxClock clock)
    {
        Data = data;
        Options = options;
        _clock = clock;
        CustomerTransactions.Register(_registry);
        ItemTransactions.Register(_registry);
        WarehouseTransactions.Register(_registry);
        OrderTransactions.Register(_registry);
        DeliveryTransactions.Register(_registry);
        InvoiceTransactions.Register(_registry);
        JournalTransactions.Register(_registry);
        AliasTransactions.Register(_registry);
    }

    public M3Data Data { get; }
    public M3Options Options { get; }
    public M3Catalog Catalog => M3Catalog.Instance;
    public IEnumerable<string> Simulated => _registry.Simulated;

    public M3Result Execute(M3Request request, int? failListAfter = null)
    {
        var program = request.Program.ToUpperInvariant();
        var info = Catalog.Transaction(program, request.Transaction);
        var handler = info is null ? null : _registry.Find(program, info.Name);
        if (info is null || handler is null)
        {
            var message = info is null
                ? $"Transaction {request.Transaction} does not exist in program {program}"
                : $"Transaction {program}/{info.Name} exists in M3 but is not simulated by the MapLang sandbox";
            return new M3Result(program, request.Transaction, info, [], new M3Error("TransactionNotFound", "", "", message)) { Terminated = true };
        }
        var columns = Columns(info, request.ReturnColumns);
        var error = M3Validator.Validate(info, request.Input, Options.Company);
        if (error is not null)
            return new M3Result(program, info.Name, info, [], error) { Columns = columns, Terminated = error.Code == "XAU0008" };

        var max = request.MaxRecords ?? (info.IsList ? Options.DefaultMaxRecords : 0);
        var records = new List<M3Row>();
        lock (Data.Gate)
        {
            var now = _clock.UtcNow;
            OrderProgress.Apply(Data, Options, now);
            var context = new M3Context(info, request.Input, Data, Options, now);
            try
            {
                foreach (var row in handler(context))
                {
                    if (failListAfter is { } n && records.Count >= n)
                    {
                        error = M3Messages.Of("XO_1130", "");
                        break;
                    }
                    records.Add(row.Copy());
                    if (max > 0 && records.Count >= max) break;
                }
            }
            catch (M3ErrorException e)
            {
                error = e.Error;
            }
        }
        return new M3Result(program, info.Name, info, records, error) { Columns = columns };
    }

    private static IReadOnlyList<M3Field> Columns(M3TransactionInfo info, IReadOnlyList<string>? returnColumns)
    {
        if (returnColumns is null || returnColumns.Count == 0) return info.Output;
        var wanted = new HashSet<string>(returnColumns, StringComparer.Ordinal);
        return info.Output.Where(f => wanted.Contains(f.Name)).ToList();
    }
}
