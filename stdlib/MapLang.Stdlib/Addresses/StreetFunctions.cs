using MapLang.Runtime;
using MapLang.Runtime.Functions;
using MapLang.Stdlib.Text;

namespace MapLang.Stdlib.Addresses;

/// <summary>
/// Street lines into fixed-length address fields such as M3's CUA1–CUA4 (36 characters each).
/// Each input line is cleaned (white space collapsed) and wrapped at word boundaries to the maximum length;
/// a word longer than the line is cut (never inside a surrogate pair). The wrapped lines are numbered from 1,
/// so <c>CUA1 = streetLine(street, 1)</c> … <c>CUA4 = streetLine(street, 4)</c>.
/// </summary>
[MapFunctions("addresses")]
public static class StreetFunctions
{
    /// <summary>M3's address line length (CUA1–CUA4, A36).</summary>
    public const long M3AddressLineLength = 36;

    [MapFunction("streetLine", "Line `n` (1-based) of the street lines wrapped at word boundaries to `maxLength` (default 36, M3's CUA1–CUA4); null when there is no such line.")]
    public static string? StreetLine(IReadOnlyList<string?>? lines, long n, long maxLength = M3AddressLineLength)
    {
        Check("streetLine", n, maxLength);
        if (lines is null)
        {
            return null;
        }

        var remaining = n;
        for (var i = 0; i < lines.Count; i++)
        {
            var found = WrapLine(lines[i], (int)maxLength, ref remaining);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    [MapFunction("streetLine", "Line `n` (1-based) of a street text (line breaks start new lines) wrapped at word boundaries to `maxLength` (default 36); null when there is no such line.")]
    public static string? StreetLine(string? street, long n, long maxLength = M3AddressLineLength)
    {
        Check("streetLine", n, maxLength);
        if (street is null)
        {
            return null;
        }

        var remaining = n;
        foreach (var line in street.Split('\n'))
        {
            var found = WrapLine(line, (int)maxLength, ref remaining);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    [MapFunction("streetLineCount", "How many lines the street lines need when wrapped to `maxLength` (default 36); more than 4 does not fit M3's CUA1–CUA4.")]
    public static long StreetLineCount(IReadOnlyList<string?>? lines, long maxLength = M3AddressLineLength)
    {
        Check("streetLineCount", 1, maxLength);
        if (lines is null)
        {
            return 0;
        }

        var remaining = long.MaxValue;
        for (var i = 0; i < lines.Count; i++)
        {
            WrapLine(lines[i], (int)maxLength, ref remaining);
        }

        return long.MaxValue - remaining;
    }

    /// <summary>
    /// Wraps one input line, counting <paramref name="remaining"/> down per output line;
    /// returns the output line at which it reaches zero, or null when this input line ends first.
    /// </summary>
    private static string? WrapLine(string? line, int max, ref long remaining)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        var s = TextHelpers.CollapseWhiteSpace(line);
        var pos = 0;
        while (pos < s.Length)
        {
            int length;
            int next;
            if (s.Length - pos <= max)
            {
                length = s.Length - pos;
                next = s.Length;
            }
            else
            {
                var space = s.LastIndexOf(' ', pos + max, max + 1);
                if (space > pos)
                {
                    length = space - pos;
                    next = space + 1;
                }
                else
                {
                    // One word longer than the line: cut it.
                    length = TextHelpers.SafeCut(s, pos + max) - pos;
                    next = pos + length;
                    if (next < s.Length && s[next] == ' ')
                    {
                        next++;
                    }
                }
            }

            if (--remaining == 0)
            {
                return s.Substring(pos, length);
            }

            pos = next;
        }

        return null;
    }

    private static void Check(string function, long n, long maxLength)
    {
        if (n < 1)
        {
            throw new MappingException($"{function}: the line number ({n}) starts at 1.");
        }

        if (maxLength is < 2 or > 10_000)
        {
            throw new MappingException($"{function}: maxLength ({maxLength}) must be between 2 and 10000.");
        }
    }
}
