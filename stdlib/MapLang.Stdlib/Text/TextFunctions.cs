using MapLang.Runtime;
using MapLang.Runtime.Functions;

namespace MapLang.Stdlib.Text;

/// <summary>
/// Text functions. All are culture-invariant and ordinal, and a null text gives a null result.
/// Lengths and positions count UTF-16 code units, as M3 field lengths do; cuts never split a surrogate pair.
/// </summary>
[MapFunctions("text")]
public static class TextFunctions
{
    [MapFunction("upper", "Upper-cases with invariant rules; the length never changes, so 'ß' stays 'ß' (it is not expanded to 'SS').")]
    public static string? Upper(string? text) => text?.ToUpperInvariant();

    [MapFunction("lower", "Lower-cases with invariant rules.")]
    public static string? Lower(string? text) => text?.ToLowerInvariant();

    [MapFunction("trim", "Removes white space at both ends.")]
    public static string? Trim(string? text) => text?.Trim();

    [MapFunction("trimStart", "Removes white space at the start.")]
    public static string? TrimStart(string? text) => text?.TrimStart();

    [MapFunction("trimEnd", "Removes white space at the end (M3 values come blank-padded).")]
    public static string? TrimEnd(string? text) => text?.TrimEnd();

    [MapFunction("collapseSpaces", "Trims and replaces every run of white space (tabs and line breaks included) by one space.")]
    public static string? CollapseSpaces(string? text) => text is null ? null : TextHelpers.CollapseWhiteSpace(text);

    [MapFunction("padLeft", "Pads on the left with `pad` (one character, default a space) up to `width`; longer text is returned unchanged.")]
    public static string? PadLeft(string? text, long width, string pad = " ") =>
        text?.PadLeft(CheckWidth("padLeft", width), PadChar("padLeft", pad));

    [MapFunction("padRight", "Pads on the right with `pad` (one character, default a space) up to `width`; longer text is returned unchanged.")]
    public static string? PadRight(string? text, long width, string pad = " ") =>
        text?.PadRight(CheckWidth("padRight", width), PadChar("padRight", pad));

    [MapFunction("substring", "The part from `start` (0-based) to the end; a start past the end gives \"\". Never splits a surrogate pair.")]
    public static string? Substring(string? text, long start) =>
        text is null ? null : Substring(text, start, text.Length);

    [MapFunction("substring", "At most `length` characters (UTF-16 units) from `start` (0-based), clamped to the text. Never splits a surrogate pair.")]
    public static string? Substring(string? text, long start, long length)
    {
        if (text is null)
        {
            return null;
        }

        if (start < 0 || length < 0)
        {
            throw new MappingException($"substring: start ({start}) and length ({length}) must not be negative.");
        }

        if (start >= text.Length)
        {
            return "";
        }

        var from = (int)start;
        if (from > 0 && char.IsLowSurrogate(text[from]) && char.IsHighSurrogate(text[from - 1]))
        {
            from++;
        }

        var end = TextHelpers.SafeCut(text, (int)Math.Min(text.Length, from + Math.Min(length, text.Length)));
        return end <= from ? "" : text.Substring(from, end - from);
    }

    [MapFunction("truncate", "Cuts to at most `maxLength` UTF-16 code units (as M3 counts field lengths); a surrogate pair that would be split is dropped whole.")]
    public static string? Truncate(string? text, long maxLength)
    {
        if (text is null)
        {
            return null;
        }

        if (maxLength < 0)
        {
            throw new MappingException($"truncate: maxLength ({maxLength}) must not be negative.");
        }

        return text.Length <= maxLength ? text : text[..TextHelpers.SafeCut(text, (int)maxLength)];
    }

    [MapFunction("left", "The first `count` characters (UTF-16 units); same as truncate.")]
    public static string? Left(string? text, long count) => Truncate(text, count);

    [MapFunction("right", "The last `count` characters (UTF-16 units); never splits a surrogate pair.")]
    public static string? Right(string? text, long count)
    {
        if (text is null)
        {
            return null;
        }

        if (count < 0)
        {
            throw new MappingException($"right: count ({count}) must not be negative.");
        }

        if (count >= text.Length)
        {
            return text;
        }

        var from = text.Length - (int)count;
        if (char.IsLowSurrogate(text[from]) && char.IsHighSurrogate(text[from - 1]))
        {
            from++;
        }

        return text[from..];
    }

    [MapFunction("length", "The number of UTF-16 code units (the unit M3 field lengths use).")]
    public static long? Length(string? text) => text?.Length;

    [MapFunction("split", "Splits at every occurrence of `separator` (ordinal); empty parts are kept.")]
    public static IReadOnlyList<string>? Split(string? text, string separator)
    {
        if (text is null)
        {
            return null;
        }

        if (string.IsNullOrEmpty(separator))
        {
            throw new MappingException("split: the separator must not be empty.");
        }

        return text.Split(separator, StringSplitOptions.None);
    }

