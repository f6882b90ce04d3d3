using MapLang.Runtime;
using MapLang.Stdlib.Dates;
using static MapLang.Stdlib.Dates.DateFunctions;

namespace MapLang.Stdlib.Tests;

public class DateFunctionsTests
{
    [Fact]
    public void M3_date_round_trips()
    {
        ToM3Date(new DateOnly(2024, 2, 29)).ShouldBe("20240229");
        FromM3Date("20240229").ShouldBe(new DateOnly(2024, 2, 29));
        for (var d = new DateOnly(1999, 12, 25); d < new DateOnly(2000, 3, 5); d = d.AddDays(1))
        {
            FromM3Date(ToM3Date(d)).ShouldBe(d);
        }
    }

    [Fact]
    public void M3_no_date_values_are_null_and_bad_ones_fail()
    {
        FromM3Date("0").ShouldBeNull();
        FromM3Date("00000000").ShouldBeNull();
        FromM3Date("        ").ShouldBeNull();
        Should.Throw<MappingException>(() => FromM3Date("20240230")).Message.ShouldContain("\"20240230\" is not an M3 date");
        Should.Throw<MappingException>(() => FromM3Date("2024-01-01"));
    }

    [Fact]
    public void Magento_datetime_is_utc()
    {
        var created = ParseMagentoDateTime("2017-08-21 22:22:19");
        created.ShouldBe(new DateTimeOffset(2017, 8, 21, 22, 22, 19, TimeSpan.Zero));
        ToMagentoDateTime(new DateTimeOffset(2017, 8, 22, 0, 22, 19, TimeSpan.FromHours(2))).ShouldBe("2017-08-21 22:22:19");
        Should.Throw<MappingException>(() => ParseMagentoDateTime("2017-08-21T22:22:19Z"));
    }

    [Fact]
    public void Iso_8601_parses_offsets_and_assumes_utc_without_one()
    {
        ParseDateTime("2024-03-01T10:15:00+01:00").ShouldBe(new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.FromHours(1)));
        ParseDateTime("2024-03-01T10:15:00Z").ShouldBe(new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.Zero));
        ParseDateTime("2024-03-01T10:15:00.123Z")!.Value.Millisecond.ShouldBe(123);
        ParseDateTime("2024-03-01T10:15:00")!.Value.Offset.ShouldBe(TimeSpan.Zero);
        ParseDateTime("2024-03-01 10:15")!.Value.Hour.ShouldBe(10);
        ParseDateTime("2024-03-01").ShouldBe(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero));
        Should.Throw<MappingException>(() => ParseDateTime("03/01/2024"));
        ParseDate("2024-03-01").ShouldBe(new DateOnly(2024, 3, 1));
        ParseDate("01.03.2024", "dd.MM.yyyy").ShouldBe(new DateOnly(2024, 3, 1));
    }

    [Fact]
    public void Iso_8601_formatting()
    {
        ToIsoDateTime(new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.Zero)).ShouldBe("2024-03-01T10:15:00Z");
        ToIsoDateTime(new DateTimeOffset(2024, 3, 1, 10, 15, 0, 500, TimeSpan.FromHours(-5))).ShouldBe("2024-03-01T10:15:00.5-05:00");
        ToIsoDate(new DateOnly(2024, 3, 1)).ShouldBe("2024-03-01");
        FormatDate(new DateOnly(2024, 3, 1), "dd/MM/yyyy").ShouldBe("01/03/2024");
        FormatDate(new DateOnly(2024, 3, 1), "MMM d").ShouldBe("Mar 1");
    }

    [Fact]
    public void Time_zones_convert_to_a_warehouse_clock()
    {
        var utc = new DateTimeOffset(2024, 7, 1, 22, 30, 0, TimeSpan.Zero);
        ToTimeZone(utc, "Europe/Stockholm")!.Value.Offset.ShouldBe(TimeSpan.FromHours(2));
        ToM3Date(utc, "Europe/Stockholm").ShouldBe("20240702");
        ToM3Date(utc, "America/Chicago").ShouldBe("20240701");
        ToM3Time(utc, "Europe/Stockholm").ShouldBe("003000");
        ToDate(utc, "Asia/Tokyo").ShouldBe(new DateOnly(2024, 7, 2));
        ToDate(utc).ShouldBe(new DateOnly(2024, 7, 1));
        var winter = new DateTimeOffset(2024, 1, 15, 12, 0, 0, TimeSpan.Zero);
        ToTimeZone(winter, "Europe/Stockholm")!.Value.Offset.ShouldBe(TimeSpan.FromHours(1));
        ToUtc(ToTimeZone(winter, "America/New_York")).ShouldBe(winter);
        ToTimeZone(winter, "UTC")!.Value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void A_missing_zone_fails_clearly()
    {
        var e = Should.Throw<MappingException>(() => ToTimeZone(DateTimeOffset.UnixEpoch, "Mars/Olympus_Mons"));
        e.Message.ShouldContain("time zone \"Mars/Olympus_Mons\" was not found");
        TimeZones.Exists("Europe/Stockholm").ShouldBeTrue();
        TimeZones.Exists("Nowhere/Nothing").ShouldBeFalse();
    }

    [Fact]
    public void M3_date_and_time_become_an_instant_in_the_zone()
    {
        FromM3DateTime("20240702", "93000", "Europe/Stockholm").ShouldBe(new DateTimeOffset(2024, 7, 2, 9, 30, 0, TimeSpan.FromHours(2)));
        FromM3DateTime("20240702", "1405", "Europe/Stockholm").ShouldBe(new DateTimeOffset(2024, 7, 2, 14, 5, 0, TimeSpan.FromHours(2)));
        FromM3DateTime("20240102", "", "Europe/Stockholm").ShouldBe(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.FromHours(1)));
        FromM3DateTime("0", "120000", "UTC").ShouldBeNull();
        Should.Throw<MappingException>(() => FromM3DateTime("20240102", "256100", "UTC"));
        StartOfDay(new DateOnly(2024, 7, 2), "America/Chicago").ShouldBe(new DateTimeOffset(2024, 7, 2, 0, 0, 0, TimeSpan.FromHours(-5)));
        ParseDateTime("02.07.2024 08:00", "dd.MM.yyyy HH:mm", "Europe/Stockholm").ShouldBe(new DateTimeOffset(2024, 7, 2, 8, 0, 0, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Date_arithmetic()
    {
        AddDays(new DateOnly(2024, 2, 28), 1).ShouldBe(new DateOnly(2024, 2, 29));
        AddDays(new DateOnly(2024, 3, 1), -1).ShouldBe(new DateOnly(2024, 2, 29));
        AddMonths(new DateOnly(2024, 1, 31), 1).ShouldBe(new DateOnly(2024, 2, 29));
        AddDays(DateTimeOffset.UnixEpoch, 2).ShouldBe(DateTimeOffset.UnixEpoch.AddDays(2));
        AddHours(DateTimeOffset.UnixEpoch, 5).ShouldBe(DateTimeOffset.UnixEpoch.AddHours(5));
        AddMinutes(DateTimeOffset.UnixEpoch, -5).ShouldBe(DateTimeOffset.UnixEpoch.AddMinutes(-5));
        DaysBetween(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)).ShouldBe(365L);
        AddDays((DateOnly?)null, 1).ShouldBeNull();
        Should.Throw<MappingException>(() => AddDays(new DateOnly(9999, 12, 31), 1)).Message.ShouldContain("outside the supported dates");
    }
}
