using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Engine;

namespace MapLang.Sandbox.M3.Transactions;

/// <summary>MMS005MI — warehouses.</summary>
internal static class WarehouseTransactions
{
    public static void Register(M3TransactionRegistry r)
    {
        r.Add("MMS005MI", "GetWarehouse", c => [c.Warehouse(c.In("WHLO"))]);
        r.Add("MMS005MI", "LstWarehouses", c => c.Data.Warehouses.Values
            .Where(w => string.CompareOrdinal(w.Get("WHLO"), c.In("FWHL")) >= 0 && (!c.Has("TWHL") || string.CompareOrdinal(w.Get("WHLO"), c.In("TWHL")) <= 0))
            .OrderBy(w => w.Get("WHLO"), StringComparer.Ordinal));
    }
}
