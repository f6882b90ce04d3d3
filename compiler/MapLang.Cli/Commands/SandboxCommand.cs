using System.CommandLine;
using MapLang.Sandbox;

namespace MapLang.Cli.Commands;

/// <summary><c>maplang sandbox</c>: runs the simulators of M3 and the stores, printing the URLs and credentials for a host configuration.</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var state = new Option<string?>("--state") { Description = "A JSON file to load the M3 state from and save it to." };
        var command = new Command("sandbox", "Run simulators of M3, Magento, BigCommerce, nopCommerce, Amazon SP-API and Clarity until Ctrl+C.") { url, state };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new SandboxOptions { Url = result.GetValue(url)!, StatePath = result.GetValue(state) };
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            await SandboxRunner.RunAsync(options, Console.Out, stop.Token);
            return Program.Clean;
        });
        return command;
    }
}
