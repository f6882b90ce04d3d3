using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapLang.Host.Tests;

/// <summary>ION posts BODs as XML to <c>/webhooks/ion/{Noun}</c>: the flow <c>on ion "PurchaseOrder"</c> of Project/Ion receives them.</summary>
public sealed class IonBodWebhookTests(IonHostFixture f) : IClassFixture<IonHostFixture>
{
    private const string SampleBodId = "0b61d005-7e42-41e8-bf47-13039b8bd10d";

    private static string Sample(string bodId) => IonHostFixture.SampleBod().Replace(SampleBodId, bodId, StringComparison.Ordinal);

    private static async Task<string?> StatusAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    [Fact]
    public async Task The_real_sample_posted_twice_is_one_run_whose_map_reads_the_BOD_fields()
    {
        using (var first = await f.PostAsync("PurchaseOrder", IonHostFixture.SampleBod()))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await StatusAsync(first)).ShouldBe("accepted");
        }
        using (var again = await f.PostAsync("PurchaseOrder", IonHostFixture.SampleBod(), "text/xml; charset=utf-8"))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await StatusAsync(again)).ShouldBe("duplicate");
        }
        await TestProject.WaitIdleAsync(f.Http, f.Host.BaseUri, TimeSpan.FromSeconds(30));

        var run = (await f.RunsAsync()).Where(r => r.Key == SampleBodId).ShouldHaveSingleItem();
        run.Status.ShouldBe(Store.RunStatus.Done);
        var summary = JsonNode.Parse((await f.Store.LoadCheckpointsAsync(run.Id))["step:summary"])!;
        summary.ToJsonString().ShouldBe(
            """{"BODID":"0b61d005-7e42-41e8-bf47-13039b8bd10d","Sender":"lid://infor.m3.m3","Action":"Replace","AccountingEntity":"300_001","OrderNumber":"1000000454","Status":"Open"}""");
    }

    [Fact]
    public async Task A_flow_whose_entity_declares_the_lines_a_list_reads_the_single_line_of_the_sample_as_a_list()
    {
        using var response = await f.PostAsync("PurchaseOrder", Sample("ion-lists-1"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await TestProject.WaitIdleAsync(f.Http, f.Host.BaseUri, TimeSpan.FromSeconds(30));
        var run = (await f.RunsAsync(IonHostFixture.LinesFlowName)).Where(r => r.Key == "ion-lists-1").ShouldHaveSingleItem();
        run.Status.ShouldBe(Store.RunStatus.Done);
        JsonNode.Parse((await f.Store.LoadCheckpointsAsync(run.Id))["step:lines"])!.ToJsonString().ShouldBe(
            """{"OrderNumber":"1000000454","Lines":[{"LineNumber":"10000","ItemNumber":"HD1300","Quantity":"100","Unit":"EA"}]}""");
    }

    [Fact]
    public async Task A_BOD_of_another_noun_is_refused_naming_the_noun_the_endpoint_takes()
    {
        var itemMaster = Sample("ion-other-noun").Replace("SyncPurchaseOrder", "SyncItemMaster", StringComparison.Ordinal);

        using var response = await f.PostAsync("PurchaseOrder", itemMaster);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorAsync(response)).ShouldBe("The ION BOD's root element is <SyncItemMaster>, not <VerbPurchaseOrder> (this endpoint takes PurchaseOrder BODs, e.g. <SyncPurchaseOrder>).");
        (await f.RunsAsync()).ShouldNotContain(r => r.Key == "ion-other-noun");
    }

    [Fact]
    public async Task Malformed_XML_and_a_DTD_are_refused_with_the_reason_and_nothing_is_stored()
    {
        var before = (await f.RunsAsync()).Count;
        var truncated = Sample("ion-truncated")[..^40];
        var withDtd = Sample("ion-dtd").Replace("<SyncPurchaseOrder ",
            "<!DOCTYPE SyncPurchaseOrder [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<SyncPurchaseOrder ", StringComparison.Ordinal)
            .Replace("<LocationID>FR1</LocationID>", "<LocationID>&secret;</LocationID>", StringComparison.Ordinal);

        using var malformed = await f.PostAsync("PurchaseOrder", truncated);
        using var dtd = await f.PostAsync("PurchaseOrder", withDtd);

        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorAsync(malformed)).ShouldStartWith("The ION BOD is not well-formed XML: ");
        dtd.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorAsync(dtd)).ShouldBe("The ION BOD declares a DTD (<!DOCTYPE …>); DTDs are not accepted.");
        (await f.RunsAsync()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_BOD_posted_as_JSON_still_starts_a_run()
    {
        var json = """
            { "ApplicationArea": { "BODID": "ion-json-1" },
              "DataArea": { "Sync": { "ActionCriteria": { "ActionExpression": { "actionCode": "Add" } } },
                            "PurchaseOrder": { "PurchaseOrderHeader": { "DocumentID": { "ID": { "value": "1000000999" } } } } } }
            """;

        using var response = await f.PostAsync("PurchaseOrder", json, "application/json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await TestProject.WaitIdleAsync(f.Http, f.Host.BaseUri, TimeSpan.FromSeconds(30));
        var run = (await f.RunsAsync()).Where(r => r.Key == "ion-json-1").ShouldHaveSingleItem();
        var summary = JsonNode.Parse((await f.Store.LoadCheckpointsAsync(run.Id))["step:summary"])!;
        summary["OrderNumber"]!.GetValue<string>().ShouldBe("1000000999");
        summary["Action"]!.GetValue<string>().ShouldBe("Add");
    }
}
