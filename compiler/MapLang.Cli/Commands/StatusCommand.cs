using System.CommandLine;
using MapLang.Host.Admin;

namespace MapLang.Cli.Commands;

/// <summary><c>maplang status [--url]</c>: runs per state, outbox, map version and diagnostics of a running host.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url", "-u")
        {
            Description = "The running host (default $MAPLANG_URL or http://127.0.0.1:5080).",
            DefaultValueFactory = _ => AdminClient.DefaultUrl,
        };
        var command = new Command("status", "Show a running host's runs, dead letters, outbox and map version.") { url };
        command.SetAction((result, ct) => AdminClient.SendAsync(result.GetValue(url)!, HttpMethod.Get, "admin/status", ct));
        return command;
    }
}
