using System.Text.Json;
using MapLang.Schemas.Loading;
using MapLang.Schemas.Validation;

namespace MapLang.Schemas.Tests;

/// <summary>
/// Every example payload under reference/*/examples that holds a schema entity reads into that entity. Where a real payload
/// disagrees with its own spec, the mismatch is pinned here as a known finding (and listed in docs/connectors.md): the test
/// fails both when a new mismatch appears and when a pinned one disappears.
/// </summary>
public class ExamplePayloadTests
{
    /// <param name="Pointer">JSON pointer to the entity inside the file; an array there holds one entity per item.</param>
    /// <param name="Required">Check that required fields are present (responses; not partial request bodies).</param>
    public sealed record Case(string System, string File, string Pointer, string Entity, bool Required)
    {
        public override string ToString() => $"{File}{Pointer} -> {System}.{Entity}";
    }

    public static readonly Case[] Cases =
    [
        new("Magento", "magento/examples/order.example.json", "", "Order", true),
        new("Magento", "magento/examples/customer.create.response.json", "", "Customer", true),
        new("Magento", "magento/examples/customer.create.request.json", "/customer", "Customer", false),
        new("Magento", "magento/examples/customer.example.json", "/customers/customer", "Customer", false),
        new("Magento", "magento/examples/customer.example.json", "/customers/addresses", "CustomerAddress", false),
        new("Magento", "magento/examples/product.create.request.json", "/product", "Product", false),
        new("Magento", "magento/examples/product.create.response.json", "", "Product", true),
        new("Magento", "magento/examples/inventory.source-items.save.request.json", "/sourceItems", "SourceItem", true),
        new("Magento", "magento/examples/inventory.source-items.list.example.json", "/items", "SourceItem", true),
        new("Magento", "magento/examples/shipment.create.request.json", "/tracks", "ShipmentTrack", false),
    ];

    /// <summary>Mismatches between real payloads and their own specs (see docs/connectors.md, "Findings").</summary>
    public static readonly Dictionary<string, string[]> KnownFindings = new()
    {
        // Adobe's tutorial request bodies use camelCase keys; Magento's REST input processor accepts them, its schema names snake_case.
        ["magento/examples/customer.create.request.json/customer -> Magento.Customer"] =
        [
            "$.addresses[0].defaultShipping: not a field of CustomerAddress",
            "$.addresses[0].defaultBilling: not a field of CustomerAddress",
            "$.addresses[0].region.regionCode: not a field of CustomerRegion",
            "$.addresses[0].region.regionId: not a field of CustomerRegion",
            "$.addresses[0].countryId: not a field of CustomerAddress",
        ],
        ["magento/examples/customer.example.json/customers/addresses -> Magento.CustomerAddress"] =
        [
            "$[0].defaultShipping: not a field of CustomerAddress",
            "$[0].defaultBilling: not a field of CustomerAddress",
            "$[0].region.regionCode: not a field of CustomerRegion",
            "$[0].region.regionId: not a field of CustomerRegion",
            "$[0].countryId: not a field of CustomerAddress",
        ],
        // The schema lists these as required (the PHP getter promises a non-null value); the real order has null.
        ["magento/examples/order.example.json -> Magento.Order"] =
        [
            "$.payment.account_status: null, but OrderPayment.account_status is not nullable",
            "$.payment.cc_last4: null, but OrderPayment.cc_last4 is not nullable",
        ],
        ["magento/examples/product.create.response.json -> Magento.Product"] =
        [
            "$.extension_attributes.stock_item.low_stock_date: null, but StockItem.low_stock_date is not nullable",
            "$.custom_attributes[2].value: expected string, found an array",
        ],
        // Numbers sent as strings: Magento's input processor converts them; the schema says number.
        ["magento/examples/product.create.request.json/product -> Magento.Product"] =
        [
            "$.weight: expected decimal, found a string \"0.5\"",
            "$.extension_attributes.stock_item.qty: expected decimal, found a string \"10\"",
        ],
    };

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Example_payload_reads_into_its_entity(string caseName)
    {
        var c = Cases.Single(x => x.ToString() == caseName);
        var mismatches = Check(c);
        mismatches.ShouldBe(KnownFindings.GetValueOrDefault(caseName, []), ignoreOrder: true);
    }

    [Fact]
    public void Every_pinned_finding_belongs_to_a_case()
    {
        KnownFindings.Keys.ShouldBeSubsetOf(Cases.Select(c => c.ToString()));
    }

    internal static string[] Check(Case c)
    {
        var system = SchemaLoader.LoadStdlib().FindSystem(c.System).ShouldNotBeNull();
        var entity = system.FindEntity(c.Entity).ShouldNotBeNull();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Reference, c.File)));
        var node = doc.RootElement;
        foreach (var part in c.Pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node.ValueKind == JsonValueKind.Array ? node[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)] : node.GetProperty(part);
        var items = node.ValueKind == JsonValueKind.Array ? node.EnumerateArray().ToArray() : [node];
        items.ShouldNotBeEmpty();
        return items.SelectMany((item, i) => PayloadChecker.Check(item, entity, system, c.Required)
                .Select(m => node.ValueKind == JsonValueKind.Array ? $"$[{i}]{m.ToString()[1..]}" : m.ToString()))
            .ToArray();
    }
}
