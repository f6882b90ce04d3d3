using System.CommandLine;
using MapLang.Cli.Output;
using MapLang.Compiler.Semantics;

namespace MapLang.Cli.Commands;

/// <summary><c>maplang check &lt;path&gt;</c>: type-checks .map files against the connector schemas.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var path = CommonOptions.Path("A .map file, or a folder whose .map files (and .mlschema files) are checked together.");
        var format = CommonOptions.Format();
        var verbose = CommonOptions.Verbose();
        var command = new Command("check", "Type-check .map files; exit code 1 when there are errors.") { path, format, verbose };
        command.SetAction(result =>
        {
            var target = result.GetValue(path)!;
            if (!CommonOptions.Exists(target)) return Program.UsageError;
            var compilation = MapProject.Compile(target);
            DiagnosticWriter.Write(Console.Out, compilation.Diagnostics, result.GetValue(format), Directory.GetCurrentDirectory());
            if (result.GetValue(verbose)) foreach (var e in compilation.InternalErrors) Console.Error.WriteLine(e);
            return compilation.HasErrors ? Program.ErrorsFound : Program.Clean;
        });
        return command;
    }
}
