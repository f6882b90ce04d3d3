using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Tests.Support;

namespace MapLang.Sandbox.Tests.M3;

public sealed class OrderFlowTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly M3Client _m3 = new(fixture.Host);

    [Fact]
    public async Task Batch_order_is_confirmed_into_a_final_order_found_by_CUOR()
    {
        var temp = (await _m3.Records("OIS100MI", "AddBatchHead", ("CUNO", "10001"), ("CUOR", "000000003"), ("RLDT", "20250101")))[0]!["ORNO"]!.GetValue<string>();
        (await _m3.Records("OIS100MI", "AddBatchLine", ("ORNO", temp), ("ITNO", "WS12-M-Orange"), ("ORQT", "2"), ("SAPR", "22"), ("CUPO", "3")))[0]!["PONR"]!.GetValue<string>().ShouldBe("1");
        (await _m3.Records("OIS100MI", "AddBatchLine", ("ORNO", temp), ("ITNO", "MS-Champ-S"), ("ORQT", "1"), ("CUPO", "4")))[0]!["PONR"]!.GetValue<string>().ShouldBe("2");
        (await _m3.Records("OIS100MI", "GetOrderNo", ("ORNO", temp)))[0]!["ORNR"]!.GetValue<string>().ShouldBe("");

        var confirmed = (await _m3.Records("OIS100MI", "Confirm", ("ORNO", temp)))[0]!;
        var orno = confirmed["ORNO"]!.GetValue<string>();
        orno.ShouldNotBe(temp);
        confirmed["STAT"]!.GetValue<string>().ShouldBe("90");

        (await _m3.Records("OIS100MI", "GetOrderNo", ("ORNO", temp)))[0]!["ORNR"]!.GetValue<string>().ShouldBe(orno);
        var head = (await _m3.Records("OIS100MI", "GetHead", ("ORNO", orno)))[0]!;
        head["CUOR"]!.GetValue<string>().ShouldBe("000000003");
        head["ORST"]!.GetValue<string>().ShouldBe("33");
        (await _m3.Records("OIS100MI", "LstHead", ("CUNO", "10001"))).Where(h => h!["CUOR"]!.GetValue<string>() == "000000003").Select(h => h!["ORNO"]!.GetValue<string>()).ShouldContain(orno);
        var batch = (await _m3.Records("OIS100MI", "LstBatchHead", ("CUNO", "10001"))).Single(h => h!["ORNO"]!.GetValue<string>() == temp)!;
        batch["ORNR"]!.GetValue<string>().ShouldBe(orno);
        (await _m3.Records("OIS100MI", "LstBatchLine", ("ORNO", temp))).Select(l => l!["CUPO"]!.GetValue<string>()).ShouldBe(["3", "4"]);
        (await _m3.Records("OIS100MI", "LstLine", ("ORNO", orno))).Count.ShouldBe(2);

        var inspected = JsonNode.Parse(await new HttpClient().GetStringAsync(new Uri(fixture.Host.BaseUri, "_sandbox/m3/orders?cuor=000000003")))!.AsArray();
        inspected.Count(o => o!["orno"]!.GetValue<string>() == orno).ShouldBe(1);
        inspected.Single(o => o!["orno"]!.GetValue<string>() == orno)!["lines"]!.AsArray().Count.ShouldBe(2);

        (await _m3.V2("OIS100MI", "Confirm", ("ORNO", temp)))["results"]![0]!["errorCode"]!.GetValue<string>().ShouldBe("WST0301");
    }

    [Fact]
    public async Task A_batch_order_takes_one_address_per_type_and_id()
    {
        var temp = (await _m3.Records("OIS100MI", "AddBatchHead", ("CUNO", "10001"), ("CUOR", "ADDR-1")))[0]!["ORNO"]!.GetValue<string>();
        var added = await _m3.V2("OIS100MI", "AddBatchAddress", ("ORNO", temp), ("ADRT", "1"), ("CUNM", "Jane Doe"), ("CUA1", "123 Oak Ave"), ("TOWN", "Purchase"), ("CSCD", "US"));
        added["nrOfFailedTransactions"]!.GetValue<int>().ShouldBe(0);

        var again = await _m3.V2("OIS100MI", "AddBatchAddress", ("ORNO", temp), ("ADRT", "1"), ("CUNM", "Jane Doe"));
        again["results"]![0]!["errorCode"]!.GetValue<string>().ShouldBe("XRE0104");
        var badType = await _m3.V2("OIS100MI", "AddBatchAddress", ("ORNO", temp), ("ADRT", "7"));
        badType["results"]![0]!["errorField"]!.GetValue<string>().ShouldBe("ADRT");
        var unknownOrder = await _m3.V2("OIS100MI", "AddBatchAddress", ("ORNO", "999999999"), ("ADRT", "1"));
        unknownOrder["nrOfFailedTransactions"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task The_same_CUOR_twice_makes_two_orders()
    {
        var first = (await _m3.Records("OIS100MI", "AddBatchHead", ("CUNO", "10001"), ("CUOR", "DUP-1")))[0]!["ORNO"]!.GetValue<string>();
        var second = (await _m3.Records("OIS100MI", "AddBatchHead", ("CUNO", "10001"), ("CUOR", "DUP-1")))[0]!["ORNO"]!.GetValue<string>();
        second.ShouldNotBe(first);
        (await _m3.Records("OIS100MI", "LstBatchHead", ("CUNO", "10001"))).Count(h => h!["CUOR"]!.GetValue<string>() == "DUP-1").ShouldBe(2);
    }

    [Fact]
    public async Task Confirmed_orders_move_to_delivered_and_invoiced_as_time_passes()
    {
        var temp = (await _m3.Records("OIS100MI", "AddBatchHead", ("CUNO", "10001"), ("CUOR", "TIME-1")))[0]!["ORNO"]!.GetValue<string>();
        await _m3.Records("OIS100MI", "AddBatchLine", ("ORNO", temp), ("ITNO", "ABS"), ("ORQT", "3"), ("SAPR", "10"));
        var before = (await _m3.Records("MMS200MI", "GetItmWhsBal", ("WHLO", "100"), ("ITNO", "ABS")))[0]!;
        var orno = (await _m3.Records("OIS100MI", "Confirm", ("ORNO", temp)))[0]!["ORNO"]!.GetValue<string>();
        var allocated = (await _m3.Records("MMS200MI", "GetItmWhsBal", ("WHLO", "100"), ("ITNO", "ABS")))[0]!;
        decimal.Parse(allocated["ALQT"]!.GetValue<string>()).ShouldBe(decimal.Parse(before["ALQT"]!.GetValue<string>()) + 3);

        using var admin = new HttpClient { BaseAddress = fixture.Host.BaseUri };
        (await admin.PostAsync($"_sandbox/m3/orders/{orno}/advance", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"_sandbox/m3/orders/{orno}/advance", null)).EnsureSuccessStatusCode();
        var head = (await _m3.Records("OIS100MI", "GetHead", ("ORNO", orno)))[0]!;
        head["ORST"]!.GetValue<string>().ShouldBe("66");
        var dlix = head["DLIX"]!.GetValue<string>();
        var delivery = (await _m3.Records("MWS410MI", "GetHead", ("DLIX", dlix)))[0]!;
        delivery["ETRN"]!.GetValue<string>().ShouldNotBeEmpty();
        delivery["PGRS"]!.GetValue<string>().ShouldBe("90");
        (await _m3.Records("DRS100MI", "GetShipment", ("CONN", delivery["CONN"]!.GetValue<string>())))[0]!["DSDT"]!.GetValue<string>().Length.ShouldBe(8);
        (await _m3.Records("MWS411MI", "LstDelLnByOrd", ("RORC", "3"), ("RIDN", orno))).Count.ShouldBe(1);

        (await admin.PostAsJsonAsync("_sandbox/clock/advance", new { hours = 1 })).EnsureSuccessStatusCode();
        (await _m3.Records("OIS100MI", "GetHead", ("ORNO", orno)))[0]!["ORST"]!.GetValue<string>().ShouldBe("77");
        var invoice = (await _m3.Records("OIS350MI", "LstInvHeadByCo", ("ORNO", orno)))[0]!;
        invoice["AMT1"]!.GetValue<string>().ShouldBe("30");
        (await _m3.Records("ARS200MI", "LstInvoices", ("CUNO", "10001"))).Select(r => r!["CINO"]!.GetValue<string>()).ShouldContain(invoice["IVNO"]!.GetValue<string>());
    }

    [Fact]
    public async Task GL_batch_must_balance_before_update()
    {
        static string Parm(decimal amount) => ("20250131" + "3010".PadRight(8) + new string(' ', 48) + amount.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(17) + "USD").PadRight(124);
        await _m3.Records("GLS840MI", "AddBatchHead", ("CONO", "100"), ("KEY1", "JRN1"), ("INTN", "GLS850"), ("DESC", "Web sales"));
        await _m3.Records("GLS840MI", "AddBatchLine", ("CONO", "100"), ("KEY1", "JRN1"), ("LINE", "1"), ("PARM", Parm(100m)));
        await _m3.Records("GLS840MI", "AddBatchLine", ("CONO", "100"), ("KEY1", "JRN1"), ("LINE", "2"), ("PARM", Parm(-90m)));
        (await _m3.V2("GLS840MI", "UpdBatch", ("CONO", "100"), ("KEY1", "JRN1")))["results"]![0]!["errorMessage"]!.GetValue<string>()
            .ShouldBe("Batch JRN1 does not balance: debit 100, credit 90");
        await _m3.Records("GLS840MI", "AddBatchLine", ("CONO", "100"), ("KEY1", "JRN1"), ("LINE", "3"), ("PARM", Parm(-10m)));
        await _m3.Records("GLS840MI", "UpdBatch", ("CONO", "100"), ("KEY1", "JRN1"));
        fixture.Host.M3.Data.GlBatches["JRN1"].Status.ShouldBe("90");
    }

    [Fact]
    public async Task Every_example_order_sku_is_an_M3_item_with_stock()
    {
        // An M3 alias (POPN) holds 30 characters: a longer SKU (one BigCommerce variant example) needs the integration's own mapping table.
        foreach (var sku in MapLang.Sandbox.Seed.ExampleSkus.All.Where(s => s.Length <= 30))
        {
            var itno = sku.Length <= 15 ? sku : (await _m3.Records("MMS025MI", "GetItem", ("ALWT", "2"), ("POPN", sku)))[0]!["ITNO"]!.GetValue<string>();
            var balance = (await _m3.Records("MMS200MI", "GetItmWhsBal", ("WHLO", "100"), ("ITNO", itno)))[0]!;
            decimal.Parse(balance["STQT"]!.GetValue<string>()).ShouldBeGreaterThan(0, sku);
        }
        (await _m3.Records("CRS610MI", "SearchCustomer", ("SQRY", "MAIL:jdoe@example.com"))).Count.ShouldBe(1);
        (await _m3.Records("CRS610MI", "SearchCustomer", ("SQRY", "MAIL:janedoe@example.com"))).Count.ShouldBe(0);
    }
}
