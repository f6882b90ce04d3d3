using System.CommandLine;
using MapLang.Cli.Testing;

namespace MapLang.Cli.Commands;

/// <summary>
/// <c>maplang test [path]</c>: runs every map on its sample inputs (cases listed in each folder's tests.json) and compares the
/// records with the verified files. Exit code 0 when all pass, 1 on a difference or a new case, 2 for usage errors.
/// </summary>
internal static class TestCommand
{
    public const string UpdateVariable = "MAPLANG_UPDATE_VERIFIED";

    public static Command Create()
    {
        var path = new Argument<string>("path")
        {
            Description = "A folder searched for tests.json files (default: the current folder), or one tests.json.",
            DefaultValueFactory = _ => ".",
        };
        var update = new Option<bool>("--update", "-u") { Description = $"Accept received results as the new verified files (also {UpdateVariable}=1)." };
        var junit = new Option<string?>("--junit") { Description = "Also write the results as JUnit XML to this file." };
        var filter = new Option<string?>("--filter") { Description = "Run only cases whose '<folder>/<case>' contains this text." };
        var command = new Command("test", "Run maps on their sample inputs and compare with the verified outputs (Verify-style snapshots).")
        {
            path, update, junit, filter,
        };
        command.SetAction(result => Run(result.GetValue(path)!, result.GetValue(update), result.GetValue(junit), result.GetValue(filter), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string path, bool update, string? junit, string? filter, TextWriter output, TextWriter error)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            error.WriteLine($"maplang: '{path}' does not exist.");
            return Program.UsageError;
        }
        var files = TestSuite.Find(path);
        if (files.Count == 0)
        {
            error.WriteLine($"maplang: no {TestSuite.FileName} found at or under '{path}'; list the cases of a folder there (see examples/README.md).");
            return Program.UsageError;
        }
        var suites = new List<TestSuite>();
        try
        {
            foreach (var file in files) suites.Add(TestSuite.Load(file));
        }
        catch (TestSuiteException e)
        {
            error.WriteLine($"maplang: {e.Message}");
            return Program.UsageError;
        }

        update |= Environment.GetEnvironmentVariable(UpdateVariable) is "1" or "true";
        TestRunResult run;
        try
        {
            run = new TestRunner(output, update, filter).Run(suites);
        }
        catch (TestSuiteException e)
        {
            error.WriteLine($"maplang: {e.Message}");
            return Program.UsageError;
        }
        if (junit is not null) JUnitWriter.Write(junit, run);
        if (run.Results.Count == 0)
        {
            error.WriteLine(filter is null ? "maplang: the tests.json files list no cases." : $"maplang: no case matches '{filter}'.");
            return Program.UsageError;
        }
        return run.Success ? Program.Clean : Program.ErrorsFound;
    }
}
