using static MapLang.Stdlib.Names.NameFunctions;

namespace MapLang.Stdlib.Tests;

public class NameFunctionsTests
{
    [Theory]
    [InlineData("Jane Doe", "Jane", "Doe")]
    [InlineData("  Jane   Q.  Doe ", "Jane Q.", "Doe")]
    [InlineData("Ludwig van Beethoven", "Ludwig", "van Beethoven")]
    [InlineData("Anne van der Berg", "Anne", "van der Berg")]
    [InlineData("Martin Luther King Jr.", "Martin Luther", "King Jr.")]
    [InlineData("Martin Luther King, Jr.", "Martin Luther", "King, Jr.")]
    [InlineData("Doe, Jane", "Jane", "Doe")]
    [InlineData("Madonna", "", "Madonna")]
    [InlineData("", "", "")]
    public void Full_names_split_into_first_and_last(string full, string first, string last)
    {
        FirstName(full).ShouldBe(first);
        LastName(full).ShouldBe(last);
    }

    [Fact]
    public void Names_join_and_null_stays_null()
    {
        FullName("Jane", "Doe").ShouldBe("Jane Doe");
        FullName("Jane", null, "Doe").ShouldBe("Jane Doe");
        FullName(" Jane ", "Q.", "Doe").ShouldBe("Jane Q. Doe");
        FullName(null, null).ShouldBe("");
        FirstName(null).ShouldBeNull();
    }
}
