using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MapLang.Cli.Tests;

/// <summary>The `maplang` verbs as users run them: a real process, its output and its exit code.</summary>
public sealed class CliProcessTests
{
    private static readonly string Root = RepositoryRoot.Path;
    private static readonly string Example = Path.Combine(Root, "examples", "magento", "order-to-m3.map");

    [Fact]
    public void Check_of_a_clean_file_exits_0()
    {
        var (exit, output, _) = Maplang("check", Example);
        exit.ShouldBe(0, output);
        output.ShouldContain("0 error(s), 0 warning(s)");
    }

    [Fact]
    public void Check_prints_compiler_style_lines_and_exits_1_on_errors()
    {
        var file = WriteMap("use Magento\nuse M3\nmap Magento.Order -> M3.OIS100 {\n    CUNO = custmer_email\n}\n");
        var (exit, output, _) = Maplang("check", file);
        exit.ShouldBe(1, output);
        output.ShouldContain("main.map(4,12): error ML2006: 'custmer_email' is not a field, local, constant or table here. Did you mean 'customer_email'?");
    }

    [Fact]
    public void Check_writes_sarif_for_code_scanning()
    {
        var file = WriteMap("use Magento\nuse M3\nmap Magento.Order -> M3.OIS100 {\n    CUNO = 12\n}\n");
        var (exit, output, _) = Maplang("check", file, "--format", "sarif");
        exit.ShouldBe(1);
        var sarif = JsonNode.Parse(output)!;
        sarif["version"]!.GetValue<string>().ShouldBe("2.1.0");
        var result = sarif["runs"]![0]!["results"]![0]!;
        result["ruleId"]!.GetValue<string>().ShouldBe("ML3001");
        result["level"]!.GetValue<string>().ShouldBe("error");
        result["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>().ShouldBe(4);
        sarif["runs"]![0]!["tool"]!["driver"]!["rules"]![0]!["id"]!.GetValue<string>().ShouldBe("ML3001");
    }

    [Fact]
    public void Check_writes_json_diagnostics()
    {
        var file = WriteMap("use Magento\nuse M3\nmap Magento.Order -> M3.OIS100 {\n    CUNO = \"C1\"\n    CUNO = \"C2\"\n}\n");
        var (exit, output, _) = Maplang("check", file, "--format", "json");
        exit.ShouldBe(1);
        var diagnostic = JsonNode.Parse(output)!.AsArray().Single()!;
        diagnostic["code"]!.GetValue<string>().ShouldBe("ML2009");
        diagnostic["line"]!.GetValue<int>().ShouldBe(5);
        diagnostic["column"]!.GetValue<int>().ShouldBe(5);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "/no/such/file.map")]
    [InlineData("frobnicate")]
    [InlineData("check", "--format", "xml", "x.map")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (exit, _, error) = Maplang(args);
        exit.ShouldBe(2, error);
        error.ShouldNotBeEmpty();
    }

    [Fact]
    public void Build_writes_the_assembly_the_generated_code_and_a_manifest()
    {
        var output = Directory.CreateTempSubdirectory("maplang-build-").FullName;
        var (exit, stdout, _) = Maplang("build", Example, "-o", output);
        exit.ShouldBe(0, stdout);
        File.Exists(Path.Combine(output, "MapLang.Generated.dll")).ShouldBeTrue();
        File.ReadAllText(Path.Combine(output, "MapLang.Generated.g.cs")).ShouldContain("#line");
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "maplang.manifest.json")))!;
        manifest["maps"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()).ShouldBe(["OrderToOIS100", "DeliveryAddress", "OrderLine"]);
    }

    [Fact]
    public void Build_writes_nothing_while_there_are_errors()
    {
        var file = WriteMap("use Magento\nuse M3\nmap Magento.Order -> M3.OIS100 {\n    CUNO = 12\n}\n");
        var output = Path.Combine(Path.GetTempPath(), "maplang-build-" + Guid.NewGuid().ToString("N"));
        var (exit, _, _) = Maplang("build", file, "-o", output);
        exit.ShouldBe(1);
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Run_maps_the_real_Magento_order_to_an_M3_order_head_and_lines()
    {
        var samples = Path.Combine(Root, "examples", "magento", "samples");
        var (exit, output, error) = Maplang("run", Example, "--map", "OrderToOIS100", "--input", Path.Combine(samples, "order.input.json"),
            "--lookups", Path.Combine(samples, "lookups.json"));
        exit.ShouldBe(0, error);
        var order = JsonNode.Parse(output)!;
        order["CUNO"]!.GetValue<string>().ShouldBe("10001");
        order["CUOR"]!.GetValue<string>().ShouldBe("000000003");
        order["ORDT"]!.GetValue<string>().ShouldBe("20170821");
        var line = order["lines"]!.AsArray().Single()!;
        line["ITNO"]!.GetValue<string>().ShouldBe("WS12-M-Orange");
        line["CUPO"]!.GetValue<string>().ShouldBe("3");
    }

    [Fact]
    public void Run_reports_a_mapping_error_readably_and_exits_1()
    {
        var samples = Path.Combine(Root, "examples", "magento", "samples");
        var (exit, _, error) = Maplang("run", Example, "--map", "OrderToOIS100", "--input", Path.Combine(samples, "order.input.json"));
        exit.ShouldBe(1);
        error.ShouldContain("lookup(\"jdoe@example.com\") for M3.OIS100.CUNO");
    }

    [Fact]
    public void Version_is_printed()
    {
        var (exit, output, _) = Maplang("--version");
        exit.ShouldBe(0);
        output.Trim().ShouldNotBeEmpty();
    }

    private static string WriteMap(string text)
    {
        var dir = Directory.CreateTempSubdirectory("maplang-cli-").FullName;
        var path = Path.Combine(dir, "main.map");
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Output, string Error) Maplang(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "maplang.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["MAPLANG_CACHE"] = "off";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) process.Kill(true);
        return (process.ExitCode, output.Result, error.Result);
    }
}
