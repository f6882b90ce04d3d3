namespace MapLang.Compiler.Diagnostics;

/// <summary>"Did you mean" candidates: the closest known names by edit distance, case-insensitively.</summary>
public static class Suggestions
{
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates, int max = 3)
    {
        var limit = Math.Max(2, name.Length / 3);
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(name, c)))
            .Where(c => c.Distance <= limit || c.Name.Contains(name, StringComparison.OrdinalIgnoreCase) && name.Length >= 3)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)
            .ToArray();
    }

    /// <summary>" Did you mean 'a' or 'b'?" or empty, to append to a message.</summary>
    public static string Phrase(IReadOnlyList<string> suggestions) => suggestions.Count switch
    {
        0 => "",
        1 => $" Did you mean '{suggestions[0]}'?",
        _ => $" Did you mean {string.Join(", ", suggestions.Take(suggestions.Count - 1).Select(s => $"'{s}'"))} or '{suggestions[^1]}'?",
    };

    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
