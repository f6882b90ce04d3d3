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
        new("BigCommerce", "bigcommerce/examples/order.example.json", "", "Order", true),
        new("BigCommerce", "bigcommerce/examples/orders.list.example.json", "", "Order", true),
        new("BigCommerce", "bigcommerce/examples/order-products.list.example.json", "", "OrderProduct", true),
        new("BigCommerce", "bigcommerce/examples/order-shipping-addresses.list.example.json", "", "OrderShippingAddress", true),
        new("BigCommerce", "bigcommerce/examples/order-shipment.example.json", "", "OrderShipment", true),
        new("BigCommerce", "bigcommerce/examples/product.example.json", "/data", "Product", true),
        new("BigCommerce", "bigcommerce/examples/product-variants.list.example.json", "/data", "ProductVariant", true),
        new("BigCommerce", "bigcommerce/examples/customers.list.example.json", "/data", "Customer", true),
        new("BigCommerce", "bigcommerce/examples/inventory.adjustment.absolute.request.json", "", "InventoryAdjustmentAbsolute", true),
        new("BigCommerce", "bigcommerce/examples/inventory.adjustment.relative.request.json", "", "InventoryAdjustmentRelative", true),
        new("BigCommerce", "bigcommerce/examples/webhook.order.created.json", "", "WebhookEvent", true),
        new("BigCommerce", "bigcommerce/examples/webhook.order.statusUpdated.json", "", "WebhookEvent", true),
        new("BigCommerce", "bigcommerce/examples/webhook.product.inventory.updated.json", "", "WebhookEvent", true),
        new("BigCommerce", "bigcommerce/examples/webhook.sku.inventory.order.updated.json", "", "WebhookEvent", true),
        new("BigCommerce", "bigcommerce/examples/webhook.shipment.created.json", "", "WebhookEvent", true),
        new("NopCommerce", "nopcommerce/examples/plugin-api.orders.by-customer.example.json", "/orders", "Order", false),
        new("NopCommerce", "nopcommerce/examples/plugin-api.product.example.json", "/products", "Product", false),
        new("NopCommerce", "nopcommerce/examples/plugin-api.customer.example.json", "/customers", "Customer", false),
        new("Amazon", "amazon/examples/orders-v0.getOrder.response.example.json", "/payload", "Order", true),
        new("Amazon", "amazon/examples/orders-v0.getOrder.sandbox.1-TEST-CASE-200.response.json", "/payload", "Order", true),
        new("Amazon", "amazon/examples/orders-v0.getOrders.sandbox.1-TEST-CASE-200.response.json", "/payload/Orders", "Order", true),
        new("Amazon", "amazon/examples/orders-v0.getOrderItems.response.example.json", "/payload/OrderItems", "OrderItem", true),
        new("Amazon", "amazon/examples/orders-v0.getOrderAddress.response.example.json", "/payload", "OrderAddress", true),
        new("Amazon", "amazon/examples/orders-v0.getOrderBuyerInfo.response.example.json", "/payload", "OrderBuyerInfo", true),
        new("Amazon", "amazon/examples/orders-v0.confirmShipment.sandbox.1.request.json", "", "ConfirmShipmentRequest", true),
        new("Amazon", "amazon/examples/orders-2026.getOrder.response.example.json", "/order", "Order2026", true),
        new("Amazon", "amazon/examples/listings.getListingsItem.response.example.json", "", "ListingsItem", true),
        new("Amazon", "amazon/examples/listings.patchListingsItem.response.example.json", "", "ListingsItemSubmissionResponse", true),
        new("Amazon", "amazon/examples/feeds.getFeed.sandbox.1.response.json", "", "Feed", true),
        new("Amazon", "amazon/examples/notification.ORDER_CHANGE.json", "", "OrderChangeNotification", true),
        new("Amazon", "amazon/examples/notification.LISTINGS_ITEM_MFN_QUANTITY_CHANGE.json", "", "ListingsItemMfnQuantityChangeNotification", true),
        new("Amazon", "amazon/examples/notification.FEED_PROCESSING_FINISHED.1.json", "", "FeedProcessingFinishedNotification", true),
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
        ["nopcommerce/examples/plugin-api.customer.example.json/customers -> NopCommerce.Customer"] =
        [
            "$[0].shopping_cart_items: not a field of Customer",
            "$[0].billing_address: not a field of Customer",
            "$[0].shipping_address: not a field of Customer",
            "$[0].addresses: not a field of Customer",
            "$[0].id: expected int, found a string \"1\"",
            "$[0].first_name: not a field of Customer",
            "$[0].last_name: not a field of Customer",
            "$[0].role_ids: not a field of Customer",
        ],
        ["nopcommerce/examples/plugin-api.product.example.json/products -> NopCommerce.Product"] =
        [
            "$[0].id: expected int, found a string \"2\"",
            "$[0].show_on_home_page: not a field of Product",
            "$[0].special_price: not a field of Product",
            "$[0].special_price_start_date_time_utc: not a field of Product",
            "$[0].special_price_end_date_time_utc: not a field of Product",
            "$[0].product_type: not a field of Product",
            "$[0].role_ids: not a field of Product",
            "$[0].discount_ids: not a field of Product",
            "$[0].store_ids: not a field of Product",
            "$[0].manufacturer_ids: not a field of Product",
            "$[0].images: not a field of Product",
            "$[0].tags: not a field of Product",
            "$[0].se_name: not a field of Product",
        ],
        ["bigcommerce/examples/orders.list.example.json -> BigCommerce.Order"] =
        [
            "$[0].credit_card_type: not a field of Order",
            "$[0].custom_status: not a field of Order",
        ],
        // The v2 orders spec does not declare credit_card_type and custom_status, which real orders carry.
        ["bigcommerce/examples/order.example.json -> BigCommerce.Order"] =
        [
            "$.credit_card_type: not a field of Order",
            "$.custom_status: not a field of Order",
        ],
        // nopCommerce samples come from the older open API plugin (SevenSpikes), not the official Web API the schema is built from:
        // ids are strings there, and addresses, items and status names are embedded.
        ["nopcommerce/examples/plugin-api.orders.by-customer.example.json/orders -> NopCommerce.Order"] =
        [
            "$[0].id: expected int, found a string \"5\"",
            "$[0].pick_up_in_store: not a field of Order",
            "$[0].reward_points_were_added: not a field of Order",
            "$[0].customer: not a field of Order",
            "$[0].billing_address: not a field of Order",
            "$[0].shipping_address: not a field of Order",
            "$[0].order_items: not a field of Order",
            "$[0].order_status: not a field of Order",
            "$[0].payment_status: not a field of Order",
            "$[0].shipping_status: not a field of Order",
            "$[0].customer_tax_display_type: not a field of Order",
        ],
        // The v3 customers spec does not declare shopper_profile_id and segment_ids, which real customers carry.
        ["bigcommerce/examples/customers.list.example.json/data -> BigCommerce.Customer"] =
        [
            "$[0].shopper_profile_id: not a field of Customer",
            "$[0].segment_ids: not a field of Customer",
        ],
        // The catalog spec types map_price as a number; real variants carry an object there.
        ["bigcommerce/examples/product-variants.list.example.json/data -> BigCommerce.ProductVariant"] =
        [
            "$[0].map_price: expected decimal, found an object",
            "$[1].map_price: expected decimal, found an object",
            "$[2].map_price: expected decimal, found an object",
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
        if (Environment.GetEnvironmentVariable("MAPLANG_DUMP_FINDINGS") is { Length: > 0 } dump)
            File.AppendAllText(dump, $"== {caseName}\n" + string.Join("\n", mismatches) + "\n");
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
