using System.Text.Json;
using MapLang.Runtime;
using static MapLang.Stdlib.Addresses.StreetFunctions;

namespace MapLang.Stdlib.Tests;

public class AddressFunctionsTests
{
    [Fact]
    public void Street_lines_of_the_magento_example_order_fit_m3_address_fields()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("reference", "magento", "examples", "order.example.json")));
        var streets = new List<IReadOnlyList<string?>>();
        Collect(doc.RootElement, streets);
        streets.ShouldNotBeEmpty();
        foreach (var street in streets)
        {
            StreetLine(street, 1).ShouldBe(street[0]!.Trim());
            AssertWrapped(street);
        }
    }

    [Fact]
    public void Long_street_lines_wrap_at_word_boundaries_within_36_characters()
    {
        IReadOnlyList<string?> street =
        [
            "Pennsylvania Avenue Northwest Federal Triangle 1600",
            "c/o Jane   Doe, Building 4, Floor 12, Suite 1201-B, Reception",
        ];
        StreetLine(street, 1).ShouldBe("Pennsylvania Avenue Northwest");
        StreetLine(street, 2).ShouldBe("Federal Triangle 1600");
        StreetLine(street, 3).ShouldBe("c/o Jane Doe, Building 4, Floor 12,");
        StreetLine(street, 4).ShouldBe("Suite 1201-B, Reception");
        StreetLine(street, 5).ShouldBeNull();
        StreetLineCount(street).ShouldBe(4L);
        AssertWrapped(street);
    }

    [Fact]
    public void A_word_longer_than_the_line_is_cut_and_a_single_string_splits_on_line_breaks()
    {
        StreetLine("Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch Station Road", 1)
            .ShouldBe("Llanfairpwllgwyngyllgogerychwyrndrob");
        StreetLine("Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch Station Road", 2)
            .ShouldBe("wllllantysiliogogogoch Station Road");
        StreetLine("Kungsgatan 12\r\nLgh 1102", 2).ShouldBe("Lgh 1102");
        StreetLine("Box 3, Main Road", 1, 10).ShouldBe("Box 3,");
        StreetLine(new string?[] { null, "  ", "Storgatan 1" }, 1).ShouldBe("Storgatan 1");
        StreetLine((string?)null, 1).ShouldBeNull();
        StreetLine("😀😀😀", 1, 3).ShouldBe("😀");
        Should.Throw<MappingException>(() => StreetLine("x", 0)).Message.ShouldContain("starts at 1");
    }

    private static void AssertWrapped(IReadOnlyList<string?> street)
    {
        var lines = new List<string>();
        for (var n = 1; StreetLine(street, n) is { } line; n++)
        {
            line.Length.ShouldBeLessThanOrEqualTo(36);
            line.ShouldBe(line.Trim());
            lines.Add(line);
        }

        var original = string.Join(" ", street.Where(s => !string.IsNullOrWhiteSpace(s)).SelectMany(s => s!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        string.Join(" ", lines).ShouldBe(original);
        StreetLineCount(street).ShouldBe(lines.Count);
    }

    private static void Collect(JsonElement element, List<IReadOnlyList<string?>> streets)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                if (p.Name == "street" && p.Value.ValueKind == JsonValueKind.Array)
                {
                    streets.Add(p.Value.EnumerateArray().Select(e => e.GetString()).ToList());
                }
                else
                {
                    Collect(p.Value, streets);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in element.EnumerateArray())
            {
                Collect(e, streets);
            }
        }
    }
}
