using MapLang.Compiler.Services.Completion;
using MapLang.Compiler.Services.Documents;

namespace MapLang.Compiler.Tests.Services;

public class FocusedTextTests
{
    private const string Text = """
        use Magento
        use M3

        map OrderLine: Magento.OrderItem -> M3.OIS100Line {
            ITNO = sku
            ITDS = "{name}"
        }

        map Magento.Order -> M3.OIS100 {
            let email = customer_email
            CUNO = email ?? ""
            lines = items.map(OrderLine)
        }

        """;

    [Fact]
    public void Blanks_the_other_maps_bodies_and_keeps_every_offset()
    {
        var position = Text.IndexOf("CUNO", StringComparison.Ordinal);
        var focused = FocusedText.BlankOtherMaps(Text, position)!;
        focused.Length.ShouldBe(Text.Length);
        focused.ShouldNotContain("ITNO");
        focused.ShouldContain("map OrderLine: Magento.OrderItem -> M3.OIS100Line {");
        focused.ShouldContain("CUNO = email");
        focused.Split('\n').Length.ShouldBe(Text.Split('\n').Length);
    }

    [Fact]
    public void Completion_on_the_focused_text_matches_the_full_analysis()
    {
        var workspace = new Workspace();
        var snapshot = workspace.Open("/maplang-tests/focus.map", Text, 1);
        foreach (var anchor in new[] { "CUNO", "email ??", "items.map", "OrderLine)", "ITDS" })
        {
            var position = Text.IndexOf(anchor, StringComparison.Ordinal) + 2;
            var focused = workspace.Open("/maplang-tests/focus.map", Text, 2).AnalysisNear(position);
            var full = snapshot.Analysis;
            focused.ShouldNotBeSameAs(full);
            CompletionService.GetCompletions(focused, position).Select(i => (i.Label, i.Detail))
                .ShouldBe(CompletionService.GetCompletions(full, position).Select(i => (i.Label, i.Detail)), anchor);
        }
    }
}
