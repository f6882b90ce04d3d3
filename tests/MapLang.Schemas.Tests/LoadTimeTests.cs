using System.Diagnostics;
using MapLang.Schemas.Loading;
using MapLang.Schemas.Model;

namespace MapLang.Schemas.Tests;

public class LoadTimeTests
{
    /// <summary>Not a benchmark: a guard that the stdlib stays cheap to load on every compiler start (measured figures are in docs/connectors.md).</summary>
    [Fact]
    public void The_stdlib_parses_and_binds_well_within_a_second()
    {
        var sources = SchemaLoader.StdlibSources;
        var stopwatch = Stopwatch.StartNew();
        var catalog = SchemaLoader.Build([sources.Select(s => SchemaLoader.Parse(s.Text, s.Path)).ToArray()]);
        stopwatch.Stop();
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
