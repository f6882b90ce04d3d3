using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Faults;
using MapLang.Sandbox.Tests.Support;

namespace MapLang.Sandbox.Tests.M3;

/// <summary>Every M3 reply has the shape of the matching file in reference/m3/examples.</summary>
public sealed class M3ContractTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly M3Client _m3 = new(fixture.Host);

    [Fact]
    public async Task V1_get_has_the_MIRecord_NameValue_shape_with_blank_padded_values()
    {
        var reply = await _m3.V1("CRS610MI", "GetBasicData", ("CUNO", "10001"));
        JsonShape.ShouldMatch(reply, Reference.Json("m3/examples/v1-success-CRS610MI-GetBasicData.json"));
        var cunm = reply["MIRecord"]![0]!["NameValue"]!.AsArray().First(nv => nv!["Name"]!.GetValue<string>() == "CUNM")!["Value"]!.GetValue<string>();
        cunm.ShouldBe("Jane Doe".PadRight(36));
    }

    [Fact]
    public async Task V1_list_and_returncols_matrix_parameters()
    {
        var reply = await _m3.V1("MMS200MI", "LstItmByItm;maxrecs=2;returncols=ITNO,ITDS,STAT", ("ITNO", "A"));
        JsonShape.ShouldMatch(reply, Reference.Json("m3/examples/v1-success-list-with-metadata.json"));
        reply["MIRecord"]!.AsArray().Count.ShouldBe(2);
        reply["Metadata"]!["Field"]!.AsArray().Select(f => f!["@name"]!.GetValue<string>()).ShouldBe(["STAT", "ITNO", "ITDS"]);
    }

    [Fact]
    public async Task V1_error_is_ServerReturnedNOK_inside_HTTP_200()
    {
        using var response = await _m3.Http.GetAsync("execute/CRS610MI/GetBasicData?CUNO=NOSUCH");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        JsonShape.ShouldMatch(reply, Reference.Json("m3/examples/v1-error-ServerReturnedNOK.json"));
        reply["@code"]!.GetValue<string>().ShouldBe("WCU0203");
        reply["Message"]!.GetValue<string>().ShouldBe("Customer number NOSUCH does not exist");
    }

    [Fact]
    public async Task V1_list_failing_midway_gives_records_then_ErrorMessage()
    {
        fixture.Host.Faults.Add(new FaultRule { System = "m3", Operation = "MMS200MI/LstItmByItm", Kind = FaultKind.PartialFailure, AfterRecords = 1 });
        var reply = await _m3.V1("MMS200MI", "LstItmByItm;returncols=ITNO,ITDS,STAT", ("ITNO", "A"));
        JsonShape.ShouldMatch(reply, Reference.Json("m3/examples/v1-error-partial-after-records.json"));
        reply["MIRecord"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task V2_success_error_and_termination_shapes()
    {
        JsonShape.ShouldMatch(await _m3.V2("MMS005MI", "GetWarehouse", ("WHLO", "100")), Reference.Json("m3/examples/v2-success-get.json"), maps: "records");

        using var notFound = await _m3.V2Response("CRS610MI", "GetBasicData", ("CUNO", "C999"));
        notFound.StatusCode.ShouldBe(HttpStatusCode.OK);
        var error = JsonNode.Parse(await notFound.Content.ReadAsStringAsync())!;
        JsonShape.ShouldMatch(error, Reference.Json("m3/examples/v2-error-http200.json"), maps: "records");
        error["results"]![0]!["errorMessage"]!.GetValue<string>().ShouldBe("Customer number C999 does not exist");

        using var terminated = await _m3.V2Response("CRS610MI", "GetBasicData", ("CUNO", "10001"), ("CONO", "0"));
        terminated.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = JsonNode.Parse(await terminated.Content.ReadAsStringAsync())!;
        JsonShape.ShouldMatch(body, Reference.Json("m3/examples/v2-error-http400.json"));
        body["terminationReason"]!.GetValue<string>().ShouldBe("Not authorized for company 0");
    }

    [Fact]
    public async Task V2_bulk_reports_each_transaction()
    {
        var request = Reference.Json("m3/examples/v2-request-bulk.json");
        request["transactions"]![0]!["record"]!["ORNO"] = await ConfirmedOrder();
        using var response = await _m3.Http.PostAsJsonAsync("v2/execute", request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        JsonShape.ShouldMatch(reply, Reference.Json("m3/examples/v2-response-bulk-partial-failure.json"), maps: "records");
        reply["nrOfSuccessfullTransactions"]!.GetValue<int>().ShouldBe(1);
        reply["results"]![1]!["errorCode"]!.GetValue<string>().ShouldBe("XRE0103");
    }

    [Fact]
    public async Task Token_reply_and_metadata_endpoint()
    {
        using var token = await _m3.TokenResponseAsync();
        JsonShape.ShouldMatch(JsonNode.Parse(await token.Content.ReadAsStringAsync()), Reference.Json("m3/examples/token-response-example.json"));
        var xml = await _m3.Http.GetStringAsync("metadata/OIS100MI");
        xml.ShouldContain("<MIProgramMetadata Program=\"OIS100MI\"");
        xml.ShouldContain("Transaction=\"AddBatchHead\"");
        xml.ShouldContain("<Field Name=\"CUNO\" Description=\"Customer number\" Length=\"10\" FieldType=\"A\" Mandatory=\"true\" />");
    }

    [Fact]
    public async Task V1_answers_xml_when_asked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "execute/MMS005MI/GetWarehouse?WHLO=100");
        request.Headers.Accept.ParseAdd("application/xml");
        using var response = await _m3.Http.SendAsync(request);
        var xml = await response.Content.ReadAsStringAsync();
        xml.ShouldContain("<miResult xmlns=\"http://lawson.com/m3/miaccess\">");
        xml.ShouldContain("<Name>WHLO</Name>");
    }

    private async Task<string> ConfirmedOrder()
    {
        var orno = (await _m3.Records("OIS100MI", "AddBatchHead", ("CUNO", "10001"), ("CUOR", "BULK-1")))[0]!["ORNO"]!.GetValue<string>();
        await _m3.Records("OIS100MI", "AddBatchLine", ("ORNO", orno), ("ITNO", "WS12-M-Orange"), ("ORQT", "1"));
        return (await _m3.Records("OIS100MI", "Confirm", ("ORNO", orno)))[0]!["ORNO"]!.GetValue<string>();
    }
}
