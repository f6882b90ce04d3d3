using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MapLang.Cli.Tests;

/// <summary>
/// `maplang demo` as a new user runs it: the example flows on the sandbox and the host (SQLite), every store's sample order becomes
/// exactly one M3 order with status and stock back to the store, and M3's shipment (its tracking number) reaches the store; a second
/// run on the same state creates nothing and sends no shipment again.
/// </summary>
public sealed class DemoTests
{
    private static readonly string Root = RepositoryRoot.Path;

    [Fact]
    public void The_demo_takes_every_store_order_into_M3_once_and_a_rerun_creates_nothing()
    {
        var state = Directory.CreateTempSubdirectory("maplang-demo-").FullName;
        try
        {
            var (exit, output) = Demo(state);
            exit.ShouldBe(0, output);
            output.ShouldContain("M3 customer orders: 0 before, 5 now: 5 created by this run.");
            foreach (var store in new[] { "magento", "bigcommerce", "nopcommerce", "amazon", "clarity" })
            {
                var row = Regex.Match(output, $@"^{store}\s+(\S+)\s+done\s+(\S+)\s+(\d{{10}})\s+(\d+)\s+(.*)$", RegexOptions.Multiline);
                row.Success.ShouldBeTrue($"{store}: no finished row with an M3 order in\n{output}");
                row.Groups[5].Value.ShouldMatch(@"\S+ \d+", $"{store}: stock sent back");
                row.Groups[5].Value.ShouldMatch(@"1Z\d{16} in the store$", $"{store}: shipment back");
            }
            output.ShouldContain("order.comment");
            output.ShouldNotContain("(×");

            var (again, rerun) = Demo(state);
            again.ShouldBe(0, rerun);
            rerun.ShouldContain("M3 customer orders: 5 before, 5 now: 0 created by this run");
            Regex.Matches(rerun, @"1Z\d{16} \(sent by an earlier run\)").Count.ShouldBe(5, rerun);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    private static (int Exit, string Output) Demo(string state)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "maplang.dll"));
        foreach (var a in new[] { "demo", "--state", state, "--timeout", "90" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3))) process.Kill(true);
        return (process.ExitCode, output.Result + error.Result);
    }
}
