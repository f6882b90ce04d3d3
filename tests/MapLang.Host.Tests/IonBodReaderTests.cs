using System.Text;
using System.Text.Json.Nodes;
using MapLang.Host.Flows;
using MapLang.Host.Web;

namespace MapLang.Host.Tests;

/// <summary>How an ION BOD in XML becomes the JSON payload of a run, and which BODs are refused.</summary>
public sealed class IonBodReaderTests
{
    private const int MaxDepth = 64;

    /// <summary>A flow <c>on ion "PurchaseOrder"</c> whose trigger names <paramref name="lists"/>.</summary>
    private static FlowDefinition[] FlowWithLists(params string[] lists) =>
        [new("po", new IonBodTrigger("PurchaseOrder", lists), "ApplicationArea.BODID", [new MapStep("M", "payload", "po")])];

    private static JsonNode Read(string xml, string noun = "PurchaseOrder", int maxDepth = MaxDepth, FlowDefinition[]? flows = null)
    {
        IonBodReader.TryRead(Encoding.UTF8.GetBytes(xml), noun, flows ?? FlowWithLists(), maxDepth, out var json, out var error).ShouldBeTrue(error);
        return JsonNode.Parse(json)!;
    }

    private static string Refusal(string xml, string noun = "PurchaseOrder", int maxDepth = MaxDepth)
    {
        IonBodReader.TryRead(Encoding.UTF8.GetBytes(xml), noun, FlowWithLists(), maxDepth, out var json, out var error).ShouldBeFalse();
        json.ShouldBeNull();
        return error!;
    }

    /// <summary>A minimal SyncPurchaseOrder around <paramref name="purchaseOrder"/> (the noun's content).</summary>
    private static string Bod(string purchaseOrder) =>
        $"<SyncPurchaseOrder><ApplicationArea><BODID>b-1</BODID></ApplicationArea><DataArea><Sync/><PurchaseOrder>{purchaseOrder}</PurchaseOrder></DataArea></SyncPurchaseOrder>";

    [Fact]
    public void The_sample_BOD_becomes_its_root_content_with_attributes_beside_elements_and_text_as_value()
    {
        var bod = Read(IonHostFixture.SampleBod());

        bod["ApplicationArea"]!["BODID"]!.GetValue<string>().ShouldBe("0b61d005-7e42-41e8-bf47-13039b8bd10d");
        bod["ApplicationArea"]!["Sender"]!["LogicalID"]!.ToJsonString().ShouldBe("""{"schemeVersionID":"16.0.0.097","value":"lid://infor.m3.m3"}""");
        bod["releaseID"]!.GetValue<string>().ShouldBe("9.2");
        bod["DataArea"]!["Sync"]!["ActionCriteria"]!["ActionExpression"]!.ToJsonString().ShouldBe("""{"actionCode":"Replace"}""");
        var order = bod["DataArea"]!["PurchaseOrder"]!;
        order["PurchaseOrderHeader"]!["DocumentID"]!["ID"]!.ToJsonString()
            .ShouldBe("""{"accountingEntity":"300_001","location":"FR1","variationID":"1","lid":"lid://infor.m3.m3","value":"1000000454"}""");
        order["PurchaseOrderLine"]!["Quantity"]!.ToJsonString().ShouldBe("""{"unitCode":"EA","value":"100"}""");
        order["PurchaseOrderLine"]!["LineNumber"]!.GetValue<string>().ShouldBe("10000");
    }

    [Fact]
    public void Namespace_declarations_and_xsi_attributes_are_not_data_and_prefixes_are_dropped()
    {
        var bod = Read("""
            <oa:SyncPurchaseOrder xmlns:oa="http://schema.infor.com/InforOAGIS/2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                                  xsi:schemaLocation="http://schema.infor.com/InforOAGIS/2 x.xsd" oa:releaseID="9.2">
              <oa:ApplicationArea><oa:BODID>b-1</oa:BODID></oa:ApplicationArea>
              <oa:DataArea><oa:Sync/><oa:PurchaseOrder><oa:DisplayID>42</oa:DisplayID></oa:PurchaseOrder></oa:DataArea>
            </oa:SyncPurchaseOrder>
            """);

        bod.ToJsonString().ShouldBe("""{"ApplicationArea":{"BODID":"b-1"},"DataArea":{"Sync":"","PurchaseOrder":{"DisplayID":"42"}},"releaseID":"9.2"}""");
    }

