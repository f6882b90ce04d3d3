using System.CommandLine;
using System.Diagnostics;
using MapLang.LanguageServer.Server;

namespace MapLang.Cli.Commands;

/// <summary><c>maplang lsp</c>: the language server over stdio (stdout is the protocol stream: nothing else may write to it).</summary>
internal static class LspCommand
{
    public static Command Create()
    {
        var log = new Option<string?>("--log") { Description = "Append the server's own warnings and errors to this file." };
        var command = new Command("lsp", "Run the MapLang language server over stdin/stdout (for VS Code, Neovim, Helix, …).") { log };
        command.SetAction(result =>
        {
            // Anything a library might print must not corrupt the protocol stream.
            var stdout = Console.OpenStandardOutput();
            Console.SetOut(TextWriter.Null);
            TraceListener listener = result.GetValue(log) is { } path ? new TextWriterTraceListener(path) : new TextWriterTraceListener(Console.Error);
            using var server = new LanguageServer.Server.LanguageServer(Console.OpenStandardInput(), stdout, ServerOptions.Default, listener);
            server.RunAsync().GetAwaiter().GetResult();
            listener.Flush();
            return server.Context.ShutdownRequested ? Program.Clean : Program.ErrorsFound;
        });
        return command;
    }
}
