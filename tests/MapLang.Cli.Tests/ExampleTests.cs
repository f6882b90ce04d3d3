namespace MapLang.Cli.Tests;

/// <summary>Every example folder's cases (real store payloads and constructed M3 replies) match their verified files.</summary>
public sealed class ExampleTests
{
    [Fact]
    public void Every_example_case_passes()
    {
        var root = RepositoryRoot.Path;
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = Commands.TestCommand.Run(Path.Combine(root, "examples"), update: false, junit: null, filter: null, output, error);

        exit.ShouldBe(Program.Clean, output + error.ToString());
        output.ToString().ShouldNotContain("FAIL");
        foreach (var store in new[] { "magento", "bigcommerce", "nopcommerce", "amazon", "clarity" })
            output.ToString().ShouldContain($"examples/{store} (");
    }

}
