using MapLang.Compiler.Services.Completion;

namespace MapLang.Compiler.Tests.Services;

public class CompletionTests
{
    private static IReadOnlyList<CompletionItem> Complete(string markup)
    {
        var (analysis, m) = Markup.Analyze(markup);
        return CompletionService.GetCompletions(analysis, m.Position);
    }

    [Fact]
    public void Target_fields_not_yet_assigned_come_with_their_description_required_ones_first()
    {
        var items = Complete("""
            use Magento
            use M3
            map Magento.Order -> M3.OIS100 {
                CONO = 100
                CU|
            }
            """);
        var cuno = items.Single(i => i.Label == "CUNO");
        cuno.Kind.ShouldBe(CompletionKind.TargetField);
        cuno.Detail.ShouldBe("Customer number (A10, required)");
        cuno.InsertText.ShouldBe("CUNO = $0");
        items[0].Label.ShouldBe("CUNO");
        items.ShouldNotContain(i => i.Label == "CONO");
        items.ShouldContain(i => i.Label == "let");
    }

    [Fact]
    public void An_unfinished_map_body_still_offers_the_targets_fields()
    {
        var items = Complete("""
            use Magento
            use M3
            map Magento.OrderItem -> M3.OIS100Line {
                ITNO = sku
                OR|
            """);
        items.Select(i => i.Label).ShouldContain("ORQT");
        items.ShouldNotContain(i => i.Label == "ITNO");
    }

    [Fact]
    public void A_body_with_only_a_brace_offers_target_fields()
    {
        var items = Complete("""
            use Magento
            use M3
            map Magento.OrderItem -> M3.OIS100Line { |
            """);
        items[0].Label.ShouldBe("ITNO");
    }

    [Fact]
    public void Expressions_offer_source_fields_with_type_and_description_locals_constants_functions()
    {
        var items = Complete("""
            use Magento
            use M3
            const COMPANY = 100
            map Magento.Order -> M3.OIS100 {
                let email = customer_email
                CUNO = |
            }
            """);
        var field = items.Single(i => i.Label == "customer_email");
        field.Kind.ShouldBe(CompletionKind.Field);
        field.Detail!.ShouldContain("string");
        items.ShouldContain(i => i.Label == "email" && i.Kind == CompletionKind.Local);
        items.ShouldContain(i => i.Label == "COMPANY" && i.Kind == CompletionKind.Constant);
        var truncate = items.Single(i => i.Label == "truncate");
        truncate.IsSnippet.ShouldBeTrue();
        truncate.InsertText.ShouldStartWith("truncate(${1:");
        items.ShouldContain(i => i.Label == "if" && i.Kind == CompletionKind.Keyword);
        items.ShouldNotContain(i => i.Kind == CompletionKind.TargetField);
    }

    [Fact]
    public void After_use_the_connectors_not_yet_used()
    {
        var items = Complete("""
            use Magento
            use |
            """);
        items.Select(i => i.Label).ShouldContain("M3");
        items.Select(i => i.Label).ShouldNotContain("Magento");
    }

    [Fact]
    public void After_a_connector_in_a_map_header_its_entities()
    {
        var items = Complete("""
            use Magento
            use M3
            map Magento.Order -> M3.|
            """);
        items.Select(i => i.Label).ShouldContain("OIS100");
        items.Select(i => i.Label).ShouldContain("OIS100MI.AddBatchHead");
        items.ShouldAllBe(i => i.Kind == CompletionKind.Entity);
    }

    [Fact]
    public void After_a_dot_on_a_list_its_operations_and_on_a_record_its_fields()
    {
        var list = Complete("""
            use Magento
            use M3
            map Magento.Order -> M3.OIS100 {
                CUNO = "x"
                lines = items.|
            }
            """);
        list.Select(i => i.Label).ShouldContain("filter");
        list.Select(i => i.Label).ShouldContain("map");

        var record = Complete("""
            use Magento
            use M3
            map Magento.Order -> M3.OIS100 {
                let first = items.first()
                CUNO = first?.|
            }
            """);
        record.Select(i => i.Label).ShouldContain("sku");
    }

