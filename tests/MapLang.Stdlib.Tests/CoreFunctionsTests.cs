using static MapLang.Stdlib.Core.CoalesceFunctions;
using static MapLang.Stdlib.Core.ListFunctions;

namespace MapLang.Stdlib.Tests;

public class CoreFunctionsTests
{
    [Fact]
    public void Coalesce_returns_the_first_non_null()
    {
        Coalesce(null, "b").ShouldBe("b");
        Coalesce((string?)null, null, "c").ShouldBe("c");
        Coalesce("", "b").ShouldBe("");
        Coalesce((long?)null, 5L).ShouldBe(5L);
        Coalesce((decimal?)null, null, null, 1.5m).ShouldBe(1.5m);
        Coalesce((DateOnly?)null, (DateOnly?)null).ShouldBeNull();
        Coalesce((bool?)null, true).ShouldBeTrue();
    }

    [Fact]
    public void List_helpers()
    {
        FirstNonBlank([null, " ", "x"]).ShouldBe("x");
        FirstNonBlank(null).ShouldBeNull();
        Item(["a", "b"], 1).ShouldBe("b");
        Item(["a"], 3).ShouldBeNull();
        Count(["a", "b"]).ShouldBe(2L);
        Count(null).ShouldBe(0L);
    }
}
