using System.Xml.Linq;

namespace MapLang.Cli.Tests;

public sealed class TestCommandTests
{
    private static object OneCase(params object[] scrubbers) => new
    {
        cases = new[] { new { name = "order", map = "Order" } },
        scrubbers,
    };

    private const string Verified = """
        {
          "CUNO": "C1",
          "CUOR": "000000007",
          "ORDT": "20240531",
          "lines": [
            { "ITNO": "TEE-S", "ORQT": 2, "CUPO": "11" },
            { "ITNO": "CAP", "ORQT": 1, "CUPO": "12" }
          ]
        }
        """;

    [Fact]
    public void A_case_equal_to_its_verified_file_passes()
    {
        using var folder = new TestFolder();
        folder.Write("order.input.json", TestFolder.Order);
        folder.Write("order.verified.json", Verified);
        folder.Cases(OneCase());

        var (exit, output, _) = folder.Run();

        exit.ShouldBe(Program.Clean, output);
        output.ShouldContain("ok   order (Order)");
        output.ShouldContain("1 passed");
        folder.Exists("order.received.json").ShouldBeFalse();
    }

    [Fact]
    public void A_changed_field_fails_with_a_field_level_diff_and_a_received_file()
    {
        using var folder = new TestFolder();
        folder.Write("order.input.json", TestFolder.Order.Replace("\"qty_ordered\": 2", "\"qty_ordered\": 3"));
        folder.Write("order.verified.json", Verified);
        folder.Cases(OneCase());

        var (exit, output, _) = folder.Run();

        exit.ShouldBe(Program.ErrorsFound);
        output.ShouldContain("FAIL order (Order)");
        output.ShouldContain("lines[0].ORQT: 2 → 3");
        output.ShouldContain("received: ");
        folder.Read("order.received.json").ShouldContain("\"ORQT\": 3");
        folder.Read("order.verified.json").ShouldBe(Verified);
    }

    [Fact]
    public void Added_and_removed_fields_and_list_entries_are_named()
    {
        using var folder = new TestFolder();
        folder.Write("order.input.json", TestFolder.Order.Replace(", {\"item_id\": 12, \"sku\": \"CAP\", \"qty_ordered\": 1}", ""));
        folder.Write("order.verified.json", Verified.Replace("\"CUNO\": \"C1\",", "\"CUNO\": \"C1\", \"YREF\": \"x\","));
        folder.Cases(OneCase());

        var (_, output, _) = folder.Run();

        output.ShouldContain("YREF: removed (was \"x\")");
        output.ShouldContain("lines[1]: removed (was {\"ITNO\":\"CAP\",\"ORQT\":1,\"CUPO\":\"12\"})");
    }

    [Fact]
    public void Update_accepts_the_received_record_and_the_next_run_passes()
    {
        using var folder = new TestFolder();
        folder.Write("order.input.json", TestFolder.Order);
        folder.Write("order.verified.json", Verified.Replace("TEE-S", "TEE-M"));
        folder.Cases(OneCase());
        folder.Run().Exit.ShouldBe(Program.ErrorsFound);
        folder.Exists("order.received.json").ShouldBeTrue();

        var (exit, output, _) = folder.Run(update: true);

        exit.ShouldBe(Program.Clean, output);
        output.ShouldContain("ACPT order (Order)");
        folder.Exists("order.received.json").ShouldBeFalse();
        folder.Read("order.verified.json").ShouldContain("\"ITNO\": \"TEE-S\"");
        folder.Run().Exit.ShouldBe(Program.Clean);
    }

    [Fact]
    public void A_case_without_a_verified_file_is_new_until_accepted()
    {
        using var folder = new TestFolder();
        folder.Write("order.input.json", TestFolder.Order);
        folder.Cases(OneCase());

        var (exit, output, _) = folder.Run();

        exit.ShouldBe(Program.ErrorsFound);
        output.ShouldContain("NEW  order (Order)");
        folder.Exists("order.received.json").ShouldBeTrue();
        folder.Run(update: true).Exit.ShouldBe(Program.Clean);
        folder.Exists("order.verified.json").ShouldBeTrue();
    }

    [Fact]
    public void An_expected_mapping_error_is_verified_as_text()
    {
        using var folder = new TestFolder();
        folder.Write("order.input.json", TestFolder.Order.Replace("\"grand_total\": 30", "\"grand_total\": 0"));
        folder.Cases(OneCase());
        folder.Run(update: true).Exit.ShouldBe(Program.Clean);

        folder.Read("order.verified.txt").ShouldContain("Order 000000007 has no total");
        folder.Exists("order.verified.json").ShouldBeFalse();
        folder.Run().Exit.ShouldBe(Program.Clean);

        // The error went away: the case now fails, naming the expected error.
        folder.Write("order.input.json", TestFolder.Order);
        var (exit, output, _) = folder.Run();
        exit.ShouldBe(Program.ErrorsFound);
        output.ShouldContain("expected the mapping to fail with:");
        folder.Exists("order.received.json").ShouldBeTrue();
    }

