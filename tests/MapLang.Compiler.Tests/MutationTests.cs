using System.Diagnostics;
using MapLang.Compiler.Semantics;
using MapLang.Compiler.Tests.Infrastructure;

namespace MapLang.Compiler.Tests;

/// <summary>
/// Thousands of random edits of real .map files (deletions, insertions, truncations): each must give
/// diagnostics, never an exception, an internal error or a hang.
/// </summary>
public sealed class MutationTests
{
    private static readonly string[] Insertions =
    [
        "{", "}", "(", ")", "[", "]", "\"", "=", "=>", "->", "?.", "??", ".", ",", ":", "@", "@2024-13-45", "map", "let", "use", "table",
        "match", "case", "else", "if", "then", "lookup(", "fail(", "require(", "\n", " ", "x", "CUNO", "items.", "1.5", "-", "not", "/*", "//", "\\", "{x}",
    ];

    [Fact]
    public void Random_edits_of_the_examples_never_crash_or_hang()
    {
        var files = Directory.GetFiles(RepositoryRoot.Combine("examples"), "*.map", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(RepositoryRoot.Combine("tests", "MapLang.Compiler.Tests", "Baselines"), "main.map", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToArray();
        files.ShouldNotBeEmpty();
        var random = new Random(20261123);
        var options = CompilationOptions.Default with { ReadFile = path => File.Exists(path) ? File.ReadAllText(path) : null };
        var edits = 0;
        var slowest = TimeSpan.Zero;
        for (var round = 0; round < 2500; round++)
        {
            var path = files[random.Next(files.Length)];
            var text = Mutate(File.ReadAllText(path), random, 1 + random.Next(3));
            var watch = Stopwatch.StartNew();
            var compilation = Compilation.Create([(path, text)], options);
            watch.Stop();
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            if (compilation.InternalErrors.Count > 0)
                Assert.Fail($"Internal error after editing {Path.GetFileName(path)}:\n{compilation.InternalErrors[0]}\n--- text ---\n{text}");
            compilation.Diagnostics.ShouldAllBe(d => d.Code != "ML9000");
            edits++;
        }
        edits.ShouldBe(2500);
        // A hang would be seconds; a normal compile of these files takes milliseconds.
        slowest.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    private static string Mutate(string text, Random random, int count)
    {
        for (var i = 0; i < count && text.Length > 0; i++)
        {
            var at = random.Next(text.Length);
            text = random.Next(4) switch
            {
                0 => text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(12))),
                1 => text.Insert(at, Insertions[random.Next(Insertions.Length)]),
                2 => text[..at],
                _ => text.Remove(at, Math.Min(text.Length - at, 1)).Insert(Math.Min(at, text.Length - 1 < 0 ? 0 : at), ((char)random.Next(32, 127)).ToString()),
            };
        }
        return text;
    }
}
