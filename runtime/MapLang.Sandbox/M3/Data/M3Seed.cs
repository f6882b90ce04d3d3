using System.Globalization;
using MapLang.Sandbox.Seed;

namespace MapLang.Sandbox.M3.Data;

/// <summary>
/// The initial M3 company: warehouses 100 and 200, template customer WEBTMPL, customers (jdoe@example.com of the Magento example
/// order exists; the other example e-mails do not; AMZUS takes the Amazon.com marketplace's consumer orders), one item per storefront example SKU with stock, plus items for edge cases.
/// M3 item numbers are at most 15 characters: a longer SKU gets a shorter ITNO and the SKU as alias (MMS025MI, ALWT 2, ALWQ SKU).
/// </summary>
public static class M3Seed
{
    public const string TemplateCustomer = "WEBTMPL";
    public const string ExistingCustomer = "10001";
    public const string AmazonUsCustomer = "AMZUS";
    public const string ExistingCustomerEmail = "jdoe@example.com";
    public const string NoStockItem = "NOSTOCK-01";
    public const string BlockedItem = "BLOCKED-01";

    public static M3Data Create(M3Options options)
    {
        var data = new M3Data();
        var cono = options.Company.ToString(CultureInfo.InvariantCulture);
        Warehouse(data, cono, options.Division, "100", "Main warehouse", "100");
        Warehouse(data, cono, options.Division, "200", "Overflow warehouse", "100");

        Customer(data, cono, options.Division, TemplateCustomer, "Web customer template", "", "", "", "US", "20");
        Customer(data, cono, options.Division, "C000001234", "Example Customer Ltd", "1 Example Street", "Springfield", "orders@example.com", "US", "20");
        Customer(data, cono, options.Division, ExistingCustomer, "Jane Doe", "123 Oak Ave", "Purchase", ExistingCustomerEmail, "US", "20");
        Customer(data, cono, options.Division, "10002", "Preliminary Customer Inc", "9 Draft Road", "Austin", "draft@example.com", "US", "10");
        // Amazon consumer orders go to one customer per marketplace (examples/amazon/marketplaces.csv).
        Customer(data, cono, options.Division, AmazonUsCustomer, "Amazon.com marketplace", "410 Terry Ave N", "Seattle", "", "US", "20");

        var n = 0;
        foreach (var sku in ExampleSkus.All)
        {
            var itno = sku.Length <= 15 ? sku : sku[..12] + (++n).ToString("000", CultureInfo.InvariantCulture);
            Item(data, cono, itno, sku.Length <= 30 ? sku : sku[..30], "20", 25.00m, 100, 20, alias: sku.Length <= 30 ? sku : null);
        }
        Item(data, cono, NoStockItem, "Item without stock", "20", 10m, 0, 0, alias: null);
        Item(data, cono, BlockedItem, "Blocked item", "90", 10m, 50, 0, alias: null);
        return data;
    }

    private static void Warehouse(M3Data data, string cono, string divi, string whlo, string name, string faci) =>
        data.Warehouses[whlo] = new M3Row
        {
            ["CONO"] = cono, ["DIVI"] = divi, ["FACI"] = faci, ["WHLO"] = whlo, ["WHNM"] = name, ["CSCD"] = "US", ["TOWN"] = "Springfield",
            ["WHTY"] = "01", ["PONO"] = "12345", ["ADR1"] = "1 Warehouse Way",
        };

    private static void Customer(M3Data data, string cono, string divi, string cuno, string name, string address, string town, string mail, string country, string status) =>
        data.Customers[cuno] = new M3Row
        {
            ["CONO"] = cono, ["DIVI"] = divi, ["CUNO"] = cuno, ["CUNM"] = name, ["CUA1"] = address, ["TOWN"] = town, ["MAIL"] = mail,
            ["CSCD"] = country, ["STAT"] = status, ["CUCD"] = "USD", ["LNCD"] = "GB", ["CUTP"] = "0", ["ORTP"] = "WEB", ["WHLO"] = "100",
            ["MODL"] = "UPS", ["TEDL"] = "FOB", ["TEPY"] = "30", ["PYNO"] = cuno, ["LMDT"] = "20240115", ["RGDT"] = "20240101",
        };

    private static void Item(M3Data data, string cono, string itno, string name, string status, decimal price, decimal stock100, decimal stock200, string? alias)
    {
        data.Items[itno] = new M3Row
        {
            ["CONO"] = cono, ["ITNO"] = itno, ["ITDS"] = name, ["FUDS"] = name, ["STAT"] = status, ["UNMS"] = "EA", ["ITTY"] = "FG",
            ["ITGR"] = "WEB", ["ITCL"] = "", ["RESP"] = "SANDBOX", ["SAPR"] = M3Row.Format(price), ["NEWE"] = "1", ["GRWE"] = "1",
            ["LMDT"] = "20240115", ["CHNO"] = "1", ["RGDT"] = "20240101", ["POPN"] = alias ?? "",
        };
        Balance(data, cono, "100", itno, stock100);
        Balance(data, cono, "200", itno, stock200);
    }

    private static void Balance(M3Data data, string cono, string whlo, string itno, decimal onHand)
    {
        var row = new M3Row { ["CONO"] = cono, ["WHLO"] = whlo, ["ITNO"] = itno, ["WHSL"] = "A-01-01", ["BANO"] = "", ["CAMU"] = "", ["FACI"] = "100" };
        row.Set("STQT", onHand);
        row["ALQT"] = "0";
        data.Balances[M3Data.BalanceKey(whlo, itno)] = row;
    }
}
