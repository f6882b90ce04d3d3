using MapLang.Schemas.Loading;
using MapLang.Schemas.Model;

namespace MapLang.Schemas.Tests;

public class SchemaLoaderTests
{
    private static SchemaCatalog Project(params string[] texts) =>
        SchemaLoader.Load(texts.Select((t, i) => new SchemaSource($"project/{i}.mlschema", t)).ToArray());

    [Fact]
    public void Extend_adds_fields_to_a_stdlib_entity_and_keeps_the_rest()
    {
        var catalog = Project("system Magento\nextend entity Product { my_custom_attr: string(50)? \"ours\" }");
        catalog.Problems.ShouldBeEmpty();
        var product = catalog.FindSystem("Magento")!.FindEntity("Product")!;
        product.FindField("sku").ShouldNotBeNull();
        product.Fields[^1].Name.ShouldBe("my_custom_attr");
        product.FindField("my_custom_attr")!.Type.ShouldBe(new StringType(50));
        product.FindField("my_custom_attr")!.Location!.FilePath.ShouldBe("project/0.mlschema");
        SchemaLoader.LoadStdlib().FindSystem("Magento")!.FindEntity("Product")!.FindField("my_custom_attr").ShouldBeNull();
    }

    [Fact]
    public void Extend_redefines_an_existing_field_in_place()
    {
        var catalog = Project("system Magento\nenum MyStatus { \"pending\" \"shipped_to_m3\" }\nextend entity Order { status: MyStatus? }");
        catalog.Problems.ShouldBeEmpty();
        var order = catalog.FindSystem("Magento")!.FindEntity("Order")!;
        order.FindField("status")!.Type.ShouldBe(new EnumRefType("MyStatus"));
        order.Fields.Count.ShouldBe(SchemaLoader.LoadStdlib().FindSystem("Magento")!.FindEntity("Order")!.Fields.Count);
    }

    [Fact]
    public void A_project_entity_replaces_the_stdlib_one()
    {
        var catalog = Project("system Magento\nentity SourceItem \"ours\" { sku: string(64) required }");
        catalog.Problems.ShouldBeEmpty();
        var item = catalog.FindSystem("Magento")!.FindEntity("SourceItem")!;
        item.Description.ShouldBe("ours");
        item.Fields.Select(f => f.Name).ShouldBe(["sku"]);
    }

    [Fact]
    public void Extend_enum_adds_values()
    {
        var catalog = Project("system NopCommerce\nextend enum OrderStatus { 50: \"On hold\" }");
        catalog.Problems.ShouldBeEmpty();
        catalog.FindSystem("NopCommerce")!.FindEnum("OrderStatus")!.Members.Select(m => m.Value).ShouldBe(["10", "20", "30", "40", "50"]);
    }

    [Fact]
    public void A_new_system_can_be_declared_and_untouched_systems_are_shared()
    {
        var catalog = Project("system Acme \"Our ERP\"\nentity Thing { id: int required\n parts: list<Part> }\nentity Part { n: int }");
        catalog.Problems.ShouldBeEmpty();
        catalog.FindSystem("Acme")!.FindEntity("Thing")!.FindField("parts")!.Type.ShouldBe(new ListType(new RecordRefType("Part")));
        catalog.FindSystem("M3").ShouldBeSameAs(SchemaLoader.LoadStdlib().FindSystem("M3"));
    }

    [Fact]
    public void Two_project_files_declaring_the_same_entity_is_a_duplicate()
    {
        var catalog = Project("system Acme\nentity A { x: int }", "system Acme\nentity A { y: int }");
        catalog.Problems.Select(p => p.Code).ShouldBe(["ML3521"]);
    }

    [Fact]
    public void Folders_are_searched_for_schema_files()
    {
        var dir = Directory.CreateTempSubdirectory("maplang-schemas-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "sub"));
            File.WriteAllText(Path.Combine(dir.FullName, "sub", "x.mlschema"), "system Magento\nextend entity Order { erp_ref: string(20)? }");
            File.WriteAllText(Path.Combine(dir.FullName, "ignored.txt"), "not a schema");
            var catalog = SchemaLoader.Load([dir.FullName]);
            catalog.Problems.ShouldBeEmpty();
            catalog.FindSystem("Magento")!.FindEntity("Order")!.FindField("erp_ref").ShouldNotBeNull();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Wire_names_and_round_trip_through_the_writer()
    {
        var text = "system T\nentity A \"d\" writes B { \"@odd-name\" as odd: decimal(15,6)? required \"desc\"\n output { r: date(\"yyyyMMdd\") } }\nentity B { x: int }";
        var catalog = SchemaLoader.Build([[SchemaLoader.Parse(text, "t")]]);
        catalog.Problems.ShouldBeEmpty();
        var a = catalog.FindSystem("T")!.FindEntity("A")!;
        a.Fields[0].WireName.ShouldBe("@odd-name");
        a.Fields[0].Nullable.ShouldBeTrue();
        a.Fields[0].Required.ShouldBeTrue();
        var system = catalog.FindSystem("T")!;
        var written = Writing.SchemaWriter.Write([], "T", null, system.Enums.Values, system.Entities.Values);
        var again = SchemaLoader.Build([[SchemaLoader.Parse(written, "t2")]]);
        again.Problems.ShouldBeEmpty();
        again.FindSystem("T")!.FindEntity("A")!.Fields.ShouldBe(a.Fields.Select(f => f with { Location = again.FindSystem("T")!.FindEntity("A")!.FindField(f.Name)!.Location }).ToArray());
    }
}
