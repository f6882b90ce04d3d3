using MapLang.Schemas.Generation;
using MapLang.Schemas.Loading;
using MapLang.Schemas.Model;

namespace MapLang.Schemas.Tests;

/// <summary>The shipped generated schema files are exactly what the generator makes from reference/ (MAPLANG_UPDATE_BASELINES=1 rewrites them).</summary>
public class StdlibSchemasTests
{
    [Fact]
    public void Regenerating_reproduces_the_shipped_files_byte_for_byte()
    {
        var problems = new List<SchemaProblem>();
        var generated = StdlibGenerator.Generate(Repo.Reference, problems);
        problems.Where(p => p.Severity == SchemaProblemSeverity.Error).ShouldBeEmpty();
        generated.Select(g => g.RelativePath).ShouldBeUnique();

        var shippedGenerated = Directory.EnumerateFiles(Repo.StdlibSchemas, "*" + SchemaLoader.FileExtension, SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).StartsWith(StdlibGenerator.GeneratedMarker, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repo.StdlibSchemas, f).Replace('\\', '/'))
            .ToHashSet();

        if (Repo.UpdateBaselines)
        {
            foreach (var stale in shippedGenerated.Except(generated.Select(g => g.RelativePath)))
                File.Delete(Path.Combine(Repo.StdlibSchemas, stale));
            foreach (var g in generated)
            {
                var path = Path.Combine(Repo.StdlibSchemas, g.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, g.Text);
            }
            return;
        }

        var mismatches = new List<string>();
        foreach (var g in generated)
        {
            var path = Path.Combine(Repo.StdlibSchemas, g.RelativePath);
            if (!File.Exists(path)) mismatches.Add($"missing: {g.RelativePath}");
            else if (File.ReadAllText(path) != g.Text) mismatches.Add($"differs: {g.RelativePath}");
        }
        foreach (var stale in shippedGenerated.Except(generated.Select(g => g.RelativePath)))
            mismatches.Add($"no longer generated: {stale}");
        mismatches.ShouldBeEmpty("run scripts/generate-stdlib-schemas.sh and commit the result");
    }

    [Fact]
    public void Every_generated_file_says_where_it_came_from()
    {
        foreach (var g in StdlibGenerator.Generate(Repo.Reference))
        {
            var first = g.Text.Split('\n')[0];
            first.ShouldStartWith(StdlibGenerator.GeneratedMarker);
            first.ShouldContain("reference/");
            first.ShouldContain(" @ ", customMessage: $"{g.RelativePath} names no commit");
        }
    }

    [Fact]
    public void The_embedded_stdlib_is_the_files_on_disk()
    {
        var onDisk = Directory.EnumerateFiles(Repo.StdlibSchemas, "*" + SchemaLoader.FileExtension, SearchOption.AllDirectories)
            .Select(f => SchemaLoader.StdlibPathPrefix + Path.GetRelativePath(Repo.StdlibSchemas, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        SchemaLoader.StdlibSources.Select(s => s.Path).ShouldBe(onDisk);
    }

    [Fact]
    public void The_stdlib_loads_without_problems()
    {
        var catalog = SchemaLoader.LoadStdlib();
        catalog.Problems.ShouldBeEmpty();
    }
}
