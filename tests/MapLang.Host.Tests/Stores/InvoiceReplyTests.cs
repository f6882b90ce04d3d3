using System.Globalization;
using System.Text.Json.Nodes;
using MapLang.Host.Connectors;

namespace MapLang.Host.Tests.Stores;

/// <summary>
/// Magento's <c>order.invoice</c> reply with the body invoices.map produces (the outbox may send it twice): exactly one invoice with
/// the comment naming the M3 invoice, every item invoiced; a later invoice of an order already fully invoiced sends nothing.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class InvoiceReplyTests(StoresFixture f)
{
    private IConnector Magento => ((ConnectorRegistry)f.Host.Services.GetService(typeof(ConnectorRegistry))!).Get("magento");

    private static JsonObject Body(string ivno) => new()
    {
        ["capture"] = true, ["notify"] = true, ["appendComment"] = false,
        ["comment"] = new JsonObject { ["comment"] = $"M3 invoice {ivno}", ["is_visible_on_front"] = 0 },
    };

    /// <summary>A new Magento order of two items (2 and 1), its entity_id, and that id as the reply's order id.</summary>
    private (JsonObject Order, int EntityId, string Id) Place()
    {
        var skus = StoresProject.Skus;
        var placed = f.Sandbox.Magento.AddOrder("jdoe@example.com", [(skus[0], 2m, 10m), (skus[1], 1m, 5m)]);
        var entityId = placed["entity_id"]!.GetValue<int>();
        return (placed, entityId, entityId.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Magento_invoices_an_order_once_with_the_comment_naming_the_M3_invoice()
    {
        var (_, entityId, id) = Place();
        f.Sandbox.Magento.InvoicesOf(entityId).ShouldBeEmpty();

        await Magento.ReplyAsync("order.invoice", id, Body("1000000007"), CancellationToken.None);
        await Magento.ReplyAsync("order.invoice", id, Body("1000000007"), CancellationToken.None);

        var invoice = f.Sandbox.Magento.InvoicesOf(entityId).ShouldHaveSingleItem();
        invoice["capture"]!.GetValue<bool>().ShouldBeTrue();
        invoice["comments"]!.AsArray().Select(c => c!["comment"]!.GetValue<string>()).ShouldBe(["M3 invoice 1000000007"]);
        var order = f.Sandbox.Magento.Order(entityId)!;
        order["items"]!.AsArray().ShouldAllBe(i => i!["qty_invoiced"]!.GetValue<decimal>() == i["qty_ordered"]!.GetValue<decimal>());

        // Another M3 invoice of an order with nothing left to invoice: Magento would refuse it; the reply sends nothing.
        await Magento.ReplyAsync("order.invoice", id, Body("1000000008"), CancellationToken.None);
        f.Sandbox.Magento.InvoicesOf(entityId).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Magento_invoices_part_of_an_order_once_and_the_rest_with_another_M3_invoice()
    {
        var (placed, entityId, id) = Place();
        var (first, second) = (placed["items"]![0]!["item_id"]!.GetValue<int>(), placed["items"]![1]!["item_id"]!.GetValue<int>());
        var part = Body("1000000011");
        part["items"] = new JsonArray(new JsonObject { ["order_item_id"] = first, ["qty"] = 2m });

        await Magento.ReplyAsync("order.invoice", id, (JsonObject)part.DeepClone(), CancellationToken.None);
        await Magento.ReplyAsync("order.invoice", id, (JsonObject)part.DeepClone(), CancellationToken.None);
        f.Sandbox.Magento.InvoicesOf(entityId).Count.ShouldBe(1, "the order is not fully invoiced, but an invoice already names M3 invoice 1000000011");
        f.Sandbox.Magento.Order(entityId)!["items"]!.AsArray().Select(i => i!["qty_invoiced"]!.GetValue<decimal>()).ShouldBe([2m, 0m]);

        await Magento.ReplyAsync("order.invoice", id, Body("1000000012"), CancellationToken.None);
        var invoices = f.Sandbox.Magento.InvoicesOf(entityId);
        invoices.Select(v => v["comments"]![0]!["comment"]!.GetValue<string>()).ShouldBe(["M3 invoice 1000000011", "M3 invoice 1000000012"]);
        f.Sandbox.Magento.Order(entityId)!["items"]!.AsArray().Select(i => i!["item_id"]!.GetValue<int>() == second ? i["qty_invoiced"]!.GetValue<decimal>() : -1m)
            .ShouldContain(1m);
    }

    [Fact]
    public async Task Magento_has_no_reply_it_does_not_know()
    {
        var error = await Should.ThrowAsync<PermanentCallException>(() => Magento.ReplyAsync("order.invoices", "1", Body("1"), CancellationToken.None));
        error.Message.ShouldContain("order.invoice");
    }
}