    [Fact]
    public void A_mapping_error_where_a_record_was_verified_fails_with_the_message()
    {
        using var folder = new TestFolder();
        folder.Write("order.input.json", TestFolder.Order.Replace("\"grand_total\": 30", "\"grand_total\": 0"));
        folder.Write("order.verified.json", Verified);
        folder.Cases(OneCase());

        var (exit, output, _) = folder.Run();

        exit.ShouldBe(Program.ErrorsFound);
        output.ShouldContain("the mapping failed: ");
        folder.Read("order.received.txt").ShouldContain("has no total");
    }

    [Fact]
    public void Path_and_builtin_scrubbers_replace_volatile_values()
    {
        using var folder = new TestFolder();
        folder.Write("order.input.json", TestFolder.Order);
        folder.Cases(OneCase(new { path = "lines[*].CUPO", replacement = "{line}" }, new { builtin = "dates" }));

        folder.Run(update: true).Exit.ShouldBe(Program.Clean);

        var verified = folder.Read("order.verified.json");
        verified.ShouldContain("\"ORDT\": \"Date_1\"");
        verified.ShouldContain("\"CUPO\": \"{line}\"");
        verified.ShouldNotContain("20240531");

        // Another date is scrubbed the same way: the case still passes.
        folder.Write("order.input.json", TestFolder.Order.Replace("2024-05-31", "2025-01-02"));
        folder.Run().Exit.ShouldBe(Program.Clean);
    }

    [Fact]
    public void Pattern_scrubbers_number_distinct_values()
    {
        using var folder = new TestFolder();
        folder.Write("order.input.json", TestFolder.Order);
        folder.Cases(OneCase(new { pattern = "^[A-Z]+-?[A-Z]*$", replacement = "Sku_{n}" }));

        folder.Run(update: true).Exit.ShouldBe(Program.Clean);

        var verified = folder.Read("order.verified.json");
        verified.ShouldContain("\"ITNO\": \"Sku_1\"");
        verified.ShouldContain("\"ITNO\": \"Sku_2\"");
        verified.ShouldContain("\"CUNO\": \"C1\"");
    }

    [Fact]
    public void JUnit_xml_lists_every_case_with_its_failure()
    {
        using var folder = new TestFolder();
        folder.Write("order.input.json", TestFolder.Order);
        folder.Write("order.verified.json", Verified.Replace("\"ORQT\": 1", "\"ORQT\": 5"));
        folder.Write("again.input.json", TestFolder.Order);
        folder.Write("again.verified.json", Verified);
        folder.Cases(new { cases = new[] { new { name = "order", map = "Order" }, new { name = "again", map = "Order" } } });
        var junit = folder.File("out/results.xml");

        folder.Run(junit: junit).Exit.ShouldBe(Program.ErrorsFound);

        var xml = XDocument.Load(junit);
        var suite = xml.Root!.Element("testsuite")!;
        suite.Attribute("tests")!.Value.ShouldBe("2");
        suite.Attribute("failures")!.Value.ShouldBe("1");
        var failure = suite.Elements("testcase").Single(c => c.Attribute("name")!.Value == "order (Order)").Element("failure")!;
        failure.Value.ShouldContain("lines[1].ORQT: 5 → 1");
        suite.Elements("testcase").Single(c => c.Attribute("name")!.Value == "again (Order)").Element("failure").ShouldBeNull();
    }

    [Fact]
    public void Maps_that_do_not_compile_fail_every_case_with_the_diagnostics()
    {
        using var folder = new TestFolder(TestFolder.Map.Replace("CUNO = \"C1\"", "CUNO = \"C1\"\n    NOPE = 1"));
        folder.Write("order.input.json", TestFolder.Order);
        folder.Cases(OneCase());

        var (exit, output, _) = folder.Run();

        exit.ShouldBe(Program.ErrorsFound);
        output.ShouldContain("ML2005");
        output.ShouldContain("do not compile");
    }

    [Fact]
    public void An_unknown_map_fails_the_case_naming_the_maps()
    {
        using var folder = new TestFolder();
        folder.Write("order.input.json", TestFolder.Order);
        folder.Cases(new { cases = new[] { new { name = "order", map = "Ordr" } } });

        var (exit, output, _) = folder.Run();

        exit.ShouldBe(Program.ErrorsFound);
        output.ShouldContain("there is no map 'Ordr'; the maps are Line, Order");
    }

    [Fact]
    public void Usage_errors_exit_with_2()
    {
        using var folder = new TestFolder();
        folder.Run(path: folder.File("missing")).Exit.ShouldBe(Program.UsageError);
        var (noTests, _, error) = folder.Run();
        noTests.ShouldBe(Program.UsageError);
        error.ShouldContain("no tests.json");

        folder.Write("tests.json", "{ \"cases\": [ { \"name\": \"x\" } ] }");
        var (malformed, _, message) = folder.Run();
        malformed.ShouldBe(Program.UsageError);
        message.ShouldContain("has no \"map\"");

        folder.Write("tests.json", "{ \"cases\": [], \"typo\": 1 }");
        folder.Run().Exit.ShouldBe(Program.UsageError);
    }
}
