using System.Globalization;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Tests.Support;

namespace MapLang.Sandbox.Tests.M3;

/// <summary>
/// What an M3 → store shipment flow reads: DRS100MI.LstShipment (shipments departing in a date range, in CONN order, positioned and
/// cut by maxrecs), MWS410MI.GetHead of a delivered delivery, and OIS100MI.GetLine's CUPO.
/// </summary>
public sealed class ShipmentListTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly M3Client _m3 = new(fixture.Host);

    private string Today => fixture.Host.Clock.UtcNow.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>A confirmed order of that type: one line per (item, CUPO).</summary>
    private async Task<string> ConfirmedOrderAsync(string ortp, string cuor, params (string Itno, string Cupo)[] lines)
    {
        var temp = (await _m3.Records("OIS100MI", "AddBatchHead", ("CUNO", "10001"), ("ORTP", ortp), ("CUOR", cuor), ("MODL", "UPS"), ("TEDL", "FOB")))[0]!["ORNO"]!.GetValue<string>();
        foreach (var (itno, cupo) in lines) await _m3.Records("OIS100MI", "AddBatchLine", ("ORNO", temp), ("ITNO", itno), ("ORQT", "2"), ("CUPO", cupo));
        return (await _m3.Records("OIS100MI", "Confirm", ("ORNO", temp)))[0]!["ORNO"]!.GetValue<string>();
    }

    private async Task<JsonObject> DeliveryOfAsync(string orno) =>
        (await _m3.Records("MWS410MI", "GetHead", ("DLIX", (await _m3.Records("OIS100MI", "GetHead", ("ORNO", orno)))[0]!["DLIX"]!.GetValue<string>())))[0]!.AsObject();

    private static string Text(JsonNode? row, string field) => row![field]!.GetValue<string>();

    [Fact]
    public async Task A_delivered_order_is_a_departed_shipment_and_its_delivery_head_has_what_a_shipment_map_needs()
    {
        var shipments = (await _m3.Records("DRS100MI", "LstShipment", ("1DDT", Today))).Count;
        var before = fixture.Host.Clock.UtcNow;
        var orno = await ConfirmedOrderAsync("BCE", "BC-900", ("ABS", "11"), ("CBA_OTF_1", "12"));
        var after = fixture.Host.Clock.UtcNow;
        fixture.Host.Clock.Advance(fixture.Host.M3.Options.PickingAfter + TimeSpan.FromSeconds(1));
        var beforeDeparture = await DeliveryOfAsync(orno);
        Text(beforeDeparture, "PGRS").ShouldBe("50");
        Text(beforeDeparture, "ETRN").ShouldBe("");
        Text(beforeDeparture, "DSDT").ShouldBe("");
        (await _m3.Records("DRS100MI", "LstShipment", ("1DDT", Today))).Count.ShouldBe(shipments, "picked is not departed");

        // Looked at long after it left: the delivery is dated when it was due (Confirm + DeliveredAfter), not when it was looked at.
        fixture.Host.Clock.Advance(fixture.Host.M3.Options.DeliveredAfter);
        var delivery = await DeliveryOfAsync(orno);
        var due = new[] { before, after }.Select(t => (t + fixture.Host.M3.Options.DeliveredAfter).UtcDateTime).ToList();
        Text(delivery, "RIDN").ShouldBe(orno);
        Text(delivery, "CUOR").ShouldBe("BC-900");
        Text(delivery, "PGRS").ShouldBe("90");
        Text(delivery, "ETRN").ShouldStartWith("1Z");
        Text(delivery, "MODL").ShouldBe("UPS");
        Text(delivery, "TEDL").ShouldBe("FOB");
        Text(delivery, "WHLO").ShouldBe("100");
        Text(delivery, "CONA").ShouldBe("10001");
        Text(delivery, "GRW2").ShouldBe("4");
        Text(delivery, "DTDT").ShouldBe(Text(beforeDeparture, "TRDT"), "requested departure: when the delivery was made");
        Text(delivery, "DTHM").ShouldBe(Text(beforeDeparture, "TRTM")[..4]);
        (Text(delivery, "DSDT") + Text(delivery, "DSHM")).ShouldBeOneOf(due.Select(t => t.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)).ToArray());

        var shipment = (await _m3.Records("DRS100MI", "LstShipment", ("1DDT", Today), ("2DDT", Today))).Single(s => Text(s, "CONN") == Text(delivery, "CONN"));
        Text(shipment, "DSDT").ShouldBe(Text(delivery, "DSDT"));
        Text(shipment, "DSHM").ShouldBe(Text(delivery, "DSHM"));
        Text(shipment, "CSTL").ShouldBe("90");
        Text(shipment, "CSTH").ShouldBe("90");
        Text(shipment, "WHLO").ShouldBe("100");
        (await _m3.Records("DRS100MI", "LstByDelivery", ("CONN", Text(shipment, "CONN")))).Select(d => Text(d, "DLIX")).ShouldBe([Text(delivery, "DLIX")]);

        Text((await _m3.Records("OIS100MI", "GetLine", ("ORNO", orno), ("PONR", "2")))[0], "CUPO").ShouldBe("12");
        (await _m3.Records("OIS100MI", "LstLine", ("ORNO", orno))).Select(l => Text(l, "CUPO")).ShouldBe(["11", "12"]);
        (await _m3.V2("OIS100MI", "GetLine", ("ORNO", orno), ("PONR", "3")))["results"]![0]!["errorCode"]!.GetValue<string>().ShouldBe("XRE0103");
    }

    [Fact]
    public async Task LstShipment_selects_by_departure_date_and_status_and_pages_by_shipment_number()
    {
        var ornos = new List<string>();
        foreach (var ortp in new[] { "NOP", "WEB", "NOP" }) ornos.Add(await ConfirmedOrderAsync(ortp, "LIST-" + ornos.Count, ("ABS", "1")));
        fixture.Host.Clock.Advance(fixture.Host.M3.Options.DeliveredAfter + TimeSpan.FromSeconds(1));
        var conns = new List<string>();
        foreach (var orno in ornos) conns.Add(Text(await DeliveryOfAsync(orno), "CONN"));

        var all = (await _m3.Records("DRS100MI", "LstShipment", ("1DDT", Today))).Select(s => Text(s, "CONN")).ToList();
        all.ShouldBe(all.OrderBy(c => long.Parse(c, CultureInfo.InvariantCulture)).ToList());
        conns.ShouldBeSubsetOf(all);

        var tomorrow = fixture.Host.Clock.UtcNow.AddDays(1).UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        (await _m3.Records("DRS100MI", "LstShipment", ("1DDT", tomorrow))).ShouldBeEmpty();
        (await _m3.Records("DRS100MI", "LstShipment", ("2DDT", "20000101"))).ShouldBeEmpty();
        (await _m3.Records("DRS100MI", "LstShipment", ("DSDT", Today))).Select(s => Text(s, "CONN")).ShouldBe(all);
        (await _m3.Records("DRS100MI", "LstShipment", ("1DDT", Today), ("FCSL", "60"))).Select(s => Text(s, "CONN")).ShouldBe(all);
        (await _m3.Records("DRS100MI", "LstShipment", ("1DDT", Today), ("TCSH", "50"))).ShouldBeEmpty();

        var page = await _m3.Records("DRS100MI", "LstShipment", ("1DDT", Today), ("CONN", conns[1]), ("maxrecs", "1"));
        page.Select(s => Text(s, "CONN")).ShouldBe([conns[1]]);
        var rest = await _m3.Records("DRS100MI", "LstShipment", ("1DDT", Today), ("CONN", (long.Parse(conns[1], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)));
        rest.Select(s => Text(s, "CONN")).ShouldBe(all.SkipWhile(c => c != conns[1]).Skip(1));
        (await _m3.V2("DRS100MI", "LstShipment", ("1DDT", "2026-12-04")))["results"]![0]!["errorField"]!.GetValue<string>().ShouldBe("1DDT");
    }

    [Fact]
    public async Task The_BigCommerce_and_nopCommerce_channels_have_order_types_and_an_unknown_type_is_refused()
    {
        foreach (var ortp in new[] { "BCE", "NOP" })
            Text((await _m3.Records("OIS100MI", "GetHead", ("ORNO", await ConfirmedOrderAsync(ortp, "TYPE-" + ortp, ("ABS", "1")))))[0], "ORTP").ShouldBe(ortp);
        var refused = await _m3.V2("OIS100MI", "AddBatchHead", ("CUNO", "10001"), ("ORTP", "XYZ"));
        refused["results"]![0]!["errorField"]!.GetValue<string>().ShouldBe("ORTP");
    }
}
