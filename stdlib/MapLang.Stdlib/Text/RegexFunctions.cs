using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using MapLang.Runtime;
using MapLang.Runtime.Functions;

namespace MapLang.Stdlib.Text;

/// <summary>
/// Regular expressions (.NET syntax), culture-invariant, compiled once per pattern and cached, each match
/// limited to <see cref="MatchTimeout"/> so a pathological pattern cannot stall a flow.
/// </summary>
[MapFunctions("regex")]
public static class RegexFunctions
{
    /// <summary>The time one match or replace may take before it fails with a <see cref="MappingException"/>.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    // Patterns in .map files are literals, so the set is small; the bound only guards against computed patterns.
    private const int MaxCachedPatterns = 512;
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    [MapFunction("isMatch", "True when `pattern` (a .NET regular expression) matches somewhere in the text; false for a null text.")]
    public static bool IsMatch(string? text, string pattern)
    {
        if (text is null)
        {
            return false;
        }

        var regex = Get(pattern);
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            throw Timeout("isMatch", pattern);
        }
    }

    [MapFunction("regexMatch", "The first match of `pattern`, or the given capture `group` of it (number, 0 = whole match); null when nothing matches.")]
    public static string? RegexMatch(string? text, string pattern, long group = 0)
    {
        if (text is null)
        {
            return null;
        }

        var regex = Get(pattern);
        Match match;
        try
        {
            match = regex.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            throw Timeout("regexMatch", pattern);
        }

        if (group < 0 || group >= regex.GetGroupNumbers().Length)
        {
            throw new MappingException($"regexMatch: the pattern \"{pattern}\" has no group {group}.");
        }

        if (!match.Success)
        {
            return null;
        }

        var g = match.Groups[(int)group];
        return g.Success ? g.Value : null;
    }

    [MapFunction("regexReplace", "Replaces every match of `pattern` by `replacement` ($1, ${name} refer to groups).")]
    public static string? RegexReplace(string? text, string pattern, string replacement)
    {
        if (text is null)
        {
            return null;
        }

        var regex = Get(pattern);
        try
        {
            return regex.Replace(text, replacement);
        }
        catch (RegexMatchTimeoutException)
        {
            throw Timeout("regexReplace", pattern);
        }
    }

    /// <summary>
    /// Checks a pattern without running it, for the compiler to report a bad literal pattern at compile time.
    /// Returns null when the pattern is valid, else the parser's message.
    /// </summary>
    public static string? Validate(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static Regex Get(string pattern)
    {
        if (pattern is null)
        {
            throw new MappingException("regex: the pattern must not be null.");
        }

        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new MappingException($"regex: invalid pattern \"{pattern}\": {e.Message}", e);
        }

        if (Cache.Count >= MaxCachedPatterns)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(pattern, regex);
    }

    private static MappingException Timeout(string function, string pattern) =>
        new($"{function}: the pattern \"{pattern}\" took longer than {MatchTimeout.TotalSeconds:0.#} s; simplify it (nested quantifiers backtrack).");
}