    [Fact]
    public void Repeated_elements_become_an_array_in_document_order_and_a_single_one_stays_an_object()
    {
        var order = Read(Bod("""
            <PurchaseOrderLine><LineNumber>10</LineNumber></PurchaseOrderLine>
            <Note>only one</Note>
            <PurchaseOrderLine><LineNumber>20</LineNumber></PurchaseOrderLine>
            """))["DataArea"]!["PurchaseOrder"]!;

        order.ToJsonString().ShouldBe("""{"PurchaseOrderLine":[{"LineNumber":"10"},{"LineNumber":"20"}],"Note":"only one"}""");
    }

    [Fact]
    public void Elements_the_trigger_names_as_lists_are_arrays_even_when_they_occur_once_also_inside_other_lists()
    {
        var flows = FlowWithLists("DataArea.PurchaseOrder.PurchaseOrderLine", "DataArea.PurchaseOrder.PurchaseOrderLine.Charge", "DataArea.PurchaseOrder.Missing");
        var order = Read(Bod("""
            <PurchaseOrderLine><Charge>1</Charge></PurchaseOrderLine>
            <Note>only one</Note>
            """), flows: flows)["DataArea"]!["PurchaseOrder"]!;
        order.ToJsonString().ShouldBe("""{"PurchaseOrderLine":[{"Charge":["1"]}],"Note":"only one"}""");

        var twoLines = Read(Bod("<PurchaseOrderLine><Charge>1</Charge><Charge>2</Charge></PurchaseOrderLine><PurchaseOrderLine><Charge>3</Charge></PurchaseOrderLine>"),
            flows: flows)["DataArea"]!["PurchaseOrder"]!;
        twoLines.ToJsonString().ShouldBe("""{"PurchaseOrderLine":[{"Charge":["1","2"]},{"Charge":["3"]}]}""");
    }

    [Fact]
    public void Text_values_stay_strings_exactly_as_written_and_an_empty_element_is_an_empty_string()
    {
        var order = Read(Bod("<Amount> 007.50 </Amount><Flag>true</Flag><Empty/><Cdata><![CDATA[a < b]]></Cdata>"))["DataArea"]!["PurchaseOrder"]!;

        order.ToJsonString().ShouldBe("""{"Amount":" 007.50 ","Flag":"true","Empty":"","Cdata":"a \u003C b"}""");
    }

    [Fact]
    public void An_attribute_whose_name_a_child_element_takes_is_kept_as_at_name_and_clashing_text_as_hash_text()
    {
        var order = Read(Bod("""<Party type="attribute"><type>element</type></Party><NameValue name="n" value="attribute">text</NameValue>"""))["DataArea"]!["PurchaseOrder"]!;

        order["Party"]!.ToJsonString().ShouldBe("""{"type":"element","@type":"attribute"}""");
        order["NameValue"]!.ToJsonString().ShouldBe("""{"name":"n","value":"attribute","#text":"text"}""");
    }

    [Fact]
    public void Elements_may_nest_as_deep_as_the_limit_and_no_deeper()
    {
        static string Nested(int levels) => string.Concat(Enumerable.Repeat("<a>", levels)) + "x" + string.Concat(Enumerable.Repeat("</a>", levels));
        // SyncPurchaseOrder, DataArea and PurchaseOrder are three levels of their own.
        Read(Bod(Nested(5)), maxDepth: 8)["DataArea"]!["PurchaseOrder"]!.ToJsonString().ShouldBe("""{"a":{"a":{"a":{"a":{"a":"x"}}}}}""");

        Refusal(Bod(Nested(6)), maxDepth: 8).ShouldBe("The ION BOD nests deeper than 8 levels.");
    }

