using MapLang.Compiler.Services.Classification;
using MapLang.Compiler.Services.InlayHints;
using MapLang.Compiler.Services.Outline;
using MapLang.Compiler.Services.SignatureHelp;

namespace MapLang.Compiler.Tests.Services;

public class OutlineAndClassificationTests
{
    private const string Document = """
        // Orders
        // to M3
        use Magento
        use M3
        const COMPANY = 100
        table Methods: string -> string {
            "a" => "b"
        }
        map Magento.Order -> M3.OIS100 {
            let email = customer_email
            CUNO = email ?? ""
            CONO = COMPANY
            MODL = lookup(Methods, "a")
        }
        """;

    [Fact]
    public void The_outline_lists_declarations_and_map_members()
    {
        var (analysis, _) = Markup.Analyze(Document);
        var symbols = DocumentSymbolService.GetSymbols(analysis);
        symbols.Select(s => (s.Name, s.Kind)).ShouldBe([
            ("Magento", OutlineKind.Connector), ("M3", OutlineKind.Connector), ("COMPANY", OutlineKind.Constant),
            ("Methods", OutlineKind.Table), ("Magento.Order -> M3.OIS100", OutlineKind.Map)]);
        symbols[^1].Children.Select(c => c.Name).ShouldBe(["email", "CUNO", "CONO", "MODL"]);
    }

    [Fact]
    public void Folding_covers_bodies_comment_runs_and_use_lines()
    {
        var (analysis, _) = Markup.Analyze(Document);
        var ranges = FoldingRangeService.GetRanges(analysis);
        ranges.ShouldContain(new FoldingRange(0, 1, FoldingKind.Comment));
        ranges.ShouldContain(new FoldingRange(2, 3, FoldingKind.Imports));
        ranges.ShouldContain(new FoldingRange(5, 7, FoldingKind.Region));
        ranges.ShouldContain(new FoldingRange(8, 13, FoldingKind.Region));
    }

    [Fact]
    public void Semantic_tokens_tell_connectors_entities_fields_locals_and_functions_apart()
    {
        var (analysis, _) = Markup.Analyze(Document);
        var spans = SemanticTokenService.Classify(analysis);
        string TypeAt(string word, int occurrence = 0)
        {
            var index = -1;
            for (var i = 0; i <= occurrence; i++) index = analysis.Text.Text.IndexOf(word, index + 1, StringComparison.Ordinal);
            return spans.Single(s => s.Span.Start == index).Type;
        }
        TypeAt("// Orders").ShouldBe("comment");
        TypeAt("use").ShouldBe("keyword");
        TypeAt("Magento", 1).ShouldBe("namespace");
        TypeAt("OIS100").ShouldBe("type");
        TypeAt("customer_email").ShouldBe("property");
        TypeAt("CUNO").ShouldBe("property");
        TypeAt("email", 2).ShouldBe("variable");
        TypeAt("lookup").ShouldBe("function");
        TypeAt("Methods", 1).ShouldBe("enum");
        TypeAt("\"a\"", 1).ShouldBe("string");
    }

    [Fact]
    public void Inlay_hints_spell_out_M3_codes()
    {
        var (analysis, _) = Markup.Analyze(Document);
        var hints = InlayHintService.GetHints(analysis, new Text.TextSpan(0, analysis.Text.Length));
        var cuno = analysis.Text.Text.IndexOf("CUNO", StringComparison.Ordinal);
        hints.ShouldContain(h => h.Position == cuno + 4 && h.Label == "Customer number");
        hints.ShouldContain(h => h.Label == "Company");
    }

    [Fact]
    public void Signature_help_shows_the_call_and_the_argument_being_typed()
    {
        var (analysis, m) = Markup.Analyze("""
            use Magento
            use M3
            map Magento.Order -> M3.OIS100 {
                CUNO = truncate(customer_email, |
            }
            """);
        var help = SignatureHelpService.GetSignatureHelp(analysis, m.Position)!;
        help.Signatures[help.ActiveSignature].Label.ShouldStartWith("truncate(");
        help.ActiveParameter.ShouldBe(1);
    }
}
