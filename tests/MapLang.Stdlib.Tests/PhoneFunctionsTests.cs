using MapLang.Runtime;
using MapLang.Stdlib.Addresses;
using static MapLang.Stdlib.Phones.PhoneFunctions;

namespace MapLang.Stdlib.Tests;

public class PhoneFunctionsTests
{
    [Theory]
    [InlineData("512-555-1111", "US", "+15125551111")]
    [InlineData("1 (512) 555-1111", "US", "+15125551111")]
    [InlineData("+1 512 555 1111", "SE", "+15125551111")]
    [InlineData("011 46 70 123 45 67", "US", "+46701234567")]
    [InlineData("070-123 45 67", "SE", "+46701234567")]
    [InlineData("0046 70 123 45 67", "DE", "+46701234567")]
    [InlineData("020 7946 0958", "GB", "+442079460958")]
    [InlineData("06 12345678", "NL", "+31612345678")]
    [InlineData("02 1234 5678", "IT", "+390212345678")]
    [InlineData("8 (495) 123-45-67", "RU", "+74951234567")]
    [InlineData("03-1234-5678", "JP", "+81312345678")]
    [InlineData("(02) 9876 5432", "Australia", "+61298765432")]
    [InlineData("512.555.1111 ext. 42", "US", "+15125551111")]
    [InlineData("+44 (0)20 7946 0958", "US", "+442079460958")]
    public void Numbers_normalise_to_e164(string input, string country, string expected) =>
        ToE164(input, country).ShouldBe(expected);

    [Fact]
    public void Bad_numbers_fail_and_blank_is_null()
    {
        ToE164("  ", "US").ShouldBeNull();
        Should.Throw<MappingException>(() => ToE164("555-1111", "US")).Message.ShouldContain("not a North American number");
        Should.Throw<MappingException>(() => ToE164("1-800-FLOWERS", "US")).Message.ShouldContain("unexpected character");
        Should.Throw<MappingException>(() => ToE164("123", "SE")).Message.ShouldContain("valid E.164");
        IsE164("+46701234567").ShouldBeTrue();
        IsE164("46701234567").ShouldBeFalse();
        CallingCode("SE").ShouldBe("46");
        CallingCode("CA").ShouldBe("1");
    }

    [Fact]
    public void Every_country_has_a_calling_code()
    {
        var countries = (Country[])typeof(Country).Assembly.GetType("MapLang.Stdlib.Addresses.CountryTable")!.GetField("All")!.GetValue(null)!;
        foreach (var c in countries)
        {
            CallingCode(c.Alpha2).ShouldNotBeNullOrEmpty(c.Alpha2);
        }
    }
}
