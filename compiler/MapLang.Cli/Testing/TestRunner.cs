using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Cli.Output;
using MapLang.Compiler.Emit;
using MapLang.Compiler.Semantics;
using MapLang.Runtime;
using MapLang.Runtime.Mapping;

namespace MapLang.Cli.Testing;

/// <summary>
/// Runs the sample cases of test suites (folders with a tests.json) and compares each received record with its verified
/// file, Verify-style: a difference writes <c>&lt;case&gt;.received.json</c> next to the verified file and prints the changed
/// fields; <paramref name="update"/> accepts received results as the new verified files.
/// </summary>
public sealed class TestRunner(TextWriter output, bool update = false, string? filter = null, string? baseDirectory = null)
{
    private readonly string baseDirectory = baseDirectory ?? Directory.GetCurrentDirectory();
    private readonly Dictionary<string, ILookupResolver> lookups = new(StringComparer.Ordinal);

    public TestRunResult Run(IEnumerable<TestSuite> suites)
    {
        var clock = Stopwatch.StartNew();
        var results = new List<TestResult>();
        foreach (var suite in suites) results.AddRange(RunSuite(suite));
        var run = new TestRunResult(results);
        var parts = new List<string> { $"{run.Passed} passed" };
        if (run.Failed > 0) parts.Add($"{run.Failed} failed");
        if (run.New > 0) parts.Add($"{run.New} new");
        if (run.Accepted > 0) parts.Add($"{run.Accepted} accepted");
        output.WriteLine($"{(run.Success ? "Passed" : "FAILED")}: {string.Join(", ", parts)} ({results.Count} cases, {clock.Elapsed.TotalSeconds:0.0} s).");
        if (!run.Success && !update)
            output.WriteLine("Review the .received files; accept them with --update (or MAPLANG_UPDATE_VERIFIED=1).");
        return run;
    }

