using System.CommandLine;
using MapLang.Cli.Commands;

namespace MapLang.Cli;

public static class Program
{
    /// <summary>Exit codes: 0 clean, 1 errors found (or a failed run), 2 usage error.</summary>
    public const int Clean = 0;
    public const int ErrorsFound = 1;
    public const int UsageError = 2;

    public static int Main(string[] args)
    {
        var root = new RootCommand("MapLang: type-checked mappings between Infor M3 and online stores.");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(BuildCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(LspCommand.Create());
        root.Subcommands.Add(FmtCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(SandboxCommand.Create());
        root.Subcommands.Add(TestCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(DlqCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"maplang: {error.Message}");
            Console.Error.WriteLine("Run 'maplang --help' for usage.");
            return UsageError;
        }
        return parse.Invoke();
    }
}
