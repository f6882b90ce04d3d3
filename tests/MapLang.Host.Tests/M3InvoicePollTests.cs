using System.Globalization;
using MapLang.Host.Connectors;
using MapLang.Host.Connectors.M3;
using Microsoft.Extensions.Logging.Abstractions;

namespace MapLang.Host.Tests;

/// <summary>
/// The M3 poll source <c>invoices.issued</c> against the sandbox's M3 over HTTP: store orders confirmed in M3 are invoiced as sandbox
/// time passes, and a poll returns each invoice of the wanted order type once, with its order's ORNO, CUOR and ORTP and its lines.
/// </summary>
public sealed class M3InvoicePollTests : M3SandboxPollTest
{
    private void PastInvoiced() => Sandbox.Clock.Advance(Sandbox.M3.Options.InvoicedAfter + TimeSpan.FromSeconds(1));

    /// <summary>The invoice number of the order's invoice (OIS350MI.LstInvHeadByCo), "" before it is invoiced.</summary>
    private async Task<string> InvoiceNumberAsync(string orno) =>
        (await Client.ExecuteAsync("OIS350MI", "LstInvHeadByCo", new Dictionary<string, string> { ["ORNO"] = orno }, false, 0, CancellationToken.None)).First("IVNO") ?? "";

    private string Today() => Sandbox.Clock.UtcNow.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_invoice_of_the_wanted_order_type_is_polled_once_with_its_order_and_lines()
    {
        var m3 = NewConnector();
        var start = Now();
        var magento = await StoreOrderAsync("WEB", "000000007", ("ABS", "11"), ("CBA_OTF_1", "12"));
        var nop = await StoreOrderAsync("NOP", "103", ("ABS", "21"));

        PastDeliveredOnly();
        (await InvoiceNumberAsync(magento)).ShouldBeEmpty("delivered, not invoiced yet");
        var delivered = await m3.PollAsync(IssuedInvoices.Operation, start, Only("WEB"), CancellationToken.None);
        delivered.Items.ShouldBeEmpty("nothing is invoiced yet");

        PastInvoiced();
        var ivno = await InvoiceNumberAsync(magento);
        ivno.ShouldNotBeEmpty();
        var invoiced = await m3.PollAsync(IssuedInvoices.Operation, delivered.Watermark, Only("WEB"), CancellationToken.None);
        var invoice = invoiced.Items.ShouldHaveSingleItem();
        (Text(invoice, "IVNO"), Text(invoice, "ORNO"), Text(invoice, "CUOR"), Text(invoice, "ORTP"), Text(invoice, "CUNO"))
            .ShouldBe((ivno, magento, "000000007", "WEB", "10001"));
        var year = Sandbox.Clock.UtcNow.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture);
        (Text(invoice, "YEA4"), Text(invoice, "invoice"), Text(invoice, "IDAT")).ShouldBe((year, $"{year}-{ivno}", Today()));
        decimal.Parse(Text(invoice, "AMT1"), CultureInfo.InvariantCulture).ShouldBeGreaterThan(0m);
        var line = invoice!["lines"]!.AsArray().ShouldHaveSingleItem();
        (Text(line, "ORNO"), Text(line, "IVNO"), Text(line, "AMT1")).ShouldBe((magento, ivno, Text(invoice, "AMT1")));
        Text(line, "DLIX").ShouldBe(await OrderHeadFieldAsync(magento, "DLIX"));

        var again = await m3.PollAsync(IssuedInvoices.Operation, invoiced.Watermark, Only("WEB"), CancellationToken.None);
        again.Items.ShouldBeEmpty("an invoice returned once is not returned again");
        again.More.ShouldBeFalse();

