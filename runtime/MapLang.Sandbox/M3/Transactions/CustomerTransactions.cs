using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Engine;

namespace MapLang.Sandbox.M3.Transactions;

/// <summary>
/// CRS610MI — customers. A customer keeps its change date LMDT as the customer master does: Add sets it, ChgBasicData sets the fields
/// given, then LMDT is today — but only when a value changed. GetBasicData answers LMDT; LstByNumber does not.
/// </summary>
internal static class CustomerTransactions
{
    // Fields Add/ChgBasicData may set on the customer record.
    private static readonly string[] Writable =
    [
        "LNCD", "CUNM", "CUA1", "CUA2", "CUA3", "CUA4", "PONO", "PHNO", "PHN2", "TFNO", "CUTP", "ALCU", "YREF", "YRE2", "MAIL",
        "CSCD", "ECAR", "CFC1", "CFC2", "CFC3", "CFC4", "CFC5", "CFC6", "CFC7", "CFC8", "CFC9", "CFC0", "CESA", "STAT", "TOWN",
        "CUSU", "FRCO", "EDES", "EALO", "RASN", "SPLE", "IVGP", "LSID", "LSAD", "MEAL", "HAFE", "GEOC",
    ];

    // Values a new customer takes from the template (CUTM) unless given.
    private static readonly string[] FromTemplate =
        ["CUTP", "CUCD", "LNCD", "CSCD", "TEPY", "PYCD", "ORTP", "MODL", "TEDL", "WHLO", "CUCL", "SMCD", "VTCD", "STAT"];

    public static void Register(M3TransactionRegistry r)
    {
        r.Add("CRS610MI", "Add", Add);
        r.Add("CRS610MI", "GetBasicData", c => [c.Customer()]);
        r.Add("CRS610MI", "LstByNumber", LstByNumber);
        r.Add("CRS610MI", "SearchCustomer", Search);
        r.Add("CRS610MI", "ChgBasicData", Change);
    }

    private static IEnumerable<M3Row> Add(M3Context c)
    {
        var template = c.Data.Customers.TryGetValue(c.In("CUTM"), out var t) ? t : throw M3Messages.DoesNotExist("CUTM", "Template customer", c.In("CUTM"));
        var cuno = c.In("CUNO");
        if (cuno.Length > 0 && c.Data.Customers.ContainsKey(cuno)) throw M3Messages.RecordAlreadyExists("CUNO");
        if (c.Has("STAT") && c.In("STAT") is not ("10" or "20" or "90")) throw M3Messages.Fail("WST0301", "STAT", c.In("STAT"));
        if (cuno.Length == 0)
        {
            do cuno = (++c.Data.Numbers.Customer).ToString("0000000000", System.Globalization.CultureInfo.InvariantCulture);
            while (c.Data.Customers.ContainsKey(cuno));
        }
        var row = c.Standard(new M3Row { ["CUNO"] = cuno });
        foreach (var f in FromTemplate) if (template.Get(f).Length > 0) row[f] = template.Get(f);
        row["STAT"] = "20";
        foreach (var f in Writable) if (c.Has(f)) row[f] = c.In(f);
        row["RGDT"] = c.Today;
        row["LMDT"] = c.Today;
        c.Data.Customers[cuno] = row;
        return [new M3Row { ["CUNO"] = cuno, ["ERRM"] = "" }];
    }

    private static IEnumerable<M3Row> LstByNumber(M3Context c)
    {
        var from = c.In("CUNO");
        return c.Data.Customers.Values.Where(x => string.CompareOrdinal(x.Get("CUNO"), from) >= 0).OrderBy(x => x.Get("CUNO"), StringComparer.Ordinal);
    }

    private static IEnumerable<M3Row> Change(M3Context c)
    {
        var row = c.Customer();
        if (c.Has("STAT") && c.In("STAT") is not ("10" or "20" or "90")) throw M3Messages.Fail("WST0301", "STAT", c.In("STAT"));
        var changed = false;
        foreach (var f in Writable.Where(c.Has))
        {
            changed |= row.Get(f) != c.In(f);
            row[f] = c.In(f);
        }
        if (changed) row["LMDT"] = c.Today;
        return [new M3Row { ["CUNO"] = row.Get("CUNO") }];
    }

    /// <summary>
    /// SQRY is M3's search-engine query. The sandbox understands terms "FIELD:value" (value may end in *) joined by spaces or AND,
    /// and bare words matched against CUNO, CUNM and MAIL (case-insensitive).
    /// </summary>
    private static IEnumerable<M3Row> Search(M3Context c)
    {
        var terms = c.In("SQRY").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !t.Equals("AND", StringComparison.OrdinalIgnoreCase)).ToList();
        return c.Data.Customers.Values.Where(row => terms.All(term => Matches(row, term))).OrderBy(x => x.Get("CUNO"), StringComparer.Ordinal);
    }

    private static bool Matches(M3Row row, string term)
    {
        var colon = term.IndexOf(':');
        if (colon > 0)
            return Like(row.Get(term[..colon].ToUpperInvariant()), term[(colon + 1)..].Trim('"'));
        return new[] { "CUNO", "CUNM", "MAIL" }.Any(f => row.Get(f).Contains(term.Trim('*', '"'), StringComparison.OrdinalIgnoreCase));
    }

    private static bool Like(string value, string pattern) => pattern.EndsWith('*')
        ? value.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
        : value.Equals(pattern, StringComparison.OrdinalIgnoreCase);
}
