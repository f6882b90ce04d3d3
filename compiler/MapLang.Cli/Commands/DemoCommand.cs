using System.CommandLine;
using MapLang.Cli.Demo;

namespace MapLang.Cli.Commands;

/// <summary><c>maplang demo [--examples examples] [--state .maplang/demo] [--fresh]</c>: the example integrations end to end on the sandbox.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var examples = new Option<string>("--examples") { Description = "The folder of the example integrations.", DefaultValueFactory = _ => "examples" };
        var state = new Option<string>("--state") { Description = "Where the host's SQLite store and M3's state are kept between runs.", DefaultValueFactory = _ => Path.Combine(".maplang", "demo") };
        var fresh = new Option<bool>("--fresh") { Description = "Forget the state of earlier runs first." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the orders to go through.", DefaultValueFactory = _ => 120 };
        var command = new Command("demo", "Run the example integrations end to end: sandbox M3 and stores, the host on SQLite, the stores' sample orders.")
        {
            examples, state, fresh, timeout,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var folder = result.GetValue(examples)!;
            if (!Directory.Exists(folder))
            {
                Console.Error.WriteLine($"maplang demo: no examples folder '{folder}' (run it from the repository root, or pass --examples).");
                return Program.UsageError;
            }
            var options = new DemoOptions(folder, result.GetValue(state)!, result.GetValue(fresh), TimeSpan.FromSeconds(Math.Max(1, result.GetValue(timeout))));
            return await new DemoRun(options, Console.Out).RunAsync(cancellationToken);
        });
        return command;
    }
}
