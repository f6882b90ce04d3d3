using MapLang.Cli.Testing;

namespace MapLang.Cli.Tests;

public sealed class JsonDiffTests
{
    [Fact]
    public void Differences_are_reported_with_json_paths()
    {
        var verified = VerifiedJson.Parse("""{"a": 1, "lines": [{"ORQT": 2}], "odd key": "x", "gone": true}""");
        var received = VerifiedJson.Parse("""{"a": 1, "lines": [{"ORQT": 3}, {"ORQT": 1}], "odd key": "y", "new": null}""");

        var diff = JsonDiff.Compare(verified, received).Select(d => d.ToString()).ToArray();

        diff.ShouldBe([
            "lines[0].ORQT: 2 → 3",
            "lines[1]: added {\"ORQT\":1}",
            "$[\"odd key\"]: \"x\" → \"y\"",
            "gone: removed (was true)",
            "new: added null",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Equal_trees_have_no_differences()
    {
        JsonDiff.Compare(VerifiedJson.Parse("""{"a": [1, {"b": "é"}]}"""), VerifiedJson.Parse("""{ "a" : [ 1, { "b" : "\u00e9" } ] }""")).ShouldBeEmpty();
    }
}