        // Another flow (its own first watermark) on the same connector sees its own order type's invoice; without ORTP, both.
        var otherFlow = await m3.PollAsync(IssuedInvoices.Operation, start, Only("NOP"), CancellationToken.None);
        var nopInvoice = otherFlow.Items.ShouldHaveSingleItem();
        (Text(nopInvoice, "ORNO"), Text(nopInvoice, "CUOR"), Text(nopInvoice, "ORTP")).ShouldBe((nop, "103", "NOP"));
        (await m3.PollAsync(IssuedInvoices.Operation, start, new Dictionary<string, string>(), CancellationToken.None)).Items
            .Select(i => Text(i, "ORNO")).ShouldBe([magento, nop], ignoreOrder: true);
    }

    private void PastDeliveredOnly() => Sandbox.Clock.Advance(Sandbox.M3.Options.DeliveredAfter + TimeSpan.FromSeconds(1));

    [Fact]
    public async Task The_watermark_moves_to_the_newest_invoice_date_a_later_invoice_still_comes_and_a_restart_rereads_that_day()
    {
        var start = Now();
        var m3 = NewConnector();
        var empty = await m3.PollAsync(IssuedInvoices.Operation, start, Only("WEB"), CancellationToken.None);
        var (time, lineage) = (empty.Watermark.Split('|')[0], empty.Watermark.Split('|')[1]);
        time.ShouldBe(start, "no invoice yet: the time stays where the flow started");
        lineage.ShouldNotBeEmpty();

        var first = await StoreOrderAsync("WEB", "801", ("ABS", "1"));
        PastInvoiced();
        var one = await m3.PollAsync(IssuedInvoices.Operation, empty.Watermark, Only("WEB"), CancellationToken.None);
        one.Items.Select(i => Text(i, "ORNO")).ShouldBe([first]);
        var invoiceDate = DateTime.ParseExact(Text(one.Items[0], "IDAT"), "yyyyMMdd", CultureInfo.InvariantCulture);
        var next = DateTime.Parse(one.Watermark.Split('|')[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        next.ShouldBeLessThanOrEqualTo(invoiceDate.AddDays(1).AddTicks(-1), "never beyond the newest invoice date");
        one.Watermark.Split('|')[1].ShouldBe(lineage);

        // A later invoice of the same year (a higher IVNO) comes on the next poll, the first one not again.
        var second = await StoreOrderAsync("WEB", "802", ("ABS", "1"));
        PastInvoiced();
        var two = await m3.PollAsync(IssuedInvoices.Operation, one.Watermark, Only("WEB"), CancellationToken.None);
        two.Items.Select(i => Text(i, "ORNO")).ShouldBe([second]);

        var restarted = await NewConnector().PollAsync(IssuedInvoices.Operation, two.Watermark, Only("WEB"), CancellationToken.None);
        restarted.Items.Select(i => Text(i, "ORNO")).ShouldContain(second, "a restart forgets what it returned and reads the day again (runs dedupe by IVNO)");
    }

    [Fact]
    public async Task Invoices_are_read_page_by_page_and_a_full_poll_says_more_without_moving_the_watermark()
    {
        var start = Now();
        var ornos = new List<string>();
        for (var i = 0; i < 3; i++) ornos.Add(await StoreOrderAsync("WEB", "90" + i, ("ABS", "1")));
        PastInvoiced();

        var paged = await new IssuedInvoices(Client, NullLogger.Instance, pageSize: 2).PollAsync(start, Only("WEB"), CancellationToken.None);
        paged.Items.Select(i => Text(i, "ORNO")).ShouldBe(ornos, ignoreOrder: true);

        var source = new IssuedInvoices(Client, NullLogger.Instance, pageSize: 2, maxItems: 2);
        var first = await source.PollAsync(start, Only("WEB"), CancellationToken.None);
        first.Items.Count.ShouldBe(2);
        first.More.ShouldBeTrue();
        first.Watermark.Split('|')[0].ShouldBe(start);
        var second = await source.PollAsync(first.Watermark, Only("WEB"), CancellationToken.None);
        second.More.ShouldBeFalse();
        first.Items.Concat(second.Items).Select(i => Text(i, "ORNO")).ShouldBe(ornos, ignoreOrder: true);
    }

    [Fact]
    public async Task An_invoice_whose_order_M3_refuses_to_read_is_skipped_and_does_not_hold_up_the_others()
    {
        var start = Now();
        var gone = await StoreOrderAsync("WEB", "701", ("ABS", "1"));
        var kept = await StoreOrderAsync("WEB", "702", ("ABS", "1"));
        PastInvoiced();
        await InvoiceNumberAsync(kept);
        lock (Sandbox.M3.Data.Gate) Sandbox.M3.Data.Orders.Remove(gone);

        var m3 = NewConnector();
        var first = await m3.PollAsync(IssuedInvoices.Operation, start, Only("WEB"), CancellationToken.None);
        first.Items.Select(i => Text(i, "ORNO")).ShouldBe([kept]);
        (await m3.PollAsync(IssuedInvoices.Operation, first.Watermark, Only("WEB"), CancellationToken.None)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoices_dated_before_the_flow_started_are_not_polled()
    {
        var orno = await StoreOrderAsync("WEB", "601", ("ABS", "1"));
        PastInvoiced();
        (await InvoiceNumberAsync(orno)).ShouldNotBeEmpty();
        Sandbox.Clock.Advance(TimeSpan.FromDays(1));
        (await NewConnector().PollAsync(IssuedInvoices.Operation, Now(), Only("WEB"), CancellationToken.None)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoices_issued_is_polled_and_a_misspelt_parameter_is_refused()
    {
        var m3 = NewConnector();
        (await Should.ThrowAsync<PermanentCallException>(() => m3.PollAsync("invoices.since", Now(), Only("WEB"), CancellationToken.None)))
            .Message.ShouldContain(IssuedInvoices.Operation);
        (await Should.ThrowAsync<PermanentCallException>(() => m3.PollAsync(IssuedInvoices.Operation, Now(), new Dictionary<string, string> { ["ORTY"] = "WEB" }, CancellationToken.None)))
            .Message.ShouldContain("ORTY");
        await Should.ThrowAsync<PermanentCallException>(() => m3.PollAsync(IssuedInvoices.Operation, "yesterday", Only("WEB"), CancellationToken.None));
    }
}
