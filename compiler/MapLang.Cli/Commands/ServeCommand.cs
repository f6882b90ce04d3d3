using System.CommandLine;
using MapLang.Host;

namespace MapLang.Cli.Commands;

/// <summary><c>maplang serve &lt;project&gt; [--config file] [--urls url]</c>: runs the host until Ctrl+C (or SIGTERM).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var path = CommonOptions.Path("The project folder: its .map files and maplang.json (connections and flows).");
        var config = new Option<string?>("--config", "-c") { Description = "A configuration file to use instead of <project>/maplang.json." };
        var urls = new Option<string?>("--urls") { Description = "The address to listen on, e.g. http://127.0.0.1:5080 (overrides the configuration)." };
        var verbose = CommonOptions.Verbose();
        var command = new Command("serve", "Run the host: receive webhooks, run flows, call M3 and the stores.") { path, config, urls, verbose };
        command.SetAction(async (result, cancellationToken) =>
        {
            var project = result.GetValue(path)!;
            if (!CommonOptions.Exists(project)) return Program.UsageError;
            MapLangHost host;
            try
            {
                host = await MapLangHost.StartAsync(new MapLangHostOptions
                {
                    ProjectPath = project, ConfigPath = result.GetValue(config), Urls = result.GetValue(urls),
                    MinimumLogLevel = result.GetValue(verbose) ? Microsoft.Extensions.Logging.LogLevel.Debug : Microsoft.Extensions.Logging.LogLevel.Information,
                }, cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or IOException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"maplang: {e.Message}");
                return Program.ErrorsFound;
            }
            await using (host)
            {
                Console.Out.WriteLine($"maplang: listening on {host.BaseUri}");
                try { await host.WaitForShutdownAsync(cancellationToken); }
                catch (OperationCanceledException) { }
            }
            return Program.Clean;
        });
        return command;
    }
}
