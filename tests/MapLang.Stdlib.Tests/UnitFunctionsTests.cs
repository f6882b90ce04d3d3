using MapLang.Runtime;
using static MapLang.Stdlib.Units.UnitFunctions;

namespace MapLang.Stdlib.Tests;

public class UnitFunctionsTests
{
    [Theory]
    [InlineData("2", "lb", "kg", "0.90718474")]
    [InlineData("1", "kg", "g", "1000")]
    [InlineData("16", "oz", "lb", "1")]
    [InlineData("1", "ft", "in", "12")]
    [InlineData("254", "mm", "in", "10")]
    [InlineData("1", "m", "cm", "100")]
    [InlineData("1.5", "l", "ml", "1500")]
    [InlineData("3", "dozen", "pcs", "36")]
    [InlineData("24", "EA", "DZN", "2")]
    [InlineData("5", "PCS", "EA", "5")]
    public void Conversions_use_exact_factors(string value, string from, string to, string expected) =>
        ConvertUnit(D(value), from, to).ShouldBe(D(expected));

    [Fact]
    public void Units_of_different_kinds_do_not_convert()
    {
        Should.Throw<MappingException>(() => ConvertUnit(1m, "kg", "m")).Message.ShouldContain("cannot convert mass (kg) to length (m)");
        Should.Throw<MappingException>(() => ConvertUnit(1m, "furlong", "m")).Message.ShouldContain("unknown unit \"furlong\"");
        ConvertUnit(null, "kg", "g").ShouldBeNull();
        Math.Round(ConvertUnit(1m, "kg", "lb")!.Value, 6).ShouldBe(2.204623m);
    }

    [Fact]
    public void M3_unit_codes()
    {
        M3Unit("kgs").ShouldBe("KG");
        M3Unit("each").ShouldBe("EA");
        M3Unit("Piece").ShouldBe("PCS");
        M3Unit("dozen").ShouldBe("DZN");
        M3Unit("C62").ShouldBe("EA");
        M3Unit(" ").ShouldBeNull();
        IsUnit("lbs").ShouldBeTrue();
        IsUnit("parsec").ShouldBeFalse();
    }

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
