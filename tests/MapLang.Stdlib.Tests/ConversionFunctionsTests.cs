using MapLang.Runtime;
using MapLang.Stdlib.Numbers;
using static MapLang.Stdlib.Numbers.ConversionFunctions;

namespace MapLang.Stdlib.Tests;

public class ConversionFunctionsTests
{
    [Fact]
    public void Parse_is_invariant_and_accepts_m3_padding()
    {
        ParseDecimal("1234.50").ShouldBe(1234.50m);
        ParseDecimal("   12.000000").ShouldBe(12m);
        ParseDecimal("-3").ShouldBe(-3m);
        ParseDecimal("1e3").ShouldBe(1000m);
        ParseDecimal("  ").ShouldBeNull();
        ParseDecimal(null).ShouldBeNull();
        ParseLong(" 42 ").ShouldBe(42L);
        ParseBool("Yes").ShouldBe(true);
        ParseBool("0").ShouldBe(false);
    }

    [Fact]
    public void Unparsable_numbers_fail_with_a_clear_message()
    {
        Should.Throw<MappingException>(() => ParseDecimal("1,5")).Message.ShouldBe("parseDecimal: \"1,5\" is not a number (use '.' as the decimal point, no thousands separators).");
        Should.Throw<MappingException>(() => ParseDecimal("abc"));
        Should.Throw<MappingException>(() => ParseLong("1.5")).Message.ShouldContain("\"1.5\" is not a whole number");
        Should.Throw<MappingException>(() => ParseBool("maybe"));
        IsNumber("1,5").ShouldBeFalse();
        IsNumber("1.5").ShouldBeTrue();
    }

    [Fact]
    public void Format_is_invariant()
    {
        FormatNumber(2.675m, 2).ShouldBe("2.68");
        FormatNumber(1234567.5m, 2).ShouldBe("1234567.50");
        FormatNumber(3m, 0).ShouldBe("3");
        FormatNumber(1234.5m, "#,##0.00").ShouldBe("1,234.50");
        FormatNumber(7m, "0000").ShouldBe("0007");
        ConversionFunctions.ToString(12.50m).ShouldBe("12.50");
        ConversionFunctions.ToString(-42L).ShouldBe("-42");
        ConversionFunctions.ToString(true).ShouldBe("true");
        ConversionFunctions.ToString((decimal?)null).ShouldBeNull();
        ConversionFunctions.ToString(new DateOnly(2024, 2, 29)).ShouldBe("2024-02-29");
    }
}
