using System.Text.Json;
using System.Text.Json.Serialization;

namespace MapLang.Cli.Testing;

/// <summary>
/// A folder's <c>tests.json</c>: which map runs each sample case, the lookups it may use and the scrubbers for volatile values.
/// Case files sit next to <c>tests.json</c>: <c>&lt;name&gt;.input.json</c> in, <c>&lt;name&gt;.verified.json</c> (the expected
/// record) or <c>&lt;name&gt;.verified.txt</c> (the expected mapping error) out.
/// </summary>
public sealed record TestSuite(string Folder, string File, string MapsPath, IReadOnlyList<TestCase> Cases, IReadOnlyList<ScrubberSpec> Scrubbers)
{
    public const string FileName = "tests.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads a tests.json; throws <see cref="TestSuiteException"/> with a readable message when it is malformed.</summary>
    public static TestSuite Load(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        SuiteDocument document;
        try
        {
            document = JsonSerializer.Deserialize<SuiteDocument>(System.IO.File.ReadAllText(file), Options)
                ?? throw new TestSuiteException($"{file}: the file is empty.");
        }
        catch (JsonException e)
        {
            throw new TestSuiteException($"{file}: {e.Message}");
        }

        var cases = new List<TestCase>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in document.Cases ?? [])
        {
            if (string.IsNullOrWhiteSpace(c.Name)) throw new TestSuiteException($"{file}: a case has no \"name\".");
            if (string.IsNullOrWhiteSpace(c.Map)) throw new TestSuiteException($"{file}: case '{c.Name}' has no \"map\".");
            if (!names.Add(c.Name)) throw new TestSuiteException($"{file}: case '{c.Name}' is listed twice.");
            var stem = Path.GetFullPath(Path.Combine(folder, c.Name));
            var input = c.Input is null ? stem + ".input.json" : Path.GetFullPath(Path.Combine(folder, c.Input));
            var lookups = c.Lookups ?? document.Lookups;
            cases.Add(new TestCase(c.Name, c.Map, input, stem, lookups is null ? null : Path.GetFullPath(Path.Combine(folder, lookups)), c.Description));
        }

        var scrubbers = new List<ScrubberSpec>();
        foreach (var s in document.Scrubbers ?? [])
        {
            var kinds = (s.Path is null ? 0 : 1) + (s.Pattern is null ? 0 : 1) + (s.Builtin is null ? 0 : 1);
            if (kinds != 1) throw new TestSuiteException($"{file}: a scrubber needs exactly one of \"path\", \"pattern\" or \"builtin\".");
            scrubbers.Add(new ScrubberSpec(s.Path, s.Pattern, s.Builtin, s.Replacement));
        }

        var maps = document.Maps is null ? folder : Path.GetFullPath(Path.Combine(folder, document.Maps));
        return new TestSuite(folder, Path.GetFullPath(file), maps, cases, scrubbers);
    }

    /// <summary>The tests.json files at or under a path (a tests.json file or a folder), sorted.</summary>
    public static IReadOnlyList<string> Find(string path)
    {
        if (System.IO.File.Exists(path))
            return Path.GetFileName(path).Equals(FileName, StringComparison.OrdinalIgnoreCase) ? [Path.GetFullPath(path)]
                : System.IO.File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, FileName))
                    ? [Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, FileName)] : [];
        if (!Directory.Exists(path)) return [];
        var found = Directory.EnumerateFiles(path, FileName, SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "node_modules" or ".git"))
            .Select(Path.GetFullPath).ToList();
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private sealed record SuiteDocument(string? Maps, string? Lookups, List<CaseDocument>? Cases, List<ScrubberDocument>? Scrubbers, string? Description);
    private sealed record CaseDocument(string? Name, string? Map, string? Input, string? Lookups, string? Description);
    private sealed record ScrubberDocument(string? Path, string? Pattern, string? Builtin, string? Replacement, string? Description);
}

/// <summary>One sample case: <see cref="Stem"/> + <c>.verified.json</c> / <c>.verified.txt</c> / <c>.received.*</c>.</summary>
public sealed record TestCase(string Name, string Map, string Input, string Stem, string? Lookups, string? Description)
{
    public string VerifiedJson => Stem + ".verified.json";
    public string VerifiedText => Stem + ".verified.txt";
    public string ReceivedJson => Stem + ".received.json";
    public string ReceivedText => Stem + ".received.txt";
}

/// <summary>A scrubber as declared in tests.json: a JSON path, a regular expression, or a built-in (dates, guids).</summary>
public sealed record ScrubberSpec(string? Path, string? Pattern, string? Builtin, string? Replacement);

public sealed class TestSuiteException(string message) : Exception(message);
