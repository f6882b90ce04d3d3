using MapLang.Sandbox.Infrastructure;
using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Metadata;

namespace MapLang.Sandbox.M3.Engine;

/// <summary>What a transaction handler sees; handlers run under the data lock.</summary>
public sealed class M3Context(M3TransactionInfo info, M3Row input, M3Data data, M3Options options, DateTimeOffset now)
{
    public M3TransactionInfo Info { get; } = info;
    public M3Row Input { get; } = input;
    public M3Data Data { get; } = data;
    public M3Options Options { get; } = options;
    public DateTimeOffset Now { get; } = now;

    public string Today => Now.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
    public string TimeOfDay => Now.UtcDateTime.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);

    public string In(string field) => Input.Get(field);

    public bool Has(string field) => Input.Get(field).Length > 0;

    public decimal Number(string field) => Input.Number(field);

    public M3Row Customer(string field = "CUNO")
    {
        var cuno = In(field);
        return Data.Customers.TryGetValue(cuno, out var c) ? c : throw M3Messages.DoesNotExist(field, "Customer number", cuno);
    }

    public M3Row Item(string field = "ITNO")
    {
        var itno = In(field);
        return Data.Items.TryGetValue(itno, out var i) ? i : throw M3Messages.DoesNotExist(field, "Item number", itno);
    }

    public M3Row Warehouse(string whlo, string field = "WHLO") =>
        Data.Warehouses.TryGetValue(whlo, out var w) ? w : throw M3Messages.DoesNotExist(field, "Warehouse", whlo);

    public M3Row Standard(M3Row row)
    {
        row["CONO"] = Options.Company.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!row.ContainsKey("DIVI")) row["DIVI"] = Options.Division;
        return row;
    }
}
