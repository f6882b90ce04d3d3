using MapLang.Runtime.Functions;
using MapLang.Stdlib.Text;

namespace MapLang.Stdlib.Names;

/// <summary>
/// Person names. A full name is split at its last word: "Jane Q. Doe" → "Jane Q." + "Doe"; lower-case particles
/// (van, von, de, da, di, del, della, der, den, du, la, le, ter, ten, bin, al) and a trailing suffix (Jr., Sr., II–V)
/// stay with the last name; "Doe, Jane" is read as last, first. Names are mixed-culture: no case is changed.
/// </summary>
[MapFunctions("names")]
public static class NameFunctions
{
    private static readonly string[] Particles = ["van", "von", "de", "da", "di", "del", "della", "der", "den", "du", "la", "le", "ter", "ten", "bin", "al", "dos", "das", "do"];
    private static readonly string[] Suffixes = ["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "V"];

    [MapFunction("firstName", "The given name(s) of a full name: everything before the last name; \"\" for a single word.")]
    public static string? FirstName(string? fullName) => fullName is null ? null : Split(fullName).First;

    [MapFunction("lastName", "The family name of a full name: the last word with its particles and suffix (\"van der Berg\", \"King Jr.\").")]
    public static string? LastName(string? fullName) => fullName is null ? null : Split(fullName).Last;

    [MapFunction("fullName", "First and last name joined by one space, skipping blank parts and collapsing white space.")]
    public static string FullName(string? firstName, string? lastName) =>
        TextHelpers.CollapseWhiteSpace(string.Concat(firstName, " ", lastName));

    [MapFunction("fullName", "First, middle and last name joined by one space, skipping blank parts and collapsing white space.")]
    public static string FullName(string? firstName, string? middleName, string? lastName) =>
        TextHelpers.CollapseWhiteSpace(string.Concat(firstName, " ", middleName, " ", lastName));

    private static (string First, string Last) Split(string fullName)
    {
        var name = TextHelpers.CollapseWhiteSpace(fullName);
        var comma = name.IndexOf(',');
        if (comma >= 0)
        {
            var before = name[..comma].Trim();
            var after = name[(comma + 1)..].Trim();
            if (IsSuffix(after))
            {
                // "Martin Luther King, Jr." is a suffix, not "last, first".
                var (f, l) = Split(before);
                return (f, l + ", " + after);
            }

            return (after, before);
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= 1)
        {
            return ("", name);
        }

        var lastStart = words.Length - 1;
        if (IsSuffix(words[lastStart]) && lastStart > 1)
        {
            lastStart--;
        }

        while (lastStart > 1 && IsParticle(words[lastStart - 1]))
        {
            lastStart--;
        }

        return (string.Join(' ', words, 0, lastStart), string.Join(' ', words, lastStart, words.Length - lastStart));
    }

    private static bool IsParticle(string word) => Array.IndexOf(Particles, word) >= 0;

    private static bool IsSuffix(string word) => Array.IndexOf(Suffixes, word) >= 0;
}
