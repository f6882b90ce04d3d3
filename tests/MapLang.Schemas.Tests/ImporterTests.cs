using MapLang.Schemas.Import;
using MapLang.Schemas.Loading;
using MapLang.Schemas.Model;

namespace MapLang.Schemas.Tests;

public class ImporterTests
{
    private static EntitySchema Entity(SchemaImportResult r, string system, string name)
    {
        r.HasErrors.ShouldBeFalse();
        var catalog = SchemaLoader.Build([[SchemaLoader.Parse(r.SchemaText, "imported.mlschema")]]);
        catalog.Problems.ShouldBeEmpty();
        return catalog.FindSystem(system)!.FindEntity(name).ShouldNotBeNull();
    }

    [Fact]
    public void M3_metadata_xml_imports()
    {
        var r = M3SchemaImporter.Import(File.ReadAllText(Path.Combine(Repo.Reference, "m3", "examples", "metadata-program.xml")), "metadata-program.xml");
        var get = Entity(r, "M3", "OIS100MI.GetHead");
        get.FindField("ORNO")!.Required.ShouldBeTrue();
        get.FindField("ORNO")!.Type.ShouldBe(new StringType(10));
        get.FindSourceField("ORST")!.Type.ShouldBe(new StringType(2));
    }

    [Fact]
    public void M3_LstFields_reply_imports()
    {
        static string Rec(string trtp, string flnm, string type, string leng, string mand) =>
            $$"""{"NameValue":[{"Name":"MINM","Value":"CRS610MI  "},{"Name":"TRNM","Value":"GetBasicData"},{"Name":"TRTP","Value":"{{trtp}}"},{"Name":"FLNM","Value":"{{flnm}}"},{"Name":"FLDS","Value":"Field {{flnm}}"},{"Name":"LENG","Value":"{{leng}}"},{"Name":"TYPE","Value":"{{type}}"},{"Name":"MAND","Value":"{{mand}}"}],"RowIndex":0}""";
        var json = $$"""{"Program":"MRS001MI","Transaction":"LstFields","MIRecord":[{{Rec("I", "CUNO", "A", "10", "1")}},{{Rec("O", "CUNM", "A", "36", "0")}},{{Rec("O", "LMDT", "D", "8", "0")}}]}""";
        var e = Entity(M3SchemaImporter.Import(json, "lstfields.json"), "M3", "CRS610MI.GetBasicData");
        e.FindField("CUNO")!.Required.ShouldBeTrue();
        e.FindSourceField("CUNM")!.Type.ShouldBe(new StringType(36));
        e.FindSourceField("LMDT")!.Type.ShouldBe(new DateType("yyyyMMdd"));
    }

    [Fact]
    public void Real_yaml_spec_imports_with_refs_allOf_and_enums()
    {
        var text = File.ReadAllText(Path.Combine(Repo.Reference, "bigcommerce", "spec", "customers.v3.yml"));
        var r = OpenApiImporter.Import(text, "customers.v3.yml", new OpenApiImportOptions("Shop", Entities: ["customer_Full"]));
        var customer = Entity(r, "Shop", "CustomerFull");
        customer.FindField("email").ShouldNotBeNull();
        customer.FindField("addresses")!.Type.ShouldBeOfType<ListType>();
    }

    [Fact]
    public void Small_openapi3_spec_with_nullable_oneOf_and_inline_objects()
    {
        var spec = """
            openapi: 3.1.0
            components:
              schemas:
                Order:
                  type: object
                  required: [id]
                  properties:
                    id: { type: integer }
                    state: { type: string, enum: [open, closed] }
                    note: { type: [string, "null"], maxLength: 200 }
                    placed: { type: string, format: date-time }
                    total: { oneOf: [ { type: number }, { type: string } ] }
                    customer:
                      type: object
                      properties:
                        email: { type: string }
                    lines:
                      type: array
                      items: { $ref: '#/components/schemas/Line' }
                Line:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - type: object
                      properties:
                        qty: { type: number }
                Base:
                  type: object
                  properties:
                    sku: { type: string }
            """;
        var r = OpenApiImporter.Import(spec, "s.yaml", new OpenApiImportOptions("S", Entities: ["Order"]));
        r.Problems.ShouldBeEmpty();
        var order = Entity(r, "S", "Order");
        order.FindField("id")!.Required.ShouldBeTrue();
        order.FindField("state")!.Type.ShouldBe(new EnumRefType("OrderState"));
        order.FindField("note")!.Type.ShouldBe(new StringType(200));
        order.FindField("placed")!.Type.ShouldBe(new DateTimeType());
        order.FindField("total")!.Type.ShouldBe(new StringType());
        order.FindField("customer")!.Type.ShouldBe(new RecordRefType("OrderCustomer"));
        order.FindField("lines")!.Type.ShouldBe(new ListType(new RecordRefType("Line")));
        var line = Entity(r, "S", "Line");
        line.Fields.Select(f => f.Name).ShouldBe(["sku", "qty"]);
    }
}
