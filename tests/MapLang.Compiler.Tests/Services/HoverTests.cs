using MapLang.Compiler.Services.Hover;

namespace MapLang.Compiler.Tests.Services;

public class HoverTests
{
    private const string Lines = """
        use Magento
        use M3
        map Magento.OrderItem -> M3.OIS100Line {
            ITNO = sku
            [|OR|QT|] = qty_ordered ?? 1
            ITDS = [|trunc|ate|](name, 30)
        }
        """;

    [Fact]
    public void A_target_field_shows_type_length_required_flag_and_description()
    {
        var (analysis, m) = Markup.Analyze(Lines.Replace("trunc|ate", "truncate"));
        var hover = HoverService.GetHover(analysis, m.Position)!;
        hover.Span.ShouldBe(m.Spans[0]);
        hover.Markdown.ShouldContain("**ORQT** — Ordered quantity");
        hover.Markdown.ShouldContain("`decimal(15,6)`");
        hover.Markdown.ShouldContain("optional");
        hover.Markdown.ShouldContain("M3.OIS100Line");
    }

    [Fact]
    public void A_function_shows_its_signature_and_docs()
    {
        var (analysis, m) = Markup.Analyze(Lines.Replace("OR|QT", "ORQT"));
        var hover = HoverService.GetHover(analysis, m.Position)!;
        hover.Span.ShouldBe(m.Spans[1]);
        hover.Markdown.ShouldContain("truncate(");
    }

    [Fact]
    public void A_required_field_says_so_in_A_notation()
    {
        var (analysis, m) = Markup.Analyze("""
            use Magento
            use M3
            map Magento.Order -> M3.OIS100 {
                CU|NO = customer_email ?? ""
            }
            """);
        var hover = HoverService.GetHover(analysis, m.Position)!;
        hover.Markdown.ShouldContain("(A10) · required");
    }

    [Fact]
    public void An_M3_code_binding_could_not_place_still_shows_its_M3_meaning()
    {
        var (analysis, m) = Markup.Analyze("""
            use Magento
            use M3
            map Magento.OrderItem -> M3.OIS100Line {
                ITNO = sku
                WH|SL = "A"
            }
            """);
        var hover = HoverService.GetHover(analysis, m.Position)!;
        hover.Markdown.ShouldContain("**WHSL**");
        hover.Markdown.ShouldContain("M3 field");
    }

    [Fact]
    public void Locals_tables_and_maps_describe_themselves()
    {
        var (analysis, m) = Markup.Analyze("""
            use Magento
            use M3
            table Methods: string -> string { "a" => "b" }
            map Magento.Order -> M3.OIS100 {
                CUNO = lookup(Meth|ods, "a") ?? ""
            }
            """);
        HoverService.GetHover(analysis, m.Position)!.Markdown.ShouldContain("table Methods: string -> string");
    }
}
