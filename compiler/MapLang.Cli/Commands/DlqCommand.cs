using System.CommandLine;
using MapLang.Host.Admin;

namespace MapLang.Cli.Commands;

/// <summary><c>maplang dlq list | show &lt;id&gt; | replay &lt;id&gt;|--all</c> against a running host.</summary>
internal static class DlqCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url", "-u")
        {
            Description = "The running host (default $MAPLANG_URL or http://127.0.0.1:5080).",
            DefaultValueFactory = _ => AdminClient.DefaultUrl,
        };
        var list = new Command("list", "List the dead letters with their reasons.");
        list.SetAction((r, ct) => AdminClient.SendAsync(r.GetValue(url)!, HttpMethod.Get, "admin/dlq", ct));

        var showId = new Argument<long>("id") { Description = "The run id." };
        var show = new Command("show", "Show one dead letter: reason, attempts, steps done.") { showId };
        show.SetAction((r, ct) => AdminClient.SendAsync(r.GetValue(url)!, HttpMethod.Get, $"admin/dlq/{r.GetValue(showId)}", ct));

        var replayId = new Argument<long?>("id") { Description = "The run id.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Replay every dead letter." };
        var replay = new Command("replay", "Run a dead letter again (steps already done are not repeated).") { replayId, all };
        replay.SetAction((r, ct) =>
        {
            var id = r.GetValue(replayId);
            if (id is null == !r.GetValue(all))
            {
                Console.Error.WriteLine("maplang: give a run id or --all.");
                return Task.FromResult(Program.UsageError);
            }
            return AdminClient.SendAsync(r.GetValue(url)!, HttpMethod.Post, id is { } one ? $"admin/dlq/{one}/replay" : "admin/dlq/replay", ct);
        });

        var command = new Command("dlq", "Dead letters of a running host.") { list, show, replay };
        command.Options.Add(url);
        url.Recursive = true;
        return command;
    }
}
