using System.Diagnostics;

namespace MapLang.LanguageServer.Tests;

/// <summary>
/// The real `maplang lsp` process driven by a separate client process written against npm's vscode-languageserver-protocol
/// (lsp/vscode/e2e/lsp-client.mjs): open an example, diagnostics, completion after an edit, hover, definition, formatting,
/// rename, shutdown. Runs `npm ci` in lsp/vscode first when its node_modules is missing.
/// </summary>
public class NodeClientTests
{
    [Fact]
    public void A_node_client_drives_the_real_server_process()
    {
        var root = RepositoryRoot.Path;
        var extension = Path.Combine(root, "lsp", "vscode");
        if (!Directory.Exists(Path.Combine(extension, "node_modules", "vscode-languageserver-protocol")))
            Run("npm", ["ci", "--no-audit", "--no-fund"], extension, TimeSpan.FromMinutes(10)).ExitCode.ShouldBe(0, "npm ci in lsp/vscode");

        var server = Path.Combine(root, "compiler", "MapLang.Cli", "bin", Configuration(), "net10.0", "maplang.dll");
        File.Exists(server).ShouldBeTrue(server);
        var example = Path.Combine(root, "examples", "magento", "order-to-m3.map");
        var result = Run("node", [Path.Combine("e2e", "lsp-client.mjs"), server, example], extension, TimeSpan.FromMinutes(2));
        result.ExitCode.ShouldBe(0, result.Output);
        foreach (var check in new[] { "initialize", "diagnostics on open", "completion", "hover ORQT", "definition of a table", "definition of a schema field", "formatting", "rename a table", "shutdown and exit" })
            result.Output.ShouldContain("ok " + check);
    }

    private static (int ExitCode, string Output) Run(string file, string[] arguments, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} timed out\n{output.Result}\n{error.Result}");
        }
        return (process.ExitCode, output.Result + "\n" + error.Result);
    }

    private static string Configuration() => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

}
