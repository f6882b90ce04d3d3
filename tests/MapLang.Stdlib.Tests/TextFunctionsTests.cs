using MapLang.Runtime;
using MapLang.Stdlib.Text;
using static MapLang.Stdlib.Text.TextFunctions;

namespace MapLang.Stdlib.Tests;

public class TextFunctionsTests
{
    [Fact]
    public void Null_text_stays_null()
    {
        Upper(null).ShouldBeNull();
        Lower(null).ShouldBeNull();
        Trim(null).ShouldBeNull();
        PadLeft(null, 5).ShouldBeNull();
        Truncate(null, 3).ShouldBeNull();
        Substring(null, 1, 2).ShouldBeNull();
        Replace(null, "a", "b").ShouldBeNull();
        Split(null, ",").ShouldBeNull();
        Length(null).ShouldBeNull();
    }

    [Fact]
    public void Upper_is_invariant_and_keeps_sharp_s()
    {
        Upper("straße").ShouldBe("STRAßE");
        Upper("istanbul").ShouldBe("ISTANBUL");
        Lower("ISTANBUL ÅÄÖ").ShouldBe("istanbul åäö");
        Upper("Göteborg").ShouldBe("GÖTEBORG");
    }

    [Fact]
    public void Pad_fills_to_the_width()
    {
        PadLeft("42", 5, "0").ShouldBe("00042");
        PadRight("AB", 4).ShouldBe("AB  ");
        PadLeft("123456", 3, "0").ShouldBe("123456");
        Should.Throw<MappingException>(() => PadLeft("1", 3, "00")).Message.ShouldContain("one character");
    }

    [Fact]
    public void Truncate_counts_utf16_units_and_never_splits_a_surrogate_pair()
    {
        Truncate("Hello world", 5).ShouldBe("Hello");
        Truncate("abc", 10).ShouldBe("abc");
        Truncate("ab😀cd", 3).ShouldBe("ab");
        Truncate("ab😀cd", 4).ShouldBe("ab😀");
        Truncate("😀", 1).ShouldBe("");
        Should.Throw<MappingException>(() => Truncate("x", -1));
    }

    [Fact]
    public void Substring_is_clamped_and_surrogate_safe()
    {
        Substring("M3 order", 3).ShouldBe("order");
        Substring("M3 order", 3, 2).ShouldBe("or");
        Substring("abc", 1, 100).ShouldBe("bc");
        Substring("abc", 10, 2).ShouldBe("");
        Substring("a😀b", 0, 2).ShouldBe("a");
        Substring("a😀b", 2, 2).ShouldBe("b");
        Right("a😀", 1).ShouldBe("");
        Right("order-123", 3).ShouldBe("123");
        Left("order-123", 5).ShouldBe("order");
    }

    [Fact]
    public void Split_keeps_empty_parts_and_join_skips_blank_ones()
    {
        Split("a,,b", ",").ShouldBe(["a", "", "b"]);
        Join(["123 Oak Ave", null, " ", "Suite 5"], ", ").ShouldBe("123 Oak Ave, Suite 5");
        Join([], "-").ShouldBe("");
        Concat("A", null, "B").ShouldBe("AB");
    }

    [Fact]
    public void Replace_and_comparisons_are_ordinal()
    {
        Replace("a-b-c", "-", "/").ShouldBe("a/b/c");
        Contains("Magento", "gen").ShouldBeTrue();
        Contains("Magento", "GEN").ShouldBeFalse();
        Contains("Magento", "GEN", ignoreCase: true).ShouldBeTrue();
        Contains(null, "x").ShouldBeFalse();
        StartsWith("M3-ORDER", "M3").ShouldBeTrue();
        EndsWith("file.map", ".MAP", true).ShouldBeTrue();
        EqualsIgnoreCase("abc", "ABC").ShouldBeTrue();
        IndexOf("abc", "c").ShouldBe(2);
    }

    [Fact]
    public void Blank_helpers_treat_white_space_as_blank()
    {
        IsBlank(null).ShouldBeTrue();
        IsBlank("   ").ShouldBeTrue();
        IsBlank(" x ").ShouldBeFalse();
        IsNotBlank("x").ShouldBeTrue();
        DefaultIfBlank("  ", "N/A").ShouldBe("N/A");
        DefaultIfBlank("v", "N/A").ShouldBe("v");
        NullIfBlank("          ").ShouldBeNull();
        TrimEnd("CUST01    ").ShouldBe("CUST01");
        CollapseSpaces("  a \t b\n\nc  ").ShouldBe("a b c");
        CollapseSpaces("a b").ShouldBe("a b");
    }

    [Fact]
    public void Digits_keeps_only_ascii_digits()
    {
        Digits("(512) 555-1111").ShouldBe("5125551111");
        Digits("123").ShouldBe("123");
        Repeat("ab", 3).ShouldBe("ababab");
    }
}
