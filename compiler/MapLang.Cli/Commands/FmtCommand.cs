using System.CommandLine;
using MapLang.Compiler.Semantics;
using MapLang.Compiler.Services.Formatting;

namespace MapLang.Cli.Commands;

/// <summary><c>maplang fmt &lt;path&gt; [--check]</c>: formats .map files in place (the editor's formatter), or only reports those that are not formatted.</summary>
internal static class FmtCommand
{
    public static Command Create()
    {
        var path = CommonOptions.Path("A .map file, or a folder whose .map files are formatted.");
        var check = new Option<bool>("--check") { Description = "Change nothing; exit code 1 when a file is not formatted." };
        var command = new Command("fmt", "Format .map files (comments kept; files with syntax errors are left alone).") { path, check };
        command.SetAction(result =>
        {
            var target = result.GetValue(path)!;
            if (!CommonOptions.Exists(target)) return Program.UsageError;
            var unformatted = 0;
            var broken = 0;
            foreach (var file in MapProject.FindMapFiles(target))
            {
                var text = File.ReadAllText(file);
                var formatted = Formatter.Format(text);
                var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
                if (formatted is null)
                {
                    Console.Error.WriteLine($"{relative}: not formatted, it has syntax errors (see maplang check).");
                    broken++;
                    continue;
                }
                if (formatted == text) continue;
                unformatted++;
                if (result.GetValue(check)) Console.Out.WriteLine($"{relative}: not formatted");
                else
                {
                    File.WriteAllText(file, formatted);
                    Console.Out.WriteLine($"{relative}: formatted");
                }
            }
            return broken > 0 || result.GetValue(check) && unformatted > 0 ? Program.ErrorsFound : Program.Clean;
        });
        return command;
    }
}
