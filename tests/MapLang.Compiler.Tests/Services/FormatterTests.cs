using MapLang.Compiler.Services.Formatting;

namespace MapLang.Compiler.Tests.Services;

public class FormatterTests
{
    [Fact]
    public void Formats_to_the_canonical_layout_keeping_comments()
    {
        var formatted = Formatter.Format("""
            // Header comment
            use Magento
            use   M3
            const A=1
            table T:string->string{"a"=>"b" // row
            default=>"c"}
            map Magento.Order->M3.OIS100{ CUNO=customer_email??""   // who
              // the order type
                ORTP="WEB"


              CUOR = increment_id ?? fail("x")
            }
            // end
            """);
        formatted.ShouldBe("""
            // Header comment
            use Magento
            use M3

            const A = 1

            table T: string -> string {
                "a"     => "b" // row
                default => "c"
            }

            map Magento.Order -> M3.OIS100 {
                CUNO = customer_email ?? "" // who
                // the order type
                ORTP = "WEB"

                CUOR = increment_id ?? fail("x")
            }
            // end

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Formatting_is_idempotent_on_the_examples()
    {
        var root = RepositoryRoot.Path;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "examples"), "*.map", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests", "MapLang.Compiler.Tests", "Baselines"), "*.map", SearchOption.AllDirectories)))
        {
            var original = File.ReadAllText(file);
            var once = Formatter.Format(original);
            if (once is null) continue;
            Formatter.Format(once).ShouldBe(once, file);
            // The same program: the canonical print of both trees is the same.
            Canonical(once).ShouldBe(Canonical(original), file);
            once.Count(c => c == '/').ShouldBeGreaterThanOrEqualTo(File.ReadAllText(file).Split("//").Length - 1, file);
        }
    }

    [Fact]
    public void A_member_with_a_comment_inside_is_kept_as_written()
    {
        var text = """
            use Magento
            use M3

            map Magento.Order -> M3.OIS100 {
                CUNO = customer_email /* inside */ ?? ""
            }

            """;
        Formatter.Format(text).ShouldBe(text);
    }

    [Fact]
    public void Text_with_syntax_errors_is_not_formatted()
    {
        Formatter.Format("map Magento.Order -> {").ShouldBeNull();
    }

    private static string Canonical(string text) =>
        MapLang.Compiler.Syntax.SyntaxPrinter.Print(MapLang.Compiler.Parsing.SyntaxBuilder.Parse(new MapLang.Compiler.Text.SourceText("", text)).Root);

}
