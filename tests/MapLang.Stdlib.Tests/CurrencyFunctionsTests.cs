using MapLang.Runtime;
using static MapLang.Stdlib.Currencies.CurrencyFunctions;

namespace MapLang.Stdlib.Tests;

public class CurrencyFunctionsTests
{
    [Theory]
    [InlineData("JPY", 0)]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("SEK", 2)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("CLF", 4)]
    [InlineData("KRW", 0)]
    [InlineData("ISK", 0)]
    public void Minor_units_follow_iso_4217(string code, long units) => MinorUnits(code).ShouldBe(units);

    [Fact]
    public void To_and_from_minor_units()
    {
        ToMinorUnits(12.34m, "USD").ShouldBe(1234L);
        ToMinorUnits(500m, "JPY").ShouldBe(500L);
        ToMinorUnits(1.234m, "KWD").ShouldBe(1234L);
        ToMinorUnits(2.675m, "USD").ShouldBe(268L);
        ToMinorUnits(-2.675m, "usd").ShouldBe(-268L);
        FromMinorUnits(1234, "USD").ShouldBe(12.34m);
        FromMinorUnits(1230, "USD")!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("12.30");
        FromMinorUnits(500, "JPY").ShouldBe(500m);
        FromMinorUnits(-1234, "KWD").ShouldBe(-1.234m);
        FromMinorUnits(long.MinValue, "USD").ShouldBe(long.MinValue / 100m);
        ToMinorUnits(null, "USD").ShouldBeNull();
        RoundMoney(99.5m, "JPY").ShouldBe(100m);
        RoundMoney(2.675m, "USD").ShouldBe(2.68m);
    }

    [Fact]
    public void Codes_and_errors()
    {
        CurrencyCode("978").ShouldBe("EUR");
        CurrencyName("KWD").ShouldBe("Kuwaiti Dinar");
        IsCurrency("usd").ShouldBeTrue();
        IsCurrency("ABC").ShouldBeFalse();
        Should.Throw<MappingException>(() => MinorUnits("ABC")).Message.ShouldContain("not an ISO 4217 currency");
        Should.Throw<MappingException>(() => ToMinorUnits(1m, "XAU")).Message.ShouldContain("no minor unit");
    }
}
