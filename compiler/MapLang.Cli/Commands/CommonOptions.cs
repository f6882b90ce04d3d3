using System.CommandLine;
using MapLang.Cli.Output;

namespace MapLang.Cli.Commands;

internal static class CommonOptions
{
    public static Argument<string> Path(string description) => new("path") { Description = description };

    public static Option<DiagnosticFormat> Format() => new("--format")
    {
        Description = "How to print diagnostics: text (file(line,col): error ML1234: message), json or sarif.",
        DefaultValueFactory = _ => DiagnosticFormat.Text,
    };

    public static Option<bool> Verbose() => new("--verbose") { Description = "Print internal errors with their stack traces." };

    /// <summary>Fails with a usage error when a path does not exist.</summary>
    public static bool Exists(string path)
    {
        if (File.Exists(path) || Directory.Exists(path)) return true;
        Console.Error.WriteLine($"maplang: '{path}' does not exist.");
        return false;
    }
}