    [MapFunction("join", "Joins the parts with `separator`, skipping null and blank parts (so optional address parts leave no double separators).")]
    public static string? Join(IReadOnlyList<string?>? parts, string separator)
    {
        if (parts is null)
        {
            return null;
        }

        var sb = new System.Text.StringBuilder();
        var first = true;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }

            if (!first)
            {
                sb.Append(separator);
            }

            sb.Append(part);
            first = false;
        }

        return sb.ToString();
    }

    [MapFunction("concat", "Concatenates; a null part counts as empty.")]
    public static string Concat(string? a, string? b) => string.Concat(a, b);

    [MapFunction("concat", "Concatenates; a null part counts as empty.")]
    public static string Concat(string? a, string? b, string? c) => string.Concat(a, b, c);

    [MapFunction("concat", "Concatenates; a null part counts as empty.")]
    public static string Concat(string? a, string? b, string? c, string? d) => string.Concat(a, b, c, d);

    [MapFunction("replace", "Replaces every occurrence of `oldValue` (ordinal, case-sensitive) by `newValue`.")]
    public static string? Replace(string? text, string oldValue, string newValue)
    {
        if (text is null)
        {
            return null;
        }

        if (string.IsNullOrEmpty(oldValue))
        {
            throw new MappingException("replace: the value to replace must not be empty.");
        }

        return text.Replace(oldValue, newValue, StringComparison.Ordinal);
    }

    [MapFunction("contains", "True when `text` contains `value` (ordinal; `ignoreCase` uses invariant case folding). A null text gives false.")]
    public static bool Contains(string? text, string value, bool ignoreCase = false) =>
        text is not null && text.Contains(value, Comparison(ignoreCase));

    [MapFunction("startsWith", "True when `text` starts with `value` (ordinal; `ignoreCase` uses invariant case folding). A null text gives false.")]
    public static bool StartsWith(string? text, string value, bool ignoreCase = false) =>
        text is not null && text.StartsWith(value, Comparison(ignoreCase));

    [MapFunction("endsWith", "True when `text` ends with `value` (ordinal; `ignoreCase` uses invariant case folding). A null text gives false.")]
    public static bool EndsWith(string? text, string value, bool ignoreCase = false) =>
        text is not null && text.EndsWith(value, Comparison(ignoreCase));

    [MapFunction("equalsIgnoreCase", "True when both are equal ignoring case (ordinal, invariant); two nulls are equal.")]
    public static bool EqualsIgnoreCase(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [MapFunction("indexOf", "The 0-based position of `value` in `text` (ordinal), or -1; null for a null text.")]
    public static long? IndexOf(string? text, string value) => text?.IndexOf(value, StringComparison.Ordinal);

    [MapFunction("isBlank", "True when the text is null, empty or only white space.")]
    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    [MapFunction("isNotBlank", "True when the text has a character other than white space.")]
    public static bool IsNotBlank(string? text) => !string.IsNullOrWhiteSpace(text);

    [MapFunction("defaultIfBlank", "The text, or `fallback` when it is null, empty or only white space.")]
    public static string DefaultIfBlank(string? text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;

    [MapFunction("nullIfBlank", "The text, or null when it is empty or only white space (M3 returns blanks for 'no value').")]
    public static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [MapFunction("digits", "Only the ASCII digits 0-9 of the text, e.g. for postcodes and phone numbers.")]
    public static string? Digits(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        if (count == text.Length)
        {
            return text;
        }

        return string.Create(count, text, static (span, source) =>
        {
            var j = 0;
            foreach (var c in source)
            {
                if (char.IsAsciiDigit(c))
                {
                    span[j++] = c;
                }
            }
        });
    }

    [MapFunction("repeat", "The text repeated `count` times.")]
    public static string? Repeat(string? text, long count)
    {
        if (text is null)
        {
            return null;
        }

        if (count < 0 || count * text.Length > 1_000_000)
        {
            throw new MappingException($"repeat: count ({count}) must be between 0 and a result of 1,000,000 characters.");
        }

        return string.Concat(Enumerable.Repeat(text, (int)count));
    }

    private static StringComparison Comparison(bool ignoreCase) =>
        ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static int CheckWidth(string function, long width)
    {
        if (width is < 0 or > 100_000)
        {
            throw new MappingException($"{function}: width ({width}) must be between 0 and 100000.");
        }

        return (int)width;
    }

    private static char PadChar(string function, string pad)
    {
        if (pad is null || pad.Length != 1)
        {
            throw new MappingException($"{function}: the pad must be exactly one character, got \"{pad}\".");
        }

        return pad[0];
    }
}
