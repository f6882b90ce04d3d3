using System.Globalization;
using System.Text.Json.Nodes;
using MapLang.Host.Connectors;
using MapLang.Host.Connectors.M3;
using Microsoft.Extensions.Logging.Abstractions;

namespace MapLang.Host.Tests;

/// <summary>
/// The M3 poll source <c>deliveries.shipped</c> against the sandbox's M3 over HTTP: store orders confirmed in M3 become shipped
/// deliveries as sandbox time passes, and a poll returns each delivery of the wanted order type once, with its lines (CUPO), package
/// and tracking number.
/// </summary>
public sealed class M3DeliveryPollTests : M3SandboxPollTest
{
    private Task<string> DeliveryNumberAsync(string orno) => OrderHeadFieldAsync(orno, "DLIX");

    private void PastDelivered() => Sandbox.Clock.Advance(Sandbox.M3.Options.DeliveredAfter + TimeSpan.FromSeconds(1));

    [Fact]
    public async Task A_shipped_delivery_of_the_wanted_order_type_is_polled_once_with_its_lines_package_and_tracking_number()
    {
        var m3 = NewConnector();
        var start = Now();
        var bigCommerce = await StoreOrderAsync("BCE", "219", ("ABS", "1001"), ("CBA_OTF_1", "1002"));
        var nop = await StoreOrderAsync("NOP", "103", ("ABS", "2001"));

        Sandbox.Clock.Advance(Sandbox.M3.Options.PickingAfter + TimeSpan.FromSeconds(1));
        (await DeliveryNumberAsync(bigCommerce)).ShouldNotBeEmpty("picked: a delivery exists but has not left");
        var picked = await m3.PollAsync(ShippedDeliveries.Operation, start, Only("BCE"), CancellationToken.None);
        picked.Items.ShouldBeEmpty();

        PastDelivered();
        var shipped = await m3.PollAsync(ShippedDeliveries.Operation, picked.Watermark, Only("BCE"), CancellationToken.None);
        var delivery = shipped.Items.ShouldHaveSingleItem();
        Text(delivery, "DLIX").ShouldBe(await DeliveryNumberAsync(bigCommerce));
        (Text(delivery, "RIDN"), Text(delivery, "ORTP"), Text(delivery, "CUOR"), Text(delivery, "PGRS"), Text(delivery, "MODL"))
            .ShouldBe((bigCommerce, "BCE", "219", "90", "UPS"));
        Text(delivery, "ETRN").ShouldStartWith("1Z");
        Text(delivery, "CONN").ShouldNotBe("0");
        Text(delivery, "DSDT").ShouldBe(Sandbox.Clock.UtcNow.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        var lines = delivery!["lines"]!.AsArray();
        lines.Select(l => (Text(l, "ITNO"), Text(l, "CUPO"), Text(l, "TRQT"))).ShouldBe([("ABS", "1001", "1"), ("CBA_OTF_1", "1002", "1")]);
        lines.ShouldAllBe(l => Text(l, "DLIX") == Text(delivery, "DLIX"));
        var package = delivery["packages"]!.AsArray().ShouldHaveSingleItem();
        (Text(package, "PANR"), Text(package, "ETRN"), Text(package, "MODL")).ShouldBe(("", Text(delivery, "ETRN"), "UPS"));

        var again = await m3.PollAsync(ShippedDeliveries.Operation, shipped.Watermark, Only("BCE"), CancellationToken.None);
        again.Items.ShouldBeEmpty("a shipment returned once is not returned again");
        again.More.ShouldBeFalse();

        // Another flow (its own first watermark) on the same connector sees its own order type's delivery.
        var otherFlow = await m3.PollAsync(ShippedDeliveries.Operation, start, Only("NOP"), CancellationToken.None);
        var nopDelivery = otherFlow.Items.ShouldHaveSingleItem();
        (Text(nopDelivery, "RIDN"), Text(nopDelivery, "CUOR"), Text(nopDelivery, "ORTP")).ShouldBe((nop, "103", "NOP"));
        nopDelivery!["lines"]!.AsArray().Select(l => Text(l, "CUPO")).ShouldBe(["2001"]);
        (await m3.PollAsync(ShippedDeliveries.Operation, start, new Dictionary<string, string>(), CancellationToken.None)).Items
            .Select(d => Text(d, "RIDN")).ShouldBe([bigCommerce, nop], ignoreOrder: true);
    }

    [Fact]
    public async Task The_watermark_is_an_ISO_time_that_never_passes_the_newest_departure_date_and_a_restart_rereads_that_day()
    {
        var start = Now();
        var m3 = NewConnector();
        var empty = await m3.PollAsync(ShippedDeliveries.Operation, start, Only("BCE"), CancellationToken.None);
        var (time, lineage) = (empty.Watermark.Split('|')[0], empty.Watermark.Split('|')[1]);
        time.ShouldBe(start, "no shipment yet: the time stays where the flow started");
        lineage.ShouldNotBeEmpty();

        var orno = await StoreOrderAsync("BCE", "220", ("ABS", "1"));
        PastDelivered();
        var shipped = await m3.PollAsync(ShippedDeliveries.Operation, empty.Watermark, Only("BCE"), CancellationToken.None);
        shipped.Items.ShouldHaveSingleItem();
        var departed = DateTime.ParseExact(Text(shipped.Items[0], "DSDT"), "yyyyMMdd", CultureInfo.InvariantCulture);
        var next = DateTime.Parse(shipped.Watermark.Split('|')[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        next.ShouldBeLessThanOrEqualTo(departed.AddDays(1).AddTicks(-1), "never beyond the newest departure date");
        shipped.Watermark.Split('|')[1].ShouldBe(lineage);

        var restarted = await NewConnector().PollAsync(ShippedDeliveries.Operation, shipped.Watermark, Only("BCE"), CancellationToken.None);
        restarted.Items.Select(d => Text(d, "RIDN")).ShouldBe([orno], "a restart forgets what it returned and reads the day again (runs dedupe by DLIX)");
    }

    [Fact]
    public async Task Shipments_are_read_page_by_page_and_a_full_poll_says_more_without_moving_the_watermark()
    {
        var start = Now();
        var ornos = new List<string>();
        for (var i = 0; i < 3; i++) ornos.Add(await StoreOrderAsync("BCE", "30" + i, ("ABS", "1")));
        PastDelivered();

        var paged = await new ShippedDeliveries(Client, NullLogger.Instance, pageSize: 2).PollAsync(start, Only("BCE"), CancellationToken.None);
        paged.Items.Select(d => Text(d, "RIDN")).ShouldBe(ornos, ignoreOrder: true);

        var source = new ShippedDeliveries(Client, NullLogger.Instance, pageSize: 2, maxItems: 2);
        var first = await source.PollAsync(start, Only("BCE"), CancellationToken.None);
        first.Items.Count.ShouldBe(2);
        first.More.ShouldBeTrue();
        first.Watermark.Split('|')[0].ShouldBe(start);
        var second = await source.PollAsync(first.Watermark, Only("BCE"), CancellationToken.None);
        second.More.ShouldBeFalse();
        first.Items.Concat(second.Items).Select(d => Text(d, "RIDN")).ShouldBe(ornos, ignoreOrder: true);
    }

    [Fact]
    public async Task A_delivery_M3_refuses_to_read_is_skipped_and_does_not_hold_up_the_others()
    {
        var start = Now();
        var gone = await StoreOrderAsync("BCE", "401", ("ABS", "1"));
        var kept = await StoreOrderAsync("BCE", "402", ("ABS", "1"));
        PastDelivered();
        await DeliveryNumberAsync(kept);
        lock (Sandbox.M3.Data.Gate) Sandbox.M3.Data.Orders.Remove(gone);

        var m3 = NewConnector();
        var first = await m3.PollAsync(ShippedDeliveries.Operation, start, Only("BCE"), CancellationToken.None);
        first.Items.Select(d => Text(d, "RIDN")).ShouldBe([kept]);
        (await m3.PollAsync(ShippedDeliveries.Operation, first.Watermark, Only("BCE"), CancellationToken.None)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Shipments_that_left_before_the_flow_started_are_not_polled()
    {
        await StoreOrderAsync("BCE", "221", ("ABS", "1"));
        PastDelivered();
        Sandbox.Clock.Advance(TimeSpan.FromMinutes(2));
        (await NewConnector().PollAsync(ShippedDeliveries.Operation, Now(), Only("BCE"), CancellationToken.None)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_deliveries_shipped_is_polled_and_a_misspelt_parameter_is_refused()
    {
        var m3 = NewConnector();
        (await Should.ThrowAsync<PermanentCallException>(() => m3.PollAsync("orders.since", Now(), Only("BCE"), CancellationToken.None)))
            .Message.ShouldContain(ShippedDeliveries.Operation);
        (await Should.ThrowAsync<PermanentCallException>(() => m3.PollAsync(ShippedDeliveries.Operation, Now(), new Dictionary<string, string> { ["ORTY"] = "BCE" }, CancellationToken.None)))
            .Message.ShouldContain("ORTY");
        await Should.ThrowAsync<PermanentCallException>(() => m3.PollAsync(ShippedDeliveries.Operation, "yesterday", Only("BCE"), CancellationToken.None));
    }
}
