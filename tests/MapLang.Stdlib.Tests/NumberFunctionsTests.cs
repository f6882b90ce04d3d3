using MapLang.Runtime;
using MapLang.Stdlib.Numbers;
using static MapLang.Stdlib.Numbers.NumberFunctions;

namespace MapLang.Stdlib.Tests;

public class NumberFunctionsTests
{
    [Theory]
    [InlineData("2.675", "2.68")]
    [InlineData("1.005", "1.01")]
    [InlineData("0.125", "0.13")]
    [InlineData("-2.675", "-2.68")]
    [InlineData("2.674", "2.67")]
    public void Round_is_half_away_from_zero_by_default(string value, string expected) =>
        Round(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), 2).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("halfAwayFromZero", "2.675", "2.68", "-2.675", "-2.68")]
    [InlineData("halfEven", "2.665", "2.66", "2.675", "2.68")]
    [InlineData("halfTowardZero", "2.675", "2.67", "-2.675", "-2.67")]
    [InlineData("halfUp", "2.675", "2.68", "-2.675", "-2.67")]
    [InlineData("halfDown", "2.675", "2.67", "-2.675", "-2.68")]
    [InlineData("towardZero", "2.679", "2.67", "-2.679", "-2.67")]
    [InlineData("awayFromZero", "2.671", "2.68", "-2.671", "-2.68")]
    [InlineData("ceiling", "2.671", "2.68", "-2.679", "-2.67")]
    [InlineData("floor", "2.679", "2.67", "-2.671", "-2.68")]
    [InlineData("HALFEVEN", "0.125", "0.12", "0.135", "0.14")]
    public void Round_modes_are_named_explicitly(string mode, string a, string ra, string b, string rb)
    {
        Round(D(a), 2, mode).ShouldBe(D(ra));
        Round(D(b), 2, mode).ShouldBe(D(rb));
    }

    [Fact]
    public void Half_modes_round_non_ties_to_the_nearest()
    {
        Round(D("2.6751"), 2, "halfTowardZero").ShouldBe(D("2.68"));
        Round(D("-2.6749"), 2, "halfDown").ShouldBe(D("-2.67"));
        Round(D("2.5"), 0, "halfEven").ShouldBe(2m);
        Round(D("2.5")).ShouldBe(3m);
    }

    [Fact]
    public void Unknown_rounding_mode_is_rejected_with_the_valid_names()
    {
        var e = Should.Throw<MappingException>(() => Round(1m, 2, "bankers"));
        e.Message.ShouldContain("unknown rounding mode \"bankers\"");
        e.Message.ShouldContain("halfEven");
        RoundingMode.IsKnown("halfEven").ShouldBeTrue();
        RoundingMode.IsKnown("bankers").ShouldBeFalse();
        Should.Throw<MappingException>(() => Round(1m, 29));
    }

    [Fact]
    public void Null_numbers_stay_null()
    {
        Round(null, 2).ShouldBeNull();
        Abs((decimal?)null).ShouldBeNull();
        Min(1m, null).ShouldBeNull();
    }

    [Fact]
    public void Abs_min_max_clamp()
    {
        Abs(-3.5m).ShouldBe(3.5m);
        Abs(-3L).ShouldBe(3L);
        Min(2m, 3m).ShouldBe(2m);
        Max(2L, 3L).ShouldBe(3L);
        Clamp(12m, 0m, 10m).ShouldBe(10m);
        Ceiling(1.2m).ShouldBe(2m);
        Floor(-1.2m).ShouldBe(-2m);
        ToLong(12.000m).ShouldBe(12L);
        Should.Throw<MappingException>(() => ToLong(1.5m)).Message.ShouldContain("round it first");
    }

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
