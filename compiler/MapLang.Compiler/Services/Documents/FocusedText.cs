namespace MapLang.Compiler.Services.Documents;

/// <summary>
/// The text with the bodies of every map but the one around a position blanked out (spaces, line breaks kept, so every
/// offset stays where it was). Completion and signature help bind that text instead of the whole file: declarations
/// and the current map are all they need, and a 2,000-line file then costs what one map costs.
/// Maps are recognised as formatted text lays them out (<c>map</c> at the start of a line, <c>}</c> alone on a line);
/// anything else is left as it is.
/// </summary>
public static class FocusedText
{
    public static string? BlankOtherMaps(string text, int position)
    {
        char[]? result = null;
        var lineStart = 0;
        var mapBody = -1;
        var depth = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            var line = text.AsSpan(lineStart, lineEnd - lineStart).TrimEnd('\r');
            if (mapBody < 0)
            {
                if (line.StartsWith("map ") && line.EndsWith("{") && line.IndexOf('{') == line.Length - 1)
                {
                    mapBody = lineEnd;
                    depth = 0;
                }
            }
            else
            {
                depth += Count(line, '{') - Count(line, '}');
                if (line.SequenceEqual("}") && depth == -1)
                {
                    if (!(position > mapBody && position <= lineStart))
                    {
                        result ??= text.ToCharArray();
                        for (var i = mapBody; i < lineStart; i++)
                            if (result[i] is not ('\n' or '\r')) result[i] = ' ';
                    }
                    mapBody = -1;
                }
                else if (line.StartsWith("map ")) mapBody = -1; // not laid out as expected: leave this one alone
            }
            lineStart = lineEnd + 1;
        }
        return result is null ? null : new string(result);
    }

    private static int Count(ReadOnlySpan<char> line, char c)
    {
        var n = 0;
        foreach (var x in line) if (x == c) n++;
        return n;
    }
}