    [Fact]
    public void Arrays_count_towards_the_depth_limit_like_in_a_JSON_body()
    {
        Refusal(Bod("<Line><Line>x</Line><Line>y</Line></Line><Line/>"), maxDepth: 5).ShouldBe("The ION BOD nests deeper than 5 levels.");
    }

    [Fact]
    public void A_root_that_is_not_verb_and_noun_is_refused_naming_the_noun_the_endpoint_takes()
    {
        Refusal("<SyncItemMaster><DataArea><Sync/><ItemMaster/></DataArea></SyncItemMaster>")
            .ShouldBe("The ION BOD's root element is <SyncItemMaster>, not <VerbPurchaseOrder> (this endpoint takes PurchaseOrder BODs, e.g. <SyncPurchaseOrder>).");
        Refusal("<PurchaseOrder/>").ShouldContain("root element is <PurchaseOrder>");
    }

    [Fact]
    public void The_endpoint_noun_matches_without_regard_to_case()
    {
        Read(Bod("<DisplayID>1</DisplayID>"), noun: "purchaseorder")["DataArea"]!["PurchaseOrder"]!["DisplayID"]!.GetValue<string>().ShouldBe("1");
    }

    [Fact]
    public void A_DataArea_without_the_verb_or_the_noun_is_refused()
    {
        Refusal("<SyncPurchaseOrder><DataArea><Sync/></DataArea></SyncPurchaseOrder>")
            .ShouldBe("The ION BOD <SyncPurchaseOrder> has no DataArea with <Sync> and <PurchaseOrder>.");
        Refusal("<SyncPurchaseOrder><DataArea><Process/><PurchaseOrder/></DataArea></SyncPurchaseOrder>")
            .ShouldBe("The ION BOD <SyncPurchaseOrder> has no DataArea with <Sync> and <PurchaseOrder>.");
        Refusal("<SyncPurchaseOrder/>").ShouldBe("The ION BOD <SyncPurchaseOrder> has no DataArea with <Sync> and <PurchaseOrder>.");
    }

    [Fact]
    public void A_DTD_is_refused_before_any_entity_is_expanded()
    {
        var external = """<?xml version="1.0"?><!DOCTYPE SyncPurchaseOrder [<!ENTITY x SYSTEM "file:///etc/passwd">]>""" + Bod("<Note>&x;</Note>");
        var laughs = """<!DOCTYPE SyncPurchaseOrder [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>""" + Bod("<Note>&b;</Note>");

        Refusal(external).ShouldBe("The ION BOD declares a DTD (<!DOCTYPE …>); DTDs are not accepted.");
        Refusal(laughs).ShouldBe("The ION BOD declares a DTD (<!DOCTYPE …>); DTDs are not accepted.");
    }

    [Fact]
    public void Malformed_XML_is_refused_with_the_parser_reason()
    {
        Refusal(Bod("<Note>unclosed")).ShouldStartWith("The ION BOD is not well-formed XML: ");
        Refusal("").ShouldStartWith("The ION BOD is not well-formed XML: ");
        Refusal("{\"ApplicationArea\":{}}").ShouldStartWith("The ION BOD is not well-formed XML: ");
    }

    [Theory]
    [InlineData("ion", "application/xml", true)]
    [InlineData("ION", "text/xml; charset=utf-8", true)]
    [InlineData("ion", "application/vnd.infor.bod+xml", true)]
    [InlineData("ion", "application/json", false)]
    [InlineData("ion", null, false)]
    [InlineData("magento", "application/xml", false)]
    public void Only_XML_posted_to_the_ion_endpoints_is_read_as_a_BOD(string connector, string? contentType, bool read) =>
        IonBodReader.Takes(connector, contentType).ShouldBe(read);
}
