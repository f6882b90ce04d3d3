using System.Diagnostics;
using MapLang.Schemas.Loading;
using MapLang.Schemas.Model;

namespace MapLang.Schemas.Tests;

public class LoadTimeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Not a benchmark: a guard that the stdlib stays cheap to load on every compiler start (measured figures are in docs/connectors.md).</summary>
    [Fact]
    public void The_stdlib_parses_and_binds_well_within_a_second()
    {
        var sources = SchemaLoader.StdlibSources;
        var stopwatch = Stopwatch.StartNew();
        var catalog = SchemaLoader.Build([sources.Select(s => SchemaLoader.Parse(s.Text, s.Path)).ToArray()]);
        stopwatch.Stop();
        output.WriteLine($"stdlib: {sources.Count} files, {sources.Sum(s => s.Text.Length)} chars, {catalog.Systems.Values.Sum(s => s.Entities.Count)} entities, parsed and bound in {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        catalog.Problems.ShouldBeEmpty();
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void The_stdlib_catalog_is_built_once()
    {
        SchemaLoader.LoadStdlib().ShouldBeSameAs(SchemaLoader.LoadStdlib());
        SchemaLoader.Load(Array.Empty<SchemaSource>()).ShouldBeSameAs(SchemaLoader.LoadStdlib());
    }
}