    public IReadOnlyList<TestResult> RunSuite(TestSuite suite)
    {
        var name = Relative(suite.Folder);
        var cases = suite.Cases.Where(c => filter is null || $"{name}/{c.Name}".Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
        if (cases.Count == 0) return [];
        output.WriteLine($"{name} ({cases.Count} case{(cases.Count == 1 ? "" : "s")})");

        var compilation = MapProject.Compile(suite.MapsPath);
        var emitted = MapperBuilder.Build(compilation);
        if (!emitted.Success)
        {
            DiagnosticWriter.Write(output, emitted.Diagnostics, DiagnosticFormat.Text, baseDirectory);
            var errors = emitted.Diagnostics.Count(d => d.IsError);
            return [.. cases.Select(c => Report(new TestResult(name, c.Name, c.Map, TestOutcome.Failed,
                $"the maps under {Relative(suite.MapsPath)} do not compile ({errors} error{(errors == 1 ? "" : "s")})", [], TimeSpan.Zero)))];
        }

        var mappers = emitted.Assembly!.Mappers;
        var results = new List<TestResult>();
        foreach (var c in cases)
        {
            var clock = Stopwatch.StartNew();
            TestResult result;
            try
            {
                result = RunCase(name, suite, c, mappers);
            }
            catch (TestSuiteException e)
            {
                result = new TestResult(name, c.Name, c.Map, TestOutcome.Failed, e.Message, [], TimeSpan.Zero);
            }
            results.Add(Report(result with { Duration = clock.Elapsed }));
        }
        return results;
    }

    private TestResult RunCase(string suiteName, TestSuite suite, TestCase c, IReadOnlyList<IMapper> mappers)
    {
        TestResult Result(TestOutcome outcome, string? message, IReadOnlyList<string>? details = null) =>
            new(suiteName, c.Name, c.Map, outcome, message, details ?? [], TimeSpan.Zero);

        if (!File.Exists(c.Input)) return Result(TestOutcome.Failed, $"the input {Relative(c.Input)} does not exist");
        var mapper = mappers.FirstOrDefault(m => m.Name == c.Map);
        if (mapper is null)
            return Result(TestOutcome.Failed, $"there is no map '{c.Map}'; the maps are {string.Join(", ", mappers.Select(m => m.Name).Order(StringComparer.Ordinal))}");
        var context = new MapContext(c.Lookups is null ? null : Lookups(c.Lookups));
        var scrubbers = Scrubber.Create(suite.Scrubbers);

        string? record = null;
        string? error = null;
        using (var buffer = new MemoryStream())
        {
            try
            {
                using (var writer = new Utf8JsonWriter(buffer)) mapper.Map(File.ReadAllBytes(c.Input), writer, context);
                record = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            }
            catch (MappingException e)
            {
                error = e.Message;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return Result(TestOutcome.Failed, $"the map threw {e.GetType().Name}: {e.Message}");
            }
        }

        if (record is not null)
        {
            var node = VerifiedJson.Parse(record);
            foreach (var s in scrubbers) node = s.Apply(node);
            var received = VerifiedJson.Format(node);
            if (File.Exists(c.VerifiedJson))
            {
                JsonNode? verifiedNode;
                try
                {
                    verifiedNode = VerifiedJson.Parse(File.ReadAllText(c.VerifiedJson));
                }
                catch (JsonException e)
                {
                    return Differs(c, received, isJson: true, Result(TestOutcome.Failed, $"{Relative(c.VerifiedJson)} is not valid JSON: {e.Message}"));
                }
                if (VerifiedJson.Format(verifiedNode) == received) return Passed(c, Result(TestOutcome.Passed, null));
                var differences = JsonDiff.Compare(verifiedNode, node);
                var details = differences.Count > 0 ? differences.Select(d => d.ToString()).ToList() : ["the same values written differently (number format or property order)"];
                return Differs(c, received, isJson: true, Result(TestOutcome.Failed, $"the record differs from {Relative(c.VerifiedJson)}", details));
            }
            if (File.Exists(c.VerifiedText))
                return Differs(c, received, isJson: true, Result(TestOutcome.Failed,
                    $"expected the mapping to fail with: {FirstLine(File.ReadAllText(c.VerifiedText))}; it produced a record"));
            return Differs(c, received, isJson: true, Result(TestOutcome.New, "no verified file yet"));
        }

        var message = error!;
        foreach (var s in scrubbers) message = s.Apply(message);
        var receivedText = VerifiedJson.NormalizeText(message);
        if (File.Exists(c.VerifiedText))
        {
            var verified = VerifiedJson.NormalizeText(File.ReadAllText(c.VerifiedText));
            if (verified == receivedText) return Passed(c, Result(TestOutcome.Passed, null));
            return Differs(c, receivedText, isJson: false, Result(TestOutcome.Failed, "the mapping failed with another message",
                [$"verified: {verified.TrimEnd()}", $"received: {receivedText.TrimEnd()}"]));
        }
        if (File.Exists(c.VerifiedJson))
            return Differs(c, receivedText, isJson: false, Result(TestOutcome.Failed, $"the mapping failed: {message}"));
        return Differs(c, receivedText, isJson: false, Result(TestOutcome.New, $"no verified file yet; the mapping failed: {message}"));
    }

    private static TestResult Passed(TestCase c, TestResult result)
    {
        Delete(c.ReceivedJson);
        Delete(c.ReceivedText);
        return result;
    }

    /// <summary>Writes the received file, or with --update accepts it as the verified file.</summary>
    private TestResult Differs(TestCase c, string received, bool isJson, TestResult result)
    {
        var (verifiedFile, otherVerified, receivedFile, otherReceived) = isJson
            ? (c.VerifiedJson, c.VerifiedText, c.ReceivedJson, c.ReceivedText)
            : (c.VerifiedText, c.VerifiedJson, c.ReceivedText, c.ReceivedJson);
        Delete(otherReceived);
        if (update)
        {
            File.WriteAllText(verifiedFile, received);
            Delete(otherVerified);
            Delete(receivedFile);
            return result with { Outcome = TestOutcome.Accepted, Message = $"accepted into {Relative(verifiedFile)} ({result.Message})" };
        }
        File.WriteAllText(receivedFile, received);
        return result with { Details = [.. result.Details, $"received: {Relative(receivedFile)}"] };
    }

    private TestResult Report(TestResult result)
    {
        var label = result.Outcome switch
        {
            TestOutcome.Passed => "ok  ",
            TestOutcome.Failed => "FAIL",
            TestOutcome.New => "NEW ",
            _ => "ACPT",
        };
        output.WriteLine($"  {label} {result.Name} ({result.Map}){(result.Message is null ? "" : ": " + result.Message)}");
        foreach (var line in result.Details) output.WriteLine($"         {line}");
        return result;
    }

    private ILookupResolver Lookups(string path)
    {
        if (lookups.TryGetValue(path, out var resolver)) return resolver;
        if (!File.Exists(path)) throw new TestSuiteException($"the lookups file {Relative(path)} does not exist");
        Dictionary<string, Dictionary<string, string>> values;
        try
        {
            values = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(path)) ?? [];
        }
        catch (JsonException e)
        {
            throw new TestSuiteException($"the lookups file {Relative(path)} is not {{\"NAME\": {{\"key\": \"value\"}}}}: {e.Message}");
        }
        return lookups[path] = new DictionaryLookupResolver(values.ToDictionary(v => v.Key, v => (IReadOnlyDictionary<string, string>)v.Value));
    }

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');

    private static void Delete(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }

    private string Relative(string path) => Path.GetRelativePath(baseDirectory, path).Replace('\\', '/');
}