    [Fact]
    public void Inside_a_list_operation_the_elements_fields_come_first()
    {
        var items = Complete("""
            use Magento
            use M3
            map Magento.Order -> M3.OIS100 {
                CUNO = "x"
                ORQT = items.filter(|)
            }
            """);
        items[0].Kind.ShouldBe(CompletionKind.Field);
        items.Select(i => i.Label).ShouldContain("parent_item_id");
    }

    [Fact]
    public void The_first_argument_of_lookup_proposes_tables_first()
    {
        var items = Complete("""
            use Magento
            use M3
            table Methods: string -> string { default => "POS" }
            map Magento.Order -> M3.OIS100 {
                CUNO = "x"
                MODL = lookup(|)
            }
            """);
        items[0].Label.ShouldBe("Methods");
        items[0].Kind.ShouldBe(CompletionKind.Table);
    }

    [Fact]
    public void At_the_top_level_declaration_keywords_and_nothing_in_comments()
    {
        Complete("|").Select(i => i.Label).ShouldBe(["const", "flow", "import", "map", "table", "use"], ignoreOrder: true);
        Complete("// a comment wh|").ShouldBeEmpty();
    }

    private const string FlowFile = """
        use Magento
        use M3
        map OrderToOIS100: Magento.Order -> M3.OIS100 {
            CUNO = "C"
            CONO = 100
            ORTP = "WEB"
            WHLO = "100"
            CUOR = increment_id ?? ""
            CUCD = "EUR"
        }
        flow Orders {
            on webhook magento "order.created" as Magento.Order
            key increment_id
            map record = OrderToOIS100(payload)
            call m3 "M3.OIS100" with record into result
            @
            reply magento "order.ship" to payload.entity_id with result
        }
        """;

    [Fact]
    public void A_new_line_in_a_flow_offers_its_members_as_snippets()
    {
        var items = Complete(FlowFile.Replace("@", "|"));
        items.Select(i => i.Label).ShouldBe(["call", "fetch", "for each", "if", "key", "lookup", "map", "on ion", "on schedule", "on webhook", "reply"], ignoreOrder: true);
        items.Single(i => i.Label == "on schedule").InsertText.ShouldContain("every ${3:60}");
    }

    [Fact]
    public void After_map_x_equals_the_maps_are_offered_with_their_source_and_target()
    {
        var map = Complete(FlowFile.Replace("@", "map other = |")).Single(i => i.Label == "OrderToOIS100");
        map.Kind.ShouldBe(CompletionKind.Map);
        map.Detail.ShouldBe("Magento.Order -> M3.OIS100");
    }

    [Fact]
    public void A_path_starts_with_payload_or_an_output_of_an_earlier_step()
    {
        Complete(FlowFile.Replace("@", "call m3 \"X/Y\" with |")).Select(i => i.Label).ShouldBe(["payload", "record", "result"], ignoreOrder: true);
        Complete(FlowFile.Replace("map record = OrderToOIS100(payload)", "map record = OrderToOIS100(|)").Replace("@", ""))
            .Select(i => i.Label).ShouldBe(["payload"]);
        Complete(FlowFile.Replace("@", "for each line in record.lines {\n call m3 \"X/Y\" with |\n }")).Select(i => i.Label)
            .ShouldBe(["payload", "record", "result", "line"], ignoreOrder: true);
    }

    [Fact]
    public void After_as_a_systems_entities_are_offered_and_a_field_block_offers_no_steps()
    {
        Complete(FlowFile.Replace("@", "fetch order from magento \"order.get\" by payload.entity_id as M3.MWS|")).Select(i => i.Label).ShouldContain("MWS410");
        Complete(FlowFile.Replace("reply magento \"order.ship\" to payload.entity_id with result", "reply magento \"order.comment\" to payload.entity_id { |").Replace("@", ""))
            .ShouldBeEmpty();
    }
}
