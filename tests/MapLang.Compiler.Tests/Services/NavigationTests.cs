using MapLang.Compiler.Services.Navigation;

namespace MapLang.Compiler.Tests.Services;

public class NavigationTests
{
    private const string Document = """
        use Magento
        use M3
        table [|Methods|]: string -> string { "a" => "b" }
        map Magento.Order -> M3.OIS100 {
            let [|email|] = customer_email
            CUNO = [|email|] ?? ""
            MODL = lookup([|Meth|ods|], "a")
        }
        """;

    [Fact]
    public void Definition_of_a_table_and_a_let()
    {
        var (analysis, m) = Markup.Analyze(Document);
        var table = DefinitionService.GetDefinition(analysis, m.Position).Single();
        table.Path.ShouldBe(Markup.Path);
        table.Span.ShouldBe(m.Spans[0]);

        var (analysis2, m2) = Markup.Analyze(Document.Replace("Meth|ods", "Methods").Replace("CUNO = [|email|]", "CUNO = [|em|ail|]"));
        DefinitionService.GetDefinition(analysis2, m2.Position).Single().Span.ShouldBe(m2.Spans[1]);
    }

    [Fact]
    public void Definition_of_a_schema_field_opens_the_materialised_stdlib_schema()
    {
        var (analysis, m) = Markup.Analyze("""
            use Magento
            use M3
            map Magento.Order -> M3.OIS100 {
                CU|NO = customer_email ?? ""
            }
            """);
        var location = DefinitionService.GetDefinition(analysis, m.Position).Single();
        location.Path.ShouldEndWith(Path.Combine("m3", "views.mlschema"));
        File.Exists(location.Path).ShouldBeTrue();
        var line = File.ReadAllLines(location.Path)[location.Start.Line];
        line[location.Start.Character..].ShouldStartWith("CUNO");
    }

    [Fact]
    public void References_and_highlights_find_every_use()
    {
        var (analysis, m) = Markup.Analyze(Document.Replace("[|Meth|ods|]", "[|Methods|]").Replace("let [|email|]", "let [|em|ail|]"));
        var references = ReferenceService.FindReferences(analysis, m.Position, includeDeclaration: true);
        references.Select(r => r.Span).ShouldBe([m.Spans[1], m.Spans[2]]);
        ReferenceService.FindReferences(analysis, m.Position, includeDeclaration: false).Select(r => r.Span).ShouldBe([m.Spans[2]]);
        var highlights = ReferenceService.Highlights(analysis, m.Position);
        highlights.ShouldBe([(m.Spans[1], true), (m.Spans[2], false)]);
    }

    [Fact]
    public void Rename_a_table_everywhere_and_refuse_schema_names_and_bad_names()
    {
        var (analysis, m) = Markup.Analyze(Document);
        RenameService.Prepare(analysis, m.Position).ShouldBe(m.Spans[3]);
        var result = RenameService.Rename(analysis, m.Position, "DeliveryMethods");
        result.Error.ShouldBeNull();
        result.Edits.Select(e => e.Location.Span).ShouldBe([m.Spans[0], m.Spans[3]]);
        result.Edits.ShouldAllBe(e => e.NewText == "DeliveryMethods");
        RenameService.Rename(analysis, m.Position, "map").Error.ShouldNotBeNull();
        RenameService.Rename(analysis, m.Position, "9x").Error.ShouldNotBeNull();

        var (fields, f) = Markup.Analyze(Document.Replace("Meth|ods", "Methods").Replace("CUNO", "CU|NO"));
        RenameService.Prepare(fields, f.Position).ShouldBeNull();
    }
}
