using System.Collections.Concurrent;
using MapLang.Runtime;

namespace MapLang.Stdlib.Dates;

/// <summary>
/// IANA time zones by id, cached. InvariantGlobalization does not remove <see cref="TimeZoneInfo"/>, but on
/// Linux the zones come from the tzdata files (/usr/share/zoneinfo); a container without tzdata knows only UTC.
/// </summary>
public static class TimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Cache = new(StringComparer.Ordinal);

    /// <summary>The zone for an IANA id (e.g. <c>Europe/Stockholm</c>), or a <see cref="MappingException"/> saying why not.</summary>
    public static TimeZoneInfo Find(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new MappingException("time zone: the zone id must not be blank; use an IANA id such as \"Europe/Stockholm\" or \"UTC\".");
        }

        if (Cache.TryGetValue(id, out var zone))
        {
            return zone;
        }

        if (id is "UTC" or "Etc/UTC" or "Z")
        {
            zone = TimeZoneInfo.Utc;
        }
        else
        {
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (TimeZoneNotFoundException e)
            {
                throw new MappingException(NotFoundMessage(id), e);
            }
            catch (InvalidTimeZoneException e)
            {
                throw new MappingException($"time zone \"{id}\": the system's zone data is corrupt: {e.Message}", e);
            }
        }

        return Cache.GetOrAdd(id, zone);
    }

    /// <summary>True when the id names a zone this machine knows.</summary>
    public static bool Exists(string id)
    {
        try
        {
            Find(id);
            return true;
        }
        catch (MappingException)
        {
            return false;
        }
    }

    /// <summary>The local date and time of <paramref name="local"/> (its clock reading) interpreted in <paramref name="zone"/>.</summary>
    /// <remarks>A clock reading that falls in a daylight-saving gap or overlap takes the zone's standard offset.</remarks>
    internal static DateTimeOffset AtLocal(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = zone.IsInvalidTime(unspecified) || zone.IsAmbiguousTime(unspecified)
            ? zone.BaseUtcOffset
            : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }

    private static string NotFoundMessage(string id)
    {
        var hint = OperatingSystem.IsWindows() || Directory.Exists("/usr/share/zoneinfo")
            ? "check the spelling of the IANA id (e.g. \"America/New_York\", \"Europe/Stockholm\")"
            : "this machine has no time zone data (/usr/share/zoneinfo is missing): install the tzdata package in the image";
        return $"time zone \"{id}\" was not found: {hint}.";
    }
}
