using MapLang.Schemas.Diagnostics;
using MapLang.Schemas.Import;
using MapLang.Schemas.Loading;
using MapLang.Schemas.Model;

namespace MapLang.Schemas.Tests;

/// <summary>Each ML35xx code has a schema text (or spec) that produces it.</summary>
public class SchemaProblemTests
{
    private const string Sys = "system T\n";

    public static readonly Dictionary<string, string> SchemaSamples = new()
    {
        ["ML3500"] = Sys + "entity A { x string }",
        ["ML3501"] = Sys + "entity A \"unclosed {\n x: int }",
        ["ML3502"] = Sys + "entity A { x: int # }",
        ["ML3503"] = "entity A { x: int }",
        ["ML3504"] = Sys + "system U\nentity A { x: int }",
        ["ML3505"] = Sys + "entity A \"bad \\q escape\" { x: int }",
        ["ML3506"] = Sys + "entity A { x: string(99999999999) }",
        ["ML3507"] = Sys + "entity A { x: int } /* never closed",
        ["ML3510"] = Sys + "entity A { x: Nope }",
        ["ML3511"] = Sys + "entity A { x: bool(3) }",
        ["ML3512"] = Sys + "entity A { x: string(0) }",
        ["ML3513"] = Sys + "entity A { x: date(\"HH:mm\") }",
        ["ML3520"] = Sys + "entity A { x: int\n x: string }",
        ["ML3521"] = Sys + "entity A { x: int }\nentity A { y: int }",
        ["ML3522"] = Sys + "enum E { \"a\" }\nenum E { \"b\" }",
        ["ML3523"] = Sys + "enum E { \"a\" \"a\" }",
        ["ML3524"] = Sys + "enum E { \"a\" 1 }",
        ["ML3525"] = Sys + "enum E { }",
        ["ML3526"] = Sys + "entity A { x: int }\nenum A { 1 }",
        ["ML3527"] = Sys + "entity A { x: int output { y: int } output { z: int } }",
        ["ML3528"] = Sys + "entity A { x: int }\nmisnomer B -> A \"use A\"\nmisnomer B -> A \"again\"",
        ["ML3529"] = Sys + "entity A { x: int\n \"x\" as y: int }",
        ["ML3530"] = Sys + "entity A writes Nope { x: int }",
        ["ML3531"] = Sys + "extend entity Nope { x: int }",
        ["ML3532"] = Sys + "entity A { x: int }\nmisnomer B -> C \"use C\"",
        ["ML3533"] = Sys + "entity A { x: int }\nmisnomer A -> A \"no\"",
    };

    [Theory]
    [MemberData(nameof(SampleCodes))]
    public void Schema_mistake_produces_its_code(string code)
    {
        var catalog = SchemaLoader.Build([[SchemaLoader.Parse(SchemaSamples[code], "t.mlschema")]]);
        catalog.Problems.Select(p => p.Code).ShouldContain(code);
        var problem = catalog.Problems.First(p => p.Code == code);
        problem.Location.ShouldNotBeNull().FilePath.ShouldBe("t.mlschema");
        problem.Message.ShouldNotContain("{0}");
    }

    public static TheoryData<string> SampleCodes()
    {
        var data = new TheoryData<string>();
        foreach (var code in SchemaSamples.Keys) data.Add(code);
        return data;
    }

    [Fact]
    public void Every_code_is_unique_described_and_tested()
    {
        var all = SchemaProblemCodes.All;
        all.Select(d => d.Code).ShouldBeUnique();
        all.ShouldAllBe(d => d.Code.StartsWith("ML35") && d.Code.Length == 6 && d.Title.Length > 0 && d.MessageTemplate.Length > 0);
        var tested = SchemaSamples.Keys.Concat(["ML3540", "ML3541", "ML3542", "ML3543", "ML3544", "ML3545", "ML3546", "ML3590"]);
        all.Select(d => d.Code).ShouldBe(tested.Order(), ignoreOrder: true);
    }

    [Fact]
    public void Problems_point_at_the_exact_span()
    {
        var text = Sys + "entity A {\n    x: Nope\n}";
        var problem = SchemaLoader.Build([[SchemaLoader.Parse(text, "t.mlschema")]]).Problems.Single();
        problem.Code.ShouldBe("ML3510");
        problem.Location.ShouldBe(new SourceLocation("t.mlschema", text.IndexOf("Nope", StringComparison.Ordinal), 4, 3, 8));
    }

    [Fact]
    public void Several_mistakes_in_one_file_are_all_reported_and_good_declarations_survive()
    {
        var text = Sys + "entity A { x: Nope\n y string\n z: int }\nentity B { w: string(0) }\nentity C { ok: int }";
        var catalog = SchemaLoader.Build([[SchemaLoader.Parse(text, "t.mlschema")]]);
        catalog.Problems.Select(p => p.Code).ShouldBe(["ML3500", "ML3510", "ML3512"], ignoreOrder: true);
        var t = catalog.FindSystem("T")!;
        t.FindEntity("A")!.FindField("z")!.Type.ShouldBe(new IntType());
        t.FindEntity("C")!.FindField("ok").ShouldNotBeNull();
    }

    [Fact]
    public void Import_problems_name_the_construct_and_its_json_pointer()
    {
        var opts = new OpenApiImportOptions("X");
        Codes(OpenApiImporter.Import("{ not json", "a.json", opts)).ShouldContain("ML3540");
        Codes(OpenApiImporter.Import("{\"info\": {}}", "a.json", opts)).ShouldContain("ML3541");

        var broken = OpenApiImporter.Import("""{"openapi":"3.0.0","components":{"schemas":{"A":{"type":"object","properties":{"b":{"$ref":"#/components/schemas/Missing"}}}}}}""", "a.json", opts);
        broken.Problems.Single().Code.ShouldBe("ML3542");
        broken.Problems.Single().Message.ShouldContain("/components/schemas/A/properties/b/$ref");

        var mixed = OpenApiImporter.Import("""{"openapi":"3.0.0","components":{"schemas":{"A":{"type":"object","properties":{"v":{"oneOf":[{"type":"boolean"},{"type":"array","items":{"type":"string"}}]}}}}}}""", "a.json", opts);
        mixed.Problems.Single().Code.ShouldBe("ML3543");
        mixed.Problems.Single().Message.ShouldContain("/components/schemas/A/properties/v");
        mixed.SchemaText.ShouldContain("v: any?");

        var clash = OpenApiImporter.Import("""{"swagger":"2.0","definitions":{"A":{"type":"object","properties":{"a-b":{"type":"string"},"a_b":{"type":"string"}}}}}""", "a.json", opts);
        Codes(clash).ShouldBe(["ML3544"]);
        Codes(OpenApiImporter.Import("""{"swagger":"2.0","definitions":{}}""", "a.json", opts with { Entities = ["Nope"] })).ShouldContain("ML3545");

        var m3 = M3SchemaImporter.Import("""{"program":"X","transactions":[{"name":"Get","input":[{"name":"F","type":"Q","length":1}],"output":[]}]}""", "x.json");
        Codes(m3).ShouldBe(["ML3546"]);
    }

    [Fact]
    public void An_unreadable_project_file_is_a_problem_not_an_exception()
    {
        var catalog = SchemaLoader.Load([Path.Combine(Path.GetTempPath(), "does-not-exist-" + Guid.NewGuid() + ".mlschema")]);
        catalog.Problems.Select(p => p.Code).ShouldBe(["ML3590"]);
    }

    private static string[] Codes(SchemaImportResult r) => r.Problems.Select(p => p.Code).ToArray();
}
