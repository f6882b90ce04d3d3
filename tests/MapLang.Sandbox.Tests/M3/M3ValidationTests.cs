using MapLang.Sandbox.Tests.Support;

namespace MapLang.Sandbox.Tests.M3;

/// <summary>Input is checked against reference/m3 metadata; a refused transaction writes nothing.</summary>
public sealed class M3ValidationTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly M3Client _m3 = new(fixture.Host);

    [Theory]
    [InlineData("missing required", "CUOR=X1", "WCU0202", "CUNO", "Customer number must be entered")]
    [InlineData("too long", "CUNO=10001&CUOR=123456789012345678901", "", "CUOR", "Input data for field CUOR is too long, maximum length is 20")]
    [InlineData("unknown customer", "CUNO=NOPE&CUOR=X2", "WCU0203", "CUNO", "Customer number NOPE does not exist")]
    [InlineData("bad date", "CUNO=10001&CUOR=X3&RLDT=20241345", "XDT0001", "RLDT", "Incorrect date")]
    [InlineData("not a number", "CUNO=10001&CUOR=X4&CONO=1O0", "XNU0000", "CONO", "Numeric error")]
    public async Task AddBatchHead_refuses_bad_input_and_writes_nothing(string why, string query, string code, string field, string message)
    {
        var before = fixture.Host.M3.Data.BatchOrders.Count;
        var result = (await Get("OIS100MI/AddBatchHead?" + query))["results"]![0]!;
        result["errorCode"]!.GetValue<string>().ShouldBe(code, why);
        result["errorField"]!.GetValue<string>().ShouldBe(field);
        result["errorMessage"]!.GetValue<string>().ShouldBe(message);
        fixture.Host.M3.Data.BatchOrders.Count.ShouldBe(before);
    }

    [Fact]
    public async Task AddBatchLine_with_unknown_item_or_negative_quantity_adds_no_line()
    {
        var orno = (await _m3.Records("OIS100MI", "AddBatchHead", ("CUNO", "10001")))[0]!["ORNO"]!.GetValue<string>();
        (await Get($"OIS100MI/AddBatchLine?ORNO={orno}&ITNO=NOSUCHITEM"))["results"]![0]!["errorCode"]!.GetValue<string>().ShouldBe("WIT0103");
        (await Get($"OIS100MI/AddBatchLine?ORNO={orno}&ITNO=ABS&ORQT=-1"))["results"]![0]!["errorCode"]!.GetValue<string>().ShouldBe("XNU0003");
        (await Get($"OIS100MI/AddBatchLine?ORNO={orno}&ITNO=ABS&ORQT=two"))["results"]![0]!["errorCode"]!.GetValue<string>().ShouldBe("XNU0000");
        (await Get($"OIS100MI/AddBatchLine?ORNO={orno}&ITNO=BLOCKED-01"))["results"]![0]!["errorCode"]!.GetValue<string>().ShouldBe("XIT0107");
        (await _m3.Records("OIS100MI", "LstBatchLine", ("ORNO", orno))).Count.ShouldBe(0);
    }

    [Fact]
    public async Task Customer_add_validates_template_and_duplicates()
    {
        var before = fixture.Host.M3.Data.Customers.Count;
        (await Get("CRS610MI/Add?CUTM=NOTEMPLATE&CUNM=X&CUA1=Y"))["results"]![0]!["errorField"]!.GetValue<string>().ShouldBe("CUTM");
        (await Get("CRS610MI/Add?CUTM=WEBTMPL&CUNO=10001&CUNM=X&CUA1=Y"))["results"]![0]!["errorCode"]!.GetValue<string>().ShouldBe("XRE0104");
        (await Get("CRS610MI/Add?CUTM=WEBTMPL&CUNM=X&CUA1=Y&MAIL=" + new string('m', 51)))["results"]![0]!["errorField"]!.GetValue<string>().ShouldBe("MAIL");
        fixture.Host.M3.Data.Customers.Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_value_holding_an_ampersand_stays_one_value()
    {
        var cuno = (await _m3.Records("CRS610MI", "Add", ("CUTM", "WEBTMPL"), ("CUNM", "Smith & Sons&CUNO=HACK"), ("CUA1", "1 Road")))[0]!["CUNO"]!.GetValue<string>();
        cuno.ShouldNotBe("HACK");
        (await _m3.Records("CRS610MI", "GetBasicData", ("CUNO", cuno)))[0]!["CUNM"]!.GetValue<string>().ShouldBe("Smith & Sons&CUNO=HACK");
    }

    private async Task<System.Text.Json.Nodes.JsonNode> Get(string pathAndQuery) =>
        System.Text.Json.Nodes.JsonNode.Parse(await _m3.Http.GetStringAsync("v2/execute/" + pathAndQuery))!;
}
