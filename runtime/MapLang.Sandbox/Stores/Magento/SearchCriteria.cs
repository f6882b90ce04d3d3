using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.Magento;

/// <summary>
/// Magento's <c>searchCriteria[filter_groups][g][filters][f][field|value|condition_type]</c>, <c>[pageSize]</c>, <c>[currentPage]</c>,
/// <c>[sortOrders][n][field|direction]</c>. Filters in a group are OR-ed, groups AND-ed; conditions eq, neq, gt, gteq, lt, lteq,
/// like (% wildcard), nlike, in, nin, null, notnull, from, to, finset.
/// </summary>
internal sealed partial class SearchCriteria
{
    public sealed record Filter(string Field, string Value, string Condition);

    public List<List<Filter>> Groups { get; } = [];
    public List<(string Field, bool Descending)> Sort { get; } = [];
    public int? PageSize { get; private set; }
    public int? CurrentPage { get; private set; }

    [GeneratedRegex(@"^searchCriteria\[filter_groups\]\[(\d+)\]\[filters\]\[(\d+)\]\[(field|value|condition_type)\]$")]
    private static partial Regex FilterKey();

    [GeneratedRegex(@"^searchCriteria\[sortOrders\]\[(\d+)\]\[(field|direction)\]$")]
    private static partial Regex SortKey();

    public static SearchCriteria Parse(IQueryCollection query)
    {
        var c = new SearchCriteria();
        var filters = new SortedDictionary<int, SortedDictionary<int, Dictionary<string, string>>>();
        var sorts = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (key, value) in query)
        {
            if (FilterKey().Match(key) is { Success: true } m)
            {
                var g = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                var f = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                if (!filters.TryGetValue(g, out var group)) filters[g] = group = [];
                if (!group.TryGetValue(f, out var filter)) group[f] = filter = [];
                filter[m.Groups[3].Value] = value.ToString();
            }
            else if (SortKey().Match(key) is { Success: true } s)
            {
                var n = int.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture);
                if (!sorts.TryGetValue(n, out var sort)) sorts[n] = sort = [];
                sort[s.Groups[2].Value] = value.ToString();
            }
            else if (key == "searchCriteria[pageSize]" && int.TryParse(value, CultureInfo.InvariantCulture, out var ps)) c.PageSize = ps;
            else if (key == "searchCriteria[currentPage]" && int.TryParse(value, CultureInfo.InvariantCulture, out var cp)) c.CurrentPage = cp;
        }
        foreach (var group in filters.Values)
            c.Groups.Add(group.Values.Select(f => new Filter(f.GetValueOrDefault("field", ""), f.GetValueOrDefault("value", ""), f.GetValueOrDefault("condition_type", "eq"))).ToList());
        foreach (var sort in sorts.Values)
            c.Sort.Add((sort.GetValueOrDefault("field", ""), string.Equals(sort.GetValueOrDefault("direction"), "DESC", StringComparison.OrdinalIgnoreCase)));
        return c;
    }

    public bool Matches(JsonObject entity) => Groups.All(group => group.Any(f => Matches(entity, f)));

    private static bool Matches(JsonObject entity, Filter f)
    {
        var node = entity[f.Field];
        var actual = node is JsonValue v ? v.ToString() : node?.ToJsonString();
        switch (f.Condition)
        {
            case "null": return actual is null;
            case "notnull": return actual is not null;
        }
        if (actual is null) return false;
        var cmp = Compare(actual, f.Value);
        return f.Condition switch
        {
            "eq" => cmp == 0,
            "neq" => cmp != 0,
            "gt" => cmp > 0,
            "gteq" or "from" or "moreq" => cmp >= 0,
            "lt" => cmp < 0,
            "lteq" or "to" => cmp <= 0,
            "like" => Like(actual, f.Value),
            "nlike" => !Like(actual, f.Value),
            "in" => f.Value.Split(',').Any(x => Compare(actual, x.Trim()) == 0),
            "nin" => !f.Value.Split(',').Any(x => Compare(actual, x.Trim()) == 0),
            "finset" => actual.Split(',').Contains(f.Value),
            _ => false,
        };
    }

    internal static int Compare(string a, string b) =>
        decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.Compare(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool Like(string value, string pattern) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.Singleline);

    /// <summary>Applies filters, sort and paging; returns the page and the total before paging.</summary>
    public (List<JsonObject> Page, int Total) Apply(IEnumerable<JsonObject> source)
    {
        var hits = source.Where(Matches).ToList();
        foreach (var (field, desc) in Enumerable.Reverse(Sort))
            hits = (desc ? hits.OrderByDescending(h => Key(h, field), Comparer<string>.Create(Compare)) : hits.OrderBy(h => Key(h, field), Comparer<string>.Create(Compare))).ToList();
        var total = hits.Count;
        if (PageSize is { } size and > 0) hits = hits.Skip(((CurrentPage ?? 1) - 1) * size).Take(size).ToList();
        return (hits, total);
    }

    private static string Key(JsonObject o, string field) => o[field] is JsonValue v ? v.ToString() : "";

    /// <summary>The <c>search_criteria</c> echo of a list reply.</summary>
    public JsonObject Echo()
    {
        var groups = new JsonArray();
        foreach (var g in Groups)
            groups.Add(new JsonObject
            {
                ["filters"] = new JsonArray(g.Select(f => (JsonNode)new JsonObject { ["field"] = f.Field, ["value"] = f.Value, ["condition_type"] = f.Condition }).ToArray()),
            });
        var echo = new JsonObject { ["filter_groups"] = groups };
        if (Sort.Count > 0)
            echo["sort_orders"] = new JsonArray(Sort.Select(s => (JsonNode)new JsonObject { ["field"] = s.Field, ["direction"] = s.Descending ? "DESC" : "ASC" }).ToArray());
        if (PageSize is { } p) echo["page_size"] = p;
        if (CurrentPage is { } c) echo["current_page"] = c;
        return echo;
    }
}
