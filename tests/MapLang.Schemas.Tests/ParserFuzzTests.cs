using MapLang.Schemas.Loading;

namespace MapLang.Schemas.Tests;

/// <summary>The parser and binder never throw: random truncations and deletions of the shipped files only produce problems.</summary>
public class ParserFuzzTests
{
    [Fact]
    public void Damaged_schema_files_never_throw()
    {
        var random = new Random(20240611);
        var sources = SchemaLoader.StdlibSources.Where(s => s.Text.Length < 40_000).ToArray();
        sources.Length.ShouldBeGreaterThan(5);
        var damaged = 0;
        for (var round = 0; round < 300; round++)
        {
            var source = sources[random.Next(sources.Length)];
            var text = source.Text;
            var cut = random.Next(text.Length);
            text = (round % 3) switch
            {
                0 => text[..cut],
                1 => text.Remove(cut, Math.Min(text.Length - cut, random.Next(1, 40))),
                _ => text.Insert(cut, "{}:?\"<>(,)"[random.Next(10)].ToString()),
            };
            var syntax = SchemaLoader.Parse(text, source.Path);
            var catalog = SchemaLoader.Build([[syntax]]);
            foreach (var p in catalog.Problems)
            {
                p.Location.ShouldNotBeNull();
                (p.Location.Start + p.Location.Length).ShouldBeLessThanOrEqualTo(text.Length);
                p.Location.Line.ShouldBeGreaterThan(0);
            }
            if (catalog.Problems.Count > 0) damaged++;
        }
        damaged.ShouldBeGreaterThan(100);
    }
}
