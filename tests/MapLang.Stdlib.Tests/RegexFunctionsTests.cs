using MapLang.Runtime;
using static MapLang.Stdlib.Text.RegexFunctions;

namespace MapLang.Stdlib.Tests;

public class RegexFunctionsTests
{
    [Fact]
    public void Match_returns_the_whole_match_or_a_group()
    {
        RegexMatch("Order #000000003 placed", @"#(\d+)").ShouldBe("#000000003");
        RegexMatch("Order #000000003 placed", @"#(\d+)", 1).ShouldBe("000000003");
        RegexMatch("no digits", @"\d+").ShouldBeNull();
        RegexMatch(null, @"\d+").ShouldBeNull();
    }

    [Fact]
    public void Replace_and_isMatch()
    {
        RegexReplace("512-555-1111", @"\D", "").ShouldBe("5125551111");
        RegexReplace("Doe, Jane", @"^(\w+), (\w+)$", "$2 $1").ShouldBe("Jane Doe");
        IsMatch("SE-123", @"^[A-Z]{2}-\d+$").ShouldBeTrue();
        IsMatch(null, ".").ShouldBeFalse();
    }

    [Fact]
    public void Bad_patterns_and_groups_fail_clearly()
    {
        Should.Throw<MappingException>(() => IsMatch("x", "(")).Message.ShouldContain("invalid pattern");
        Should.Throw<MappingException>(() => RegexMatch("x", "x", 2)).Message.ShouldContain("no group 2");
        Validate("(").ShouldNotBeNull();
        Validate(@"^\d+$").ShouldBeNull();
    }

    [Fact]
    public void Catastrophic_backtracking_times_out_with_a_mapping_error()
    {
        var input = new string('a', 40) + "!";
        var e = Should.Throw<MappingException>(() => IsMatch(input, "^(a+)+$"));
        e.Message.ShouldContain("took longer than");
    }
}
