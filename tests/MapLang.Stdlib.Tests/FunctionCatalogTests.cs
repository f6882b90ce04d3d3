using MapLang.Runtime.Functions;

namespace MapLang.Stdlib.Tests;

public class FunctionCatalogTests
{
    [Fact]
    public void Catalogue_lists_the_stdlib_functions_with_their_category()
    {
        var upper = FunctionCatalog.Find("upper").ShouldHaveSingleItem();
        upper.Category.ShouldBe("text");
        upper.Method.Name.ShouldBe("Upper");
        upper.Signature.ShouldBe("upper(text: string?): string?");
        FunctionCatalog.Find("round").ShouldNotBeEmpty();
        FunctionCatalog.Find("noSuchFunction").ShouldBeEmpty();
        FunctionCatalog.Names.ShouldContain("toM3Date");
    }

    [Fact]
    public void Catalogue_reads_nullability_and_defaults()
    {
        var padLeft = FunctionCatalog.Find("padLeft").ShouldHaveSingleItem();
        padLeft.ReturnsNullable.ShouldBeTrue();
        padLeft.Parameters[0].IsNullable.ShouldBeTrue();
        padLeft.Parameters[1].IsNullable.ShouldBeFalse();
        padLeft.Parameters[2].IsOptional.ShouldBeTrue();
        padLeft.Parameters[2].DefaultValue.ShouldBe(" ");

        var isBlank = FunctionCatalog.Find("isBlank").ShouldHaveSingleItem();
        isBlank.ReturnsNullable.ShouldBeFalse();
        var defaultIfBlank = FunctionCatalog.Find("defaultIfBlank").ShouldHaveSingleItem();
        defaultIfBlank.ReturnsNullable.ShouldBeFalse();
        defaultIfBlank.Parameters[1].IsNullable.ShouldBeFalse();
    }

    [Fact]
    public void Every_function_has_a_doc_a_camelCase_name_and_only_language_types()
    {
        FunctionCatalog.Stdlib.Count.ShouldBeGreaterThan(100);
        foreach (var f in FunctionCatalog.Stdlib)
        {
            f.Doc.ShouldNotBeNullOrWhiteSpace(f.Signature);
            f.Category.ShouldNotBeNullOrWhiteSpace(f.Signature);
            char.IsAsciiLetterLower(f.Name[0]).ShouldBeTrue(f.Signature);
            f.Name.All(char.IsAsciiLetterOrDigit).ShouldBeTrue(f.Signature);
            FunctionCatalog.IsAllowedType(f.ReturnType).ShouldBeTrue(f.Signature);
            foreach (var p in f.Parameters)
            {
                FunctionCatalog.IsAllowedType(p.Type).ShouldBeTrue(f.Signature + " / " + p.Name);
                p.Parameter.IsOut.ShouldBeFalse(f.Signature);
                p.Type.IsByRef.ShouldBeFalse(f.Signature);
            }
        }
    }

    [Fact]
    public void Every_signature_is_unique_by_name_and_parameter_types()
    {
        var seen = new HashSet<string>();
        foreach (var f in FunctionCatalog.Stdlib)
        {
            var key = f.Name + "(" + string.Join(",", f.Parameters.Select(p => p.Type.FullName)) + ")";
            seen.Add(key).ShouldBeTrue("duplicate " + key);
        }
    }

    [Fact]
    public void A_name_belongs_to_one_category()
    {
        foreach (var group in FunctionCatalog.Stdlib.GroupBy(f => f.Name))
        {
            group.Select(f => f.Category).Distinct().Count().ShouldBe(1, group.Key);
        }
    }

    [Fact]
    public void Every_public_static_method_of_a_function_class_is_a_function()
    {
        var types = typeof(FunctionCatalog).Assembly.GetExportedTypes()
            .Where(t => t.GetCustomAttributes(typeof(MapFunctionsAttribute), false).Length > 0);
        foreach (var type in types)
        {
            (type.IsAbstract && type.IsSealed).ShouldBeTrue(type.Name + " must be static");
            foreach (var m in type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly))
            {
                if (!m.IsSpecialName && m.GetCustomAttributes(typeof(MapFunctionAttribute), false).Length == 0)
                {
                    // Public helpers that are not functions are allowed only for compile-time checks.
                    new[] { "Validate", "IsKnown", "Find", "Exists" }.ShouldContain(m.Name, type.Name + "." + m.Name);
                }
            }
        }
    }

    [Fact]
    public void Type_names_are_the_language_names()
    {
        FunctionCatalog.TypeName(typeof(DateOnly?), true).ShouldBe("date?");
        FunctionCatalog.TypeName(typeof(IReadOnlyList<string>), true).ShouldBe("list<string>?");
        FunctionCatalog.IsAllowedType(typeof(int)).ShouldBeFalse();
        FunctionCatalog.IsAllowedType(typeof(double)).ShouldBeFalse();
        FunctionCatalog.IsAllowedType(typeof(IReadOnlyList<decimal?>)).ShouldBeTrue();
    }
}
