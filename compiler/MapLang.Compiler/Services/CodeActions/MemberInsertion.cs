using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.CodeActions;

/// <summary>Adds member lines at the end of a map body, before its closing brace.</summary>
internal static class MemberInsertion
{
    public static TextEdit? AtEnd(SourceText text, MapSyntax map, IEnumerable<string> members)
    {
        var body = map.BodySpan;
        if (body.Length < 2 || text.Text[body.End - 1] != '}') return null;
        var close = body.End - 1;
        var lineStart = close;
        while (lineStart > 0 && text.Text[lineStart - 1] is ' ' or '\t') lineStart--;
        var lines = members.Select(m => "    " + m).ToArray();
        if (lines.Length == 0) return null;
        // A brace on a line of its own gets the lines before it; a brace after code gets them on new lines.
        if (lineStart == 0 || text.Text[lineStart - 1] == '\n')
            return new TextEdit(new TextSpan(lineStart, 0), string.Concat(lines.Select(l => l + "\n")));
        return new TextEdit(new TextSpan(close, 0), "\n" + string.Join("\n", lines) + "\n");
    }
}
