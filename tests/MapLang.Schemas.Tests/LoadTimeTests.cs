using System.Diagnostics;
using MapLang.Schemas.Loading;
using MapLang.Schemas.Model;

namespace MapLang.Schemas.Tests;

public class LoadTimeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>The whole stdlib parses and binds without a problem; the time it took is printed (figures are in docs/connectors.md, not asserted).</summary>
    [Fact]
    public void The_stdlib_parses_and_binds_without_problems()
    {
        var sources = SchemaLoader.StdlibSources;
        var stopwatch = Stopwatch.StartNew();
        var catalog = SchemaLoader.Build([sources.Select(s => SchemaLoader.Parse(s.Text, s.Path)).ToArray()]);
        stopwatch.Stop();
        output.WriteLine($"stdlib: {sources.Count} files, {sources.Sum(s => s.Text.Length)} chars, {catalog.Systems.Values.Sum(s => s.Entities.Count)} entities, parsed and bound in {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        catalog.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_stdlib_catalog_is_built_once()
    {
        SchemaLoader.LoadStdlib().ShouldBeSameAs(SchemaLoader.LoadStdlib());
        SchemaLoader.Load(Array.Empty<SchemaSource>()).ShouldBeSameAs(SchemaLoader.LoadStdlib());
    }
}
