using MapLang.Runtime;
using MapLang.Stdlib.Addresses;
using static MapLang.Stdlib.Addresses.CountryFunctions;

namespace MapLang.Stdlib.Tests;

public class CountryFunctionsTests
{
    private static readonly IReadOnlyList<Country> All = typeof(Country).Assembly
        .GetType("MapLang.Stdlib.Addresses.CountryTable")!
        .GetField("All")!.GetValue(null) as Country[] ?? [];

    [Fact]
    public void Every_iso_3166_country_round_trips_between_all_forms()
    {
        All.Count.ShouldBe(249);
        foreach (var c in All)
        {
            CountryAlpha3(c.Alpha2).ShouldBe(c.Alpha3);
            CountryAlpha2(c.Alpha3).ShouldBe(c.Alpha2);
            CountryAlpha2(c.Numeric).ShouldBe(c.Alpha2);
            CountryNumeric(c.Alpha2).ShouldBe(c.Numeric);
            CountryName(c.Alpha3).ShouldBe(c.Name);
            CountryAlpha2(c.Name).ShouldBe(c.Alpha2);
            CountryAlpha2(c.Alpha2.ToLowerInvariant()).ShouldBe(c.Alpha2);
            c.Alpha2.Length.ShouldBe(2);
            c.Alpha3.Length.ShouldBe(3);
            c.Numeric.Length.ShouldBe(3);
        }

        All.Select(c => c.Alpha2).Distinct().Count().ShouldBe(249);
        All.Select(c => c.Alpha3).Distinct().Count().ShouldBe(249);
        All.Select(c => c.Numeric).Distinct().Count().ShouldBe(249);
    }

    [Theory]
    [InlineData("SE", "SWE", "752", "Sweden")]
    [InlineData("US", "USA", "840", "United States")]
    [InlineData("GB", "GBR", "826", "United Kingdom")]
    [InlineData("DE", "DEU", "276", "Germany")]
    [InlineData("JP", "JPN", "392", "Japan")]
    [InlineData("KW", "KWT", "414", "Kuwait")]
    [InlineData("NL", "NLD", "528", "Netherlands")]
    public void Known_countries(string alpha2, string alpha3, string numeric, string name)
    {
        CountryAlpha3(alpha2).ShouldBe(alpha3);
        CountryNumeric(alpha3).ShouldBe(numeric);
        CountryName(numeric).ShouldBe(name);
    }

    [Fact]
    public void Common_and_ascii_names_are_understood()
    {
        CountryAlpha2("United States of America").ShouldBe("US");
        CountryAlpha2("south korea").ShouldBe("KR");
        CountryAlpha2("Cote d'Ivoire").ShouldBe("CI");
        CountryAlpha2("Turkey").ShouldBe("TR");
        CountryAlpha2(" se ").ShouldBe("SE");
        IsCountry("XX").ShouldBeFalse();
        IsCountry("Sweden").ShouldBeTrue();
        CountryAlpha2(null).ShouldBeNull();
        Should.Throw<MappingException>(() => CountryAlpha3("Atlantis")).Message.ShouldContain("\"Atlantis\" is not an ISO 3166-1 country");
    }

    [Fact]
    public void Regions_of_the_us_canada_and_australia()
    {
        RegionCode("US", "New York").ShouldBe("NY");
        RegionCode("USA", "ny").ShouldBe("NY");
        RegionName("US", "NY").ShouldBe("New York");
        RegionCode("US", "District of Columbia").ShouldBe("DC");
        RegionCode("US", "Puerto Rico").ShouldBe("PR");
        RegionCode("US", "AE").ShouldBe("AE");
        RegionCode("CA", "Quebec").ShouldBe("QC");
        RegionCode("AU", "New South Wales").ShouldBe("NSW");
        RegionCode("SE", "Västra Götaland").ShouldBe("Västra Götaland");
        RegionCode("US", null).ShouldBeNull();
        Should.Throw<MappingException>(() => RegionCode("US", "Ontario")).Message.ShouldContain("is not a region of US");
        var states = new[] { "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY" };
        foreach (var state in states)
        {
            RegionCode("US", RegionName("US", state)).ShouldBe(state);
        }
    }
}
